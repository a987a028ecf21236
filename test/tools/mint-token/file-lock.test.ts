import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'chai';
import nock from 'nock';
import { cacheFileName, writeCachedToken } from '../../../tools/mint-token/disk-cache.js';
import { mintToken } from '../../../tools/mint-token/index.js';
import { baseOptions, ISSUER, tempDir } from './helpers.js';

describe('mintToken: cross-process lock', () => {
  let dir: string;
  let remove: () => Promise<void>;
  const clock = Date.UTC(2026, 10, 1, 12);
  const options = () => ({ ...baseOptions, cacheDir: dir, now: () => clock, lock: { pollMs: 5 } });
  const entry = () =>
    join(
      dir,
      cacheFileName({
        issuer: ISSUER,
        clientId: 'm2m-client',
        clientSecret: baseOptions.clientSecret,
        audience: 'https://whatshouldiwear',
        scope: undefined,
      }),
    );

  beforeEach(async () => {
    ({ dir, remove } = await tempDir());
  });
  afterEach(async () => {
    await remove();
  });

  it('waits for a live holder and takes the token it cached, without calling the endpoint', async () => {
    await writeFile(`${entry()}.lock`, String(process.pid)); // another "process" holds the lock
    const pending = mintToken(options());
    await new Promise((resolve) => setTimeout(resolve, 30));
    await writeCachedToken(dir, entry(), {
      accessToken: 'from-the-other-process',
      expiresAt: clock + 3_600_000,
      response: { access_token: 'from-the-other-process' },
    });
    expect(await pending).to.include({ accessToken: 'from-the-other-process', fromCache: true });
  });

  it('takes over a lock left by a dead process', async () => {
    await writeFile(`${entry()}.lock`, '2147483646'); // no such pid
    nock(ISSUER.slice(0, -1))
      .post('/oauth/token')
      .reply(200, { access_token: 'fresh', expires_in: 3600 });
    expect((await mintToken(options())).accessToken).to.equal('fresh');
  });

  it('releases the lock after a failed call', async () => {
    nock(ISSUER.slice(0, -1)).post('/oauth/token').reply(500, { error: 'server_error' });
    await mintToken(options()).catch(() => undefined);
    let exists = true;
    await stat(`${entry()}.lock`).catch(() => {
      exists = false;
    });
    expect(exists).to.equal(false);
  });
});
