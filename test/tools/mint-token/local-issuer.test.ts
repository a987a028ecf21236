import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { startLocalIssuer, type LocalIssuer } from '../../../tools/issuer/index.js';
import {
  BadCredentialsError,
  mintToken,
  UnauthorizedClientError,
  UnknownAudienceError,
} from '../../../tools/mint-token/index.js';
import { rejectionOf, tempDir } from './helpers.js';

const run = promisify(execFile);
const fixture = fileURLToPath(new URL('fixtures/mint-once.ts', import.meta.url));

describe('mintToken against the local issuer (loopback)', () => {
  let issuer: LocalIssuer;
  let dir: string;
  let remove: () => Promise<void>;
  const options = () => ({
    issuerBaseUrl: issuer.url,
    clientId: 'm2m',
    clientSecret: 'm2m-secret',
    audience: 'https://whatshouldiwear',
    cacheDir: dir,
    timeoutMs: 2000,
  });

  beforeEach(async () => {
    ({ dir, remove } = await tempDir());
    issuer = await startLocalIssuer({
      clients: [
        { clientId: 'm2m', clientSecret: 'm2m-secret' },
        { clientId: 'web', clientSecret: 'web-secret', grantTypes: ['authorization_code'] },
      ],
    });
  });
  afterEach(async () => {
    await issuer.stop();
    await remove();
  });

  it('mints a token that verifies against the issuer key set', async () => {
    const { accessToken } = await mintToken(options());
    const jwks = (await (await fetch(issuer.jwksUrl)).json()) as JSONWebKeySet;
    const { payload } = await jwtVerify(accessToken, createLocalJWKSet(jwks), {
      issuer: issuer.url,
      audience: 'https://whatshouldiwear',
    });
    expect(payload.sub).to.equal('m2m@clients');
  });

  it('asks the issuer once for two calls in a row', async () => {
    await mintToken(options());
    await mintToken(options());
    expect(issuer.issued.client_credentials).to.equal(1);
  });

  it('reports a wrong secret as BadCredentialsError', async () => {
    const error = await rejectionOf(mintToken({ ...options(), clientSecret: 'wrong' }));
    expect(error).to.be.instanceOf(BadCredentialsError);
  });

  it('reports an unknown audience as UnknownAudienceError', async () => {
    const error = await rejectionOf(mintToken({ ...options(), audience: 'https://nope' }));
    expect(error).to.be.instanceOf(UnknownAudienceError);
  });

  it('reports a client without the grant as UnauthorizedClientError', async () => {
    const error = await rejectionOf(
      mintToken({ ...options(), clientId: 'web', clientSecret: 'web-secret' }),
    );
    expect(error).to.be.instanceOf(UnauthorizedClientError);
  });

  it('makes one endpoint call for four processes started at once', async function () {
    this.timeout(20_000);
    const env = { ...process.env, MINT_ONCE_SECRET: 'm2m-secret' };
    const outputs = await Promise.all(
      Array.from({ length: 4 }, () =>
        run(process.execPath, ['--import=tsx', fixture, issuer.url, 'm2m', dir], { env }),
      ),
    );
    expect(new Set(outputs.map((o) => o.stdout)).size).to.equal(1);
    expect(issuer.issued.client_credentials).to.equal(1);
  });
});
