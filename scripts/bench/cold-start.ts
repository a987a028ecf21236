/**
 * `npm run bench:cold-start`: a fresh Node process loading the skill bundle against a fresh process
 * loading a plain ask-sdk-core skill from node_modules (target <= 1.2x), the bundle's size (target
 * <= 400 KB), and the first request's own cost in a fresh process (key-set fetch, Settings,
 * geocoding and forecast, all from a loopback server) beside a second request's.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildLambdas } from '../build.js';
import { benchKey, fakeFetch, wearRequest } from './fixtures.js';
import { benchCommandLine, createTargets, finishBench } from './cli.js';
import { summarize } from './stats.js';

const USAGE = `Usage: npm run bench:cold-start [-- options]

Fresh processes loading the skill bundle against a plain ask-sdk-core skill (BENCH_RUNS, default 15),
the bundle's size, and the first request in a fresh process.
Targets: bundle load <= 1.2x the plain skill's; bundle <= 400 KB.

Options:`;
const args = benchCommandLine('bench:cold-start', USAGE);
const targets = createTargets('bench:cold-start', args);

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const RUNS = Number(process.env['BENCH_RUNS'] ?? 15);
const dir = await mkdtemp(join(tmpdir(), 'wsiw-cold-'));

try {
  await buildLambdas({ outDir: dir, report: () => undefined });
  const bundleBytes = (await stat(join(dir, 'index.js'))).size;
  const baseline = join(dir, 'baseline.cjs');
  await writeFile(
    baseline,
    `const Alexa = require(${JSON.stringify(join(ROOT, 'node_modules/ask-sdk-core'))});
exports.handler = Alexa.SkillBuilders.custom()
  .addRequestHandlers({ canHandle: () => true, handle: (i) => i.responseBuilder.speak('Wear a coat.').getResponse() })
  .create();\n`,
  );
  const load = (file: string) => {
    const started = performance.now();
    const result = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(file)})`], {
      cwd: dir,
    });
    if (result.status !== 0) throw new Error(`loading ${file} failed: ${result.stderr.toString()}`);
    return performance.now() - started;
  };
  const empty = () => {
    const started = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    return performance.now() - started;
  };
  const times = { bundle: [] as number[], baseline: [] as number[], empty: [] as number[] };
  load(join(dir, 'index.js'));
  load(baseline);
  for (let i = 0; i < RUNS; i += 1) {
    times.bundle.push(load(join(dir, 'index.js')));
    times.baseline.push(load(baseline));
    times.empty.push(empty());
  }
  const b = summarize(times.bundle).p50;
  const a = summarize(times.baseline).p50;
  const e = summarize(times.empty).p50;

  const first = await firstRequest(dir);
  console.log(`bench:cold-start  ${RUNS} fresh processes each, p50, Node ${process.version}`);
  console.log(
    `  empty node process                                  ${e.toFixed(1).padStart(7)} ms`,
  );
  console.log(
    `  plain ask-sdk-core skill from node_modules          ${a.toFixed(1).padStart(7)} ms`,
  );
  console.log(
    `  the skill bundle (.build/lambda/index.js)           ${b.toFixed(1).padStart(7)} ms`,
  );
  console.log(
    `  ratio bundle / plain skill   ${(b / a).toFixed(2)}x  (target <= 1.2x: ${targets.judge('bundle load <= 1.2x plain skill', b / a <= 1.2)}); beyond an empty process: ${((b - e) / (a - e)).toFixed(2)}x`,
  );
  console.log(
    `  bundle size  ${(bundleBytes / 1024).toFixed(1)} KiB  (target <= 400 KB: ${targets.judge('bundle <= 400 KB', bundleBytes <= 400_000)})`,
  );
  if (!first.advice)
    throw new Error('The first request in a fresh process did not answer with advice');
  console.log(
    `  first request in a fresh process   ${first.first.toFixed(1)} ms (key set, Settings, geocoding, forecast from loopback)`,
  );
  console.log(`  second request, same process       ${first.second.toFixed(2)} ms`);
  finishBench(targets);
} finally {
  await rm(dir, { recursive: true, force: true });
}

/** Serves key set, Settings and Open-Meteo on loopback; a child loads the bundle and times two requests. */
async function firstRequest(
  bundleDir: string,
): Promise<{ first: number; second: number; advice: boolean }> {
  const today = new Date().toISOString().slice(0, 10);
  const { fetch } = fakeFetch(today);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = `http://127.0.0.1${req.url ?? '/'}`;
    const answer = req.url?.startsWith('/.well-known/jwks.json')
      ? Promise.resolve(Response.json({ keys: [key.jwk] }))
      : fetch(url);
    void answer.then(async (r) => {
      res.writeHead(r.status, { 'content-type': 'application/json' });
      res.end(await r.text());
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const key = benchKey(`${origin}/`, Date.now());
  const event = JSON.stringify(wearRequest(key.mint(1), 'City 1', today, 1, origin));
  const script = `const { performance } = require('node:perf_hooks');
const { handler } = require('./index.js');
const event = JSON.parse(process.argv[1]);
(async () => {
  let t = performance.now(); const reply = await handler(event, {}); const first = performance.now() - t;
  const advice = /feel like/.test(JSON.stringify(reply));
  event.request.requestId += '-2';
  t = performance.now(); await handler(event, {}); const second = performance.now() - t;
  process.stdout.write(JSON.stringify({ first, second, advice }));
})();`;
  try {
    const child = await new Promise<string>((done, fail) => {
      const out: Buffer[] = [];
      const proc = spawn(process.execPath, ['-e', script, event], {
        cwd: bundleDir,
        env: {
          PATH: process.env['PATH'] ?? '',
          ISSUER_BASE_URL: `${origin}/`,
          OPEN_METEO_FORECAST_URL: `${origin}/v1/forecast`,
          OPEN_METEO_GEOCODING_URL: `${origin}/v1/search`,
          LOG_LEVEL: 'error',
        },
      });
      proc.stdout.on('data', (d: Buffer) => out.push(d));
      proc.on('exit', (code) => {
        if (code === 0) done(Buffer.concat(out).toString());
        else fail(new Error(`child exited ${String(code)}`));
      });
    });
    return JSON.parse(child) as { first: number; second: number; advice: boolean };
  } finally {
    server.close();
  }
}
