import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'chai';
import { withDotEnv } from '../../../tools/mint-token/index.js';
import { tempDir } from './helpers.js';

describe('withDotEnv', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, remove } = await tempDir());
  });
  afterEach(async () => {
    await remove();
  });

  it('adds the variables of the file', async () => {
    await writeFile(join(dir, '.env'), 'TEST_CLIENT_ID=from-file\n# comment\nAUDIENCE="quoted"\n');
    const env = await withDotEnv({}, join(dir, '.env'));
    expect(env).to.include({ TEST_CLIENT_ID: 'from-file', AUDIENCE: 'quoted' });
  });

  it('lets the environment win over the file', async () => {
    await writeFile(join(dir, '.env'), 'TEST_CLIENT_ID=from-file\n');
    const env = await withDotEnv({ TEST_CLIENT_ID: 'from-env' }, join(dir, '.env'));
    expect(env.TEST_CLIENT_ID).to.equal('from-env');
  });

  it('returns the environment unchanged when there is no file', async () => {
    expect(await withDotEnv({ A: '1' }, join(dir, '.env'))).to.deep.equal({ A: '1' });
  });
});
