import { chmod, mkdir, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'chai';
import nock from 'nock';
import { mintToken, type MintTokenOptions } from '../../../tools/mint-token/index.js';
import { baseOptions, fakeJwt, ISSUER, SECRET, tempDir } from './helpers.js';

describe('mintToken: disk cache', () => {
  let dir: string;
  let remove: () => Promise<void>;
  let clock: number;
  let options: MintTokenOptions;
  const tenant = () => nock(ISSUER.slice(0, -1));
  const serve = (token: string, extra: Record<string, unknown> = { expires_in: 3600 }) =>
    tenant()
      .post('/oauth/token')
      .reply(200, { access_token: token, token_type: 'Bearer', ...extra });

  beforeEach(async () => {
    ({ dir, remove } = await tempDir());
    clock = Date.UTC(2026, 10, 1, 12);
    options = { ...baseOptions, cacheDir: dir, now: () => clock };
  });
  afterEach(async () => {
    await remove();
  });

  it('serves the second call from disk without calling the endpoint', async () => {
    serve('tok-a');
    await mintToken(options);
    const second = await mintToken(options);
    expect(second).to.include({ accessToken: 'tok-a', fromCache: true });
  });

  it('writes the cache file with mode 0600', async () => {
    serve('tok-a');
    await mintToken(options);
    const [file] = (await readdir(dir)).filter((f) => f.endsWith('.json'));
    expect(file).to.be.a('string');
    expect((await stat(join(dir, file ?? ''))).mode & 0o777).to.equal(0o600);
  });

  it('never writes the client secret to disk', async () => {
    serve('tok-a');
    await mintToken(options);
    for (const file of await readdir(dir)) {
      expect(await readFile(join(dir, file), 'utf8')).to.not.include(SECRET);
    }
  });

  it('never serves a token cached for the right secret to a wrong one', async () => {
    serve('tok-a');
    await mintToken(options);
    tenant().post('/oauth/token').reply(401, { error: 'access_denied' });
    const wrong = await mintToken({ ...options, clientSecret: 'not-the-secret' }).catch(
      (error: unknown) => error,
    );
    expect(wrong).to.include({ code: 'ERR_MINT_BAD_CREDENTIALS' });
  });

  it('refuses a cache folder others can write, and one that is a symbolic link', async () => {
    const open = join(dir, 'open');
    await mkdir(open, { mode: 0o700 });
    await chmod(open, 0o777);
    const refused = await mintToken({ ...options, cacheDir: open }).catch((e: unknown) => e);
    expect(refused).to.include({ code: 'ERR_MINT_CACHE_FOLDER' });
    const linked = join(dir, 'linked');
    await symlink(open, linked);
    const viaLink = await mintToken({ ...options, cacheDir: linked }).catch((e: unknown) => e);
    expect(viaLink).to.include({ code: 'ERR_MINT_CACHE_FOLDER' });
  });

  it('never follows a symbolic link planted where a cache file goes', async () => {
    serve('tok-a');
    await mintToken(options);
    const [file] = (await readdir(dir)).filter((f) => f.endsWith('.json'));
    const planted = join(dir, 'planted.json');
    await writeFile(
      planted,
      JSON.stringify({ accessToken: 'planted', expiresAt: clock + 3_600_000, response: {} }),
    );
    await rm(join(dir, file ?? ''));
    await symlink(planted, join(dir, file ?? ''));
    serve('tok-b');
    expect(await mintToken(options)).to.include({ accessToken: 'tok-b', fromCache: false });
  });

  it('keeps separate entries per scope', async () => {
    serve('tok-a');
    serve('tok-b');
    await mintToken(options);
    const other = await mintToken({ ...options, scope: 'read:whattowear' });
    expect(other).to.include({ accessToken: 'tok-b', fromCache: false });
  });

  it('keeps separate entries per audience', async () => {
    serve('tok-a');
    serve('tok-b');
    await mintToken(options);
    const other = await mintToken({ ...options, audience: 'https://other-api' });
    expect(other.accessToken).to.equal('tok-b');
  });

  it('reuses a cached token until 60 s before it expires', async () => {
    serve('tok-a');
    await mintToken(options);
    clock += (3600 - 61) * 1000;
    expect((await mintToken(options)).accessToken).to.equal('tok-a');
  });

  it('fetches a new token within 60 s of expiry', async () => {
    serve('tok-a');
    serve('tok-b');
    await mintToken(options);
    clock += (3600 - 59) * 1000;
    expect(await mintToken(options)).to.include({ accessToken: 'tok-b', fromCache: false });
  });

  it("takes the lifetime from the token's exp when expires_in is missing", async () => {
    const token = fakeJwt({ exp: clock / 1000 + 600 });
    serve(token, {});
    const minted = await mintToken(options);
    expect(minted.expiresAt).to.equal(clock + 600_000);
  });

  it('does not cache a token whose lifetime is unknown', async () => {
    serve('opaque-1', {});
    serve('opaque-2', {});
    await mintToken(options);
    expect((await mintToken(options)).accessToken).to.equal('opaque-2');
  });

  it('neither reads nor writes the disk with cacheDir false', async () => {
    serve('tok-a');
    serve('tok-b');
    await mintToken({ ...options, cacheDir: false });
    const second = await mintToken({ ...options, cacheDir: false });
    expect(second.accessToken).to.equal('tok-b');
    expect(await readdir(dir)).to.deep.equal([]);
  });

  it('ignores a corrupt cache file', async () => {
    serve('tok-a');
    serve('tok-b');
    await mintToken(options);
    const [file] = (await readdir(dir)).filter((f) => f.endsWith('.json'));
    await writeFile(join(dir, file ?? ''), '{not json');
    expect((await mintToken(options)).accessToken).to.equal('tok-b');
  });

  it('makes one endpoint call for concurrent calls in one process', async () => {
    serve('tok-a'); // nock answers once: a second call would fail with a refused connection
    const results = await Promise.all(Array.from({ length: 8 }, () => mintToken(options)));
    expect(new Set(results.map((r) => r.accessToken))).to.deep.equal(new Set(['tok-a']));
  });
});
