/**
 * The shared weather cache against a real DynamoDB API (dynalite on loopback): skill instances in
 * separate processes sharing one table, and the reader's own checks on what the table holds.
 */
import { expect } from 'chai';
import { build } from 'esbuild';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createLogger } from '../../../../common/logger.js';
import { createOpenMeteoProvider } from '../../../../lambda/weather/index.js';
import { createDynamoDbStore } from '../../../../lambda/weather/shared-cache/dynamodb-store.js';
import {
  createSharedCache,
  itemKey,
  MAX_ATTEMPTS,
  sharedCacheTimings,
} from '../../../../lambda/weather/shared-cache/index.js';
import { CHICAGO, cityNumbered, SYDNEY } from '../../../harness/open-meteo-bodies.js';
import { awsEnvironment, startLocalDynamo, type LocalDynamo } from './support/dynalite.js';
import { startOpenMeteo, type OpenMeteoStandIn } from './support/open-meteo-server.js';

const INSTANCE_SCRIPT = fileURLToPath(new URL('./support/instance.ts', import.meta.url));
const PLACES = [CHICAGO, SYDNEY, cityNumbered(1), cityNumbered(2), cityNumbered(3)];

interface Answer {
  readonly id: number;
  readonly ok: boolean;
  readonly place?: string;
  readonly hours?: number;
  readonly code?: string;
}

/** A skill instance in its own process (support/instance.ts). */
interface Instance {
  ask(place: string, date?: string): Promise<Answer>;
  stop(): void;
}

let nextId = 0;

/**
 * The instance script bundled once, as the skill is for Lambda (the DynamoDB module included), so
 * that each process starts in a fraction of what compiling the sources with tsx would cost.
 */
async function bundleInstance(outDir: string): Promise<string> {
  const outfile = join(outDir, 'instance.cjs');
  await build({
    entryPoints: [INSTANCE_SCRIPT],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20.19',
    logLevel: 'warning',
  });
  return outfile;
}

function startInstance(script: string, env: Record<string, string>): Promise<Instance> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [script], {
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const waiting = new Map<number, (answer: Answer) => void>();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      reject(new Error(`instance exited (${String(code)}): ${stderr}`));
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      const message = JSON.parse(line) as Answer & { ready?: boolean };
      if (message.ready === true) {
        resolve({
          ask(place, date = 'today') {
            const id = (nextId += 1);
            return new Promise((done) => {
              waiting.set(id, done);
              child.stdin.write(`${JSON.stringify({ id, place, date })}\n`);
            });
          },
          stop() {
            child.kill();
          },
        });
        return;
      }
      waiting.get(message.id)?.(message);
    });
  });
}

