/**
 * The shared weather cache's table module ships as a file of its own beside the skill bundle
 * (`weather-cache-dynamodb.js`, the AWS SDK's DynamoDB client bundled in), and the skill loads it
 * only when `WEATHER_CACHE_TABLE` is set: a cold start without the table pays nothing for it.
 */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildOnce } from '../deploy/support/built.js';
import { awsEnvironment } from '../lambda/weather/shared-cache/support/aws-env.js';
import { launchRequest } from '../harness/requests.js';

const run = promisify(execFile);

/** Runs index.handler on a LaunchRequest, then reports the log lines and whether the module loaded. */
const SCRIPT = `
const lines = [];
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk) => { lines.push(String(chunk)); return true; };
const loaded = () => Object.keys(require.cache).some((file) => file.endsWith('weather-cache-dynamodb.js'));
require('./index.js').handler(JSON.parse(process.argv[1]), {}).then(async (reply) => {
  // The module loads in the background from init, then logs its version: give both time.
  const logged = () => lines.join('').includes('weather cache table: DynamoDB');
  for (let i = 0; i < 12 && !(loaded() && logged()); i += 1) await new Promise((r) => setTimeout(r, 25));
  write(JSON.stringify({ card: reply.response.card, loaded: loaded(), logs: lines.join('') }));
}, (e) => { console.error(e.message); process.exit(1); });
`;

describe('npm run build: the lazily loaded DynamoDB module', function () {
  this.timeout(60_000);
  let outDir: string;

  before(async () => {
    outDir = (await buildOnce()).lambdaDir;
  });

  async function launch(
    env: Record<string, string>,
  ): Promise<{ card: unknown; loaded: boolean; logs: string }> {
    const { stdout } = await run(
      process.execPath,
      ['-e', SCRIPT, JSON.stringify(launchRequest())],
      {
        cwd: outDir,
        env: {
          PATH: process.env['PATH'] ?? '',
          ISSUER_BASE_URL: 'http://127.0.0.1:9/',
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
          ...env,
        },
      },
    );
    return JSON.parse(stdout) as { card: unknown; loaded: boolean; logs: string };
  }

  it('writes weather-cache-dynamodb.js beside the skill bundle, and keeps the SDK out of index.js', async () => {
    expect((await stat(join(outDir, 'weather-cache-dynamodb.js'))).size).to.be.above(0);
    const skill = await readFile(join(outDir, 'index.js'), 'utf8');
    expect(skill).to.include('import("./weather-cache-dynamodb.js")');
    expect(skill).not.to.include('DynamoDBClient');
  });

  it('never loads it without WEATHER_CACHE_TABLE', async () => {
    const { card, loaded } = await launch({ LOG_LEVEL: 'info' });

    expect(card).to.deep.equal({ type: 'LinkAccount' });
    expect(loaded).to.equal(false);
  });

  it('loads it at init with WEATHER_CACHE_TABLE set, and logs the SDK version it carries', async () => {
    const sdk = JSON.parse(
      await readFile(join('node_modules', '@aws-sdk', 'client-dynamodb', 'package.json'), 'utf8'),
    ) as { version: string };

    const { card, loaded, logs } = await launch({
      LOG_LEVEL: 'info',
      WEATHER_CACHE_TABLE: 'wsiw-weather-cache',
      // Loopback only, fake credentials, no profile files or instance metadata to look for.
      ...awsEnvironment('http://127.0.0.1:9'),
    });

    expect(card).to.deep.equal({ type: 'LinkAccount' });
    expect(loaded).to.equal(true);
    expect(logs).to.include(`@aws-sdk/client-dynamodb ${sdk.version}`);
  });
});
