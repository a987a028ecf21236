import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { decodeJwt } from 'jose';
import { startLocalIssuer, type LocalIssuer } from '../../../tools/issuer/index.js';
import { MINT_TOKEN_USAGE, runMintTokenCli } from '../../../tools/mint-token/index.js';
import { fakeJwt, tempDir } from './helpers.js';

const SECRET = 'cli-test-secret-value';

describe('mint-token command line', () => {
  let issuer: LocalIssuer;
  let dir: string;
  let remove: () => Promise<void>;
  const env = (): Record<string, string> => ({
    ISSUER_BASE_URL: issuer.url,
    TEST_CLIENT_ID: 'm2m',
    TEST_CLIENT_SECRET: SECRET,
  });
  const cli = async (argv: string[], environment: Record<string, string | undefined> = env()) => {
    let stdout = '';
    let stderr = '';
    const code = await runMintTokenCli({
      argv,
      env: environment,
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      overrides: { cacheDir: dir, timeoutMs: 2000 },
    });
    return { code, stdout, stderr };
  };

  beforeEach(async () => {
    ({ dir, remove } = await tempDir());
    issuer = await startLocalIssuer({
      apis: [
        { audience: 'https://whatshouldiwear', scopes: ['read:whattowear'] },
        { audience: 'https://other-api', scopes: ['read:other'] },
      ],
      clients: [{ clientId: 'm2m', clientSecret: SECRET }],
    });
  });
  afterEach(async () => {
    await issuer.stop();
    await remove();
  });

  it('prints the token alone on stdout and exits 0', async () => {
    const { code, stdout, stderr } = await cli([]);
    expect(code).to.equal(0);
    expect(stdout).to.match(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    expect(stderr).to.equal('');
  });

  it('uses AUDIENCE, defaulting to https://whatshouldiwear', async () => {
    const { stdout } = await cli([]);
    expect(decodeJwt(stdout.trim()).aud).to.equal('https://whatshouldiwear');
  });

  it('takes --audience and --scope', async () => {
    const { stdout } = await cli(['--audience', 'https://other-api', '--scope', 'read:other']);
    expect(decodeJwt(stdout.trim())).to.include({ aud: 'https://other-api', scope: 'read:other' });
  });

  it('prints the whole response and decoded claims with --json', async () => {
    const { stdout } = await cli(['--json']);
    const out = JSON.parse(stdout) as Record<string, Record<string, unknown>>;
    expect(out.response).to.include({ token_type: 'Bearer', expires_in: 86_400 });
    expect(out.claims).to.include({ iss: issuer.url, sub: 'm2m@clients' });
    expect(out.header).to.include({ alg: 'RS256' });
  });

  it('decodes a given token with --decode, without any configuration', async () => {
    const token = fakeJwt({ sub: 'someone' });
    const { code, stdout } = await cli(['--decode', token], {});
    expect(code).to.equal(0);
    expect(JSON.parse(stdout)).to.deep.include({ claims: { sub: 'someone' } });
  });

  it('accepts --decode=<token>', async () => {
    const { stdout } = await cli([`--decode=${fakeJwt({ sub: 'x' })}`], {});
    expect(JSON.parse(stdout)).to.have.nested.property('claims.sub', 'x');
  });

  it('mints and decodes a token with --decode alone', async () => {
    const { stdout } = await cli(['--decode']);
    expect(JSON.parse(stdout)).to.have.nested.property('claims.sub', 'm2m@clients');
  });

  it('serves the second run from the cache', async () => {
    await cli([]);
    await cli([]);
    expect(issuer.issued.client_credentials).to.equal(1);
  });

  it('asks the endpoint each time with --no-cache', async () => {
    await cli(['--no-cache']);
    await cli(['--no-cache']);
    expect(issuer.issued.client_credentials).to.equal(2);
  });

  it('prints help on stdout with --help', async () => {
    const { code, stdout } = await cli(['--help'], {});
    expect(code).to.equal(0);
    expect(stdout).to.equal(MINT_TOKEN_USAGE);
  });

  it('names every missing variable in one line and exits 2', async () => {
    const { code, stdout, stderr } = await cli([], {});
    expect(code).to.equal(2);
    expect(stdout).to.equal('');
    expect(stderr.trimEnd().split('\n')).to.have.length(1);
    expect(stderr)
      .to.include('ISSUER_BASE_URL')
      .and.include('TEST_CLIENT_ID')
      .and.include('TEST_CLIENT_SECRET');
  });

  it('refuses an unknown option with exit 2', async () => {
    const { code, stderr } = await cli(['--bogus']);
    expect(code).to.equal(2);
    expect(stderr).to.match(/^mint-token: .*\[ERR_MINT_USAGE\]\n$/);
  });

  it('reports bad credentials in one stderr line with its code, exit 1', async () => {
    issuer.switches.registerClient({ clientId: 'm2m', clientSecret: 'rotated-secret' });
    const { code, stdout, stderr } = await cli([]);
    expect(code).to.equal(1);
    expect(stdout).to.equal('');
    expect(stderr).to.match(/^mint-token: .*\[ERR_MINT_BAD_CREDENTIALS\]\n$/);
  });

  it('never prints the secret, even in an error', async () => {
    const { stderr } = await cli([], { ...env(), ISSUER_BASE_URL: `http://example.com/${SECRET}` });
    expect(stderr).to.not.include(SECRET);
  });

  it('reports an unknown audience with its code', async () => {
    const { stderr } = await cli(['--audience', 'https://nope']);
    expect(stderr).to.include('[ERR_MINT_UNKNOWN_AUDIENCE]');
  });

  it('reports a refused connection as a network error', async () => {
    const url = issuer.url;
    await issuer.stop();
    const { code, stderr } = await cli([], { ...env(), ISSUER_BASE_URL: url });
    issuer = await startLocalIssuer(); // for afterEach
    expect(code).to.equal(1);
    expect(stderr).to.include('[ERR_MINT_NETWORK]');
  });

  it('works as a program: scripts/mint-token.ts prints the token alone', async function () {
    this.timeout(15_000);
    const script = fileURLToPath(new URL('../../../scripts/mint-token.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import=tsx', script, '--no-cache'],
      { env: { ...process.env, ...env() } },
    );
    expect(stdout).to.match(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
  });
});