describe('shared weather cache on DynamoDB (dynalite on loopback)', function () {
  this.timeout(30_000);
  let dynamo: LocalDynamo;
  let upstream: OpenMeteoStandIn;

  before(async () => {
    dynamo = await startLocalDynamo();
    upstream = await startOpenMeteo(PLACES);
  });

  after(async () => {
    await upstream.close();
    await dynamo.close();
  });

  describe('skill instances in separate processes', () => {
    let instances: Instance[] = [];
    let outDir: string;

    before(async () => {
      outDir = await mkdtemp(join(tmpdir(), 'wsiw-instances-'));
      const script = await bundleInstance(outDir);
      const env = {
        PATH: process.env['PATH'] ?? '',
        ISSUER_BASE_URL: 'http://127.0.0.1:9/',
        OPEN_METEO_FORECAST_URL: upstream.forecastUrl,
        OPEN_METEO_GEOCODING_URL: upstream.geocodingUrl,
        WEATHER_CACHE_TABLE: dynamo.tableName,
        LOG_LEVEL: 'warn',
        ...awsEnvironment(dynamo.endpoint),
      };
      instances = await Promise.all([1, 2, 3].map(() => startInstance(script, env)));
    });

    after(async () => {
      for (const instance of instances) instance.stop();
      await rm(outDir, { recursive: true, force: true });
    });

    it('asked in turn for one place and day, make one geocoding and one forecast call in all', async () => {
      const answers: Answer[] = [];
      for (const instance of instances) answers.push(await instance.ask('Chicago'));

      expect(answers.map((a) => a.ok)).to.deep.equal([true, true, true]);
      expect(answers.map((a) => a.place)).to.deep.equal(['Chicago', 'Chicago', 'Chicago']);
      expect(upstream.calls.get('geocoding:Chicago')).to.equal(1);
      expect(upstream.calls.get('forecast:41.85,-87.65')).to.equal(1);
    });

    it('missing at once (a burst of cold starts), make one geocoding and one forecast call in all', async () => {
      upstream.delayMs = 150; // held a little, so that the instances overlap for certain
      const answers = await Promise.all(instances.map((instance) => instance.ask('Sydney')));

      expect(answers.map((a) => a.ok)).to.deep.equal([true, true, true]);
      expect(upstream.calls.get('geocoding:Sydney')).to.equal(1);
      expect(upstream.calls.get('forecast:-33.87,151.21')).to.equal(1);
      upstream.delayMs = 0;
    });
  });

  describe('what the reader trusts', () => {
    const saved: Record<string, string | undefined> = {};
    const logs: string[] = [];
    let now = Date.now();

    before(() => {
      // The SDK reads its settings from the environment, as it does in the skill.
      for (const [name, value] of Object.entries(awsEnvironment(dynamo.endpoint))) {
        saved[name] = process.env[name];
        process.env[name] = value;
      }
    });

    after(() => {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) Reflect.deleteProperty(process.env, name);
        else process.env[name] = value;
      }
    });

    function provider() {
      const timings = sharedCacheTimings(2500);
      const logger = createLogger({ level: 'debug', sink: (line) => logs.push(line) });
      return createOpenMeteoProvider({
        forecastUrl: upstream.forecastUrl,
        geocodingUrl: upstream.geocodingUrl,
        now: () => now,
        sharedCache: createSharedCache({
          ...timings,
          now: () => now,
          logger,
          store: createDynamoDbStore({
            tableName: dynamo.tableName,
            requestTimeoutMs: timings.callTimeoutMs,
            maxAttempts: MAX_ATTEMPTS,
          }),
        }),
      });
    }

    it('stores small items that hold what the advice reads, not the raw answer', async () => {
      const forecast = await provider().forecastDay({ place: 'City 1', date: 'today' });

      const place = await dynamo.item(itemKey('place', 'name::city 1'));
      const series = await dynamo.item(itemKey('forecast', `30.50,-99.50:${forecast.today}:16`));
      expect(place?.['value']?.S).to.be.a('string').and.not.include('generationtime_ms');
      expect(place?.['value']?.S?.length).to.be.below(512);
      // 16 days of waking hours in about 5 KB, where Open-Meteo's answer takes about 30 KB.
      expect(series?.['value']?.S?.length).to.be.within(1000, 8 * 1024);
      expect(Number(series?.['expiresAt']?.N)).to.equal(Math.floor((now + 20 * 60_000) / 1000));
    });

    it('treats an item past its expiresAt as a miss, though the table still holds it (TTL deletes late)', async () => {
      await provider().forecastDay({ place: 'City 2', date: 'today' });
      const calls = upstream.count('forecast');

      now += 21 * 60_000; // past the forecast's 20 minutes; the place (24 hours) is still fresh
      const answer = await provider().forecastDay({ place: 'City 2', date: 'today' });

      expect(answer.place.name).to.equal('City 2');
      expect(upstream.count('forecast')).to.equal(calls + 1);
      expect(upstream.calls.get('geocoding:City 2')).to.equal(1);
    });

    it('treats a corrupted item as a miss, answers from the upstream, and replaces the item', async () => {
      const pk = itemKey('place', 'name::city 3');
      await dynamo.put({
        pk: { S: pk },
        value: { S: '{"found": true, "results": [{"name": "City 3", "latitude": 999}]}' },
        expiresAt: { N: String(Math.floor(now / 1000) + 3600) },
      });

      const answer = await provider().forecastDay({ place: 'City 3', date: 'today' });

      expect(answer.place.name).to.equal('City 3');
      expect(upstream.calls.get('geocoding:City 3')).to.equal(1);
      expect((await dynamo.item(pk))?.['value']?.S).to.include('"latitude":31.5');
      expect(logs.join('\n')).to.include('weather cache item unreadable');
    });
  });
});
