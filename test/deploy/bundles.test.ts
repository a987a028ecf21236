import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startLocalIssuer, type LocalIssuer } from '../../tools/issuer/index.js';
import { launchRequest } from '../harness/requests.js';
import { buildOnce, type Built } from './support/built.js';
import { functionUrlEvent } from '../harness/function-url.js';

const run = promisify(execFile);

/** Runs `<bundle>.handler(event)` with plain node in the bundle folder; resolves to its answer. */
async function invoke(
  built: Built,
  bundle: 'index' | 'proxy',
  event: unknown,
  env: Record<string, string>,
): Promise<Record<string, unknown>> {
  const script = `require('./${bundle}.js').handler(JSON.parse(process.argv[1]), {}).then((r) => process.stdout.write(JSON.stringify(r)), (e) => { console.error(e.message); process.exit(1); });`;
  const { stdout } = await run(process.execPath, ['-e', script, JSON.stringify(event)], {
    cwd: built.lambdaDir,
    env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'error', ...env },
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}

describe('deploy: the bundles the stack runs', function () {
  this.timeout(60_000);
  let built: Built;
  let issuer: LocalIssuer;

  before(async () => {
    built = await buildOnce();
    issuer = await startLocalIssuer();
  });

  after(async () => {
    await issuer.stop();
  });

  it('index.handler answers a LaunchRequest without a token with a LinkAccount card', async () => {
    const reply = await invoke(built, 'index', launchRequest(), {
      ISSUER_BASE_URL: issuer.url,
      WEATHER_PROVIDER: 'demo',
    });
    expect((reply['response'] as { card?: unknown }).card).to.deep.equal({ type: 'LinkAccount' });
  });

  it('proxy.handler refuses a grant Alexa never uses with 400 unsupported_grant_type', async () => {
    const client = issuer.testClient;
    const reply = await invoke(
      built,
      'proxy',
      functionUrlEvent('grant_type=client_credentials', {
        headers: { authorization: basic(client.clientId, client.clientSecret) },
        base64: true,
      }),
      { UPSTREAM_TOKEN_URL: issuer.tokenUrl, ALLOWED_CLIENT_IDS: client.clientId },
    );
    expect(reply['statusCode']).to.equal(400);
    expect(JSON.parse(String(reply['body']))).to.include({ error: 'unsupported_grant_type' });
  });

  it('proxy.handler answers an unknown client with 401 invalid_client and no-store', async () => {
    const reply = await invoke(
      built,
      'proxy',
      functionUrlEvent('grant_type=refresh_token&refresh_token=x', {
        headers: { authorization: basic('someone-else', 's') },
        base64: true,
      }),
      { UPSTREAM_TOKEN_URL: issuer.tokenUrl, ALLOWED_CLIENT_IDS: 'alexa-client' },
    );
    expect(reply['statusCode']).to.equal(401);
    expect(JSON.parse(String(reply['body']))).to.include({ error: 'invalid_client' });
    expect(reply['headers']).to.include({ 'cache-control': 'no-store' });
  });

  it('proxy.handler answers a refresh through the local issuer with an integer expires_in of at least 360', async () => {
    const client = issuer.testClient;
    issuer.switches.setOmitRefreshExpiresIn(true);
    const code = await linkTestUser(issuer);
    const exchanged = await fetch(issuer.tokenUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: basic(client.clientId, client.clientSecret),
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: 'http://127.0.0.1/callback',
      }),
    });
    const { refresh_token: refreshToken } = (await exchanged.json()) as { refresh_token: string };
    const reply = await invoke(
      built,
      'proxy',
      functionUrlEvent(
        new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: refreshToken,
        }).toString(),
        { headers: { authorization: basic(client.clientId, client.clientSecret) }, base64: true },
      ),
      { UPSTREAM_TOKEN_URL: issuer.tokenUrl, ALLOWED_CLIENT_IDS: client.clientId },
    );
    expect(reply['statusCode']).to.equal(200);
    const body = JSON.parse(String(reply['body'])) as {
      expires_in: unknown;
      access_token: unknown;
    };
    expect(body.access_token).to.be.a('string');
    expect(Number.isInteger(body.expires_in)).to.equal(true);
    expect(body.expires_in).to.be.at.least(360);
  });
});

async function linkTestUser(issuer: LocalIssuer): Promise<string> {
  const url = new URL(issuer.authorizeUrl);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: issuer.testClient.clientId,
    redirect_uri: 'http://127.0.0.1/callback',
    scope: 'openid offline_access read:whattowear',
    audience: 'https://whatshouldiwear',
    state: 's',
  }).toString();
  const response = await fetch(url, { redirect: 'manual' });
  const code = new URL(response.headers.get('location') ?? '').searchParams.get('code');
  if (code === null) throw new Error('no code');
  return code;
}
