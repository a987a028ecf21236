import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildLambdas } from '../../scripts/build.js';
import { launchRequest } from '../harness/requests.js';

const run = promisify(execFile);

describe('npm run build', function () {
  this.timeout(60_000);
  let outDir: string;

  before(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'wsiw-build-'));
    await buildLambdas({ outDir, report: () => undefined });
  });

  after(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  it('writes both bundles with source maps, and a package.json that says CommonJS', async () => {
    for (const file of ['index.js', 'index.js.map', 'proxy.js', 'proxy.js.map']) {
      expect((await stat(join(outDir, file))).size, file).to.be.above(0);
    }
    expect(JSON.parse(await readFile(join(outDir, 'package.json'), 'utf8'))).to.deep.equal({
      type: 'commonjs',
    });
  });

  it('keeps the skill bundle under 400 KB', async () => {
    expect((await stat(join(outDir, 'index.js'))).size).to.be.below(400 * 1024);
  });

  it('gives a skill bundle whose index.handler answers a LaunchRequest with plain node', async () => {
    const event = JSON.stringify(launchRequest());
    const script = `require('./index.js').handler(JSON.parse(process.argv[1]), {}).then((r) => process.stdout.write(JSON.stringify(r)), (e) => { console.error(e.message); process.exit(1); });`;
    const { stdout } = await run(process.execPath, ['-e', script, event], {
      cwd: outDir,
      env: {
        PATH: process.env['PATH'] ?? '',
        ISSUER_BASE_URL: 'http://127.0.0.1:9/',
        WEATHER_PROVIDER: 'demo',
        LOG_LEVEL: 'error',
      },
    });
    const reply = JSON.parse(stdout) as { response: { card?: unknown } };
    expect(reply.response.card).to.deep.equal({ type: 'LinkAccount' });
  });

  it('gives a proxy bundle whose proxy.handler is an async function', async () => {
    const { stdout } = await run(
      process.execPath,
      [
        '-e',
        `const h = require('./proxy.js').handler; process.stdout.write(typeof h + ' ' + h.constructor.name);`,
      ],
      { cwd: outDir },
    );
    expect(stdout).to.equal('function AsyncFunction');
  });
});
