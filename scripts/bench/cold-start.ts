/**
 * `npm run bench:cold-start`: a fresh Node process loading the skill bundle against a fresh process
 * loading a plain ask-sdk-core skill from node_modules (target <= 1.2x), the bundle's size (target
 * <= 400 KB), and a fresh process answering its first request with the deployed defaults
 * (LOG_LEVEL info to a real stdout, redirected to a file; key set, Settings, geocoding and forecast
 * on loopback) against a fresh process with the plain skill doing the same (target <= 1.5x).
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { serialiseShippedKeySet } from '../../lambda/auth/index.js';
import { buildLambdas } from '../build.js';
import { benchKey, wearRequest, type BenchKey } from './fixtures.js';
import { startBenchUpstreams } from './loopback.js';
import { benchCommandLine, createTargets, finishBench } from './cli.js';
import { summarize } from './stats.js';

const USAGE = `Usage: npm run bench:cold-start [-- options]

Fresh processes loading the skill bundle against a plain ask-sdk-core skill (BENCH_RUNS, default 15),
the bundle's size, and a fresh process answering its first request (the bundle with a deployment's
defaults, its upstreams on loopback) against the plain skill doing the same.
Targets: bundle load <= 1.2x the plain skill's; bundle <= 400 KB; fresh process + first request
<= 1.5x the plain skill's.

Options:
  --breakdown   also time, each in a fresh process, what a first request pays once: loading the
                bundle, the first node:http GET (and, for comparison, the first global fetch, which
                loads undici), the first Intl.DateTimeFormat against the first local date read
                with the process zone switched (what the skill does), the first web stream, the
                first key import and RS256 check (a diagnostic: no target)`;
const args = benchCommandLine('bench:cold-start', USAGE, { breakdown: { type: 'boolean' } });
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
const skill = Alexa.SkillBuilders.custom()
  .addRequestHandlers({ canHandle: () => true, handle: (i) => i.responseBuilder.speak('Wear a coat.').getResponse() })
  .create();
exports.handler = (event) => skill.invoke(event);\n`,
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
  const p99 = (x: number[]) => `p99 ${summarize(x).p99.toFixed(1).padStart(7)} ms`;

  const first = await freshProcesses(dir, baseline, RUNS);
  console.log(
    `bench:cold-start  ${RUNS} fresh processes each, p50 (and p99), Node ${process.version}`,
  );
  console.log(
    `  empty node process                                  ${e.toFixed(1).padStart(7)} ms  ${p99(times.empty)}`,
  );
  console.log(
    `  plain ask-sdk-core skill from node_modules          ${a.toFixed(1).padStart(7)} ms  ${p99(times.baseline)}`,
  );
  console.log(
    `  the skill bundle (.build/lambda/index.js)           ${b.toFixed(1).padStart(7)} ms  ${p99(times.bundle)}`,
  );
  console.log(
    `  ratio bundle / plain skill   ${(b / a).toFixed(2)}x  (target <= 1.2x: ${targets.judge('bundle load <= 1.2x plain skill', b / a <= 1.2)}); beyond an empty process: ${((b - e) / (a - e)).toFixed(2)}x`,
  );
  console.log(
    `  bundle size  ${(bundleBytes / 1024).toFixed(1)} KiB  (target <= 400 KB: ${targets.judge('bundle <= 400 KB', bundleBytes <= 400_000)})`,
  );
  const ratio = first.bundle / first.floor;
  console.log(
    `  fresh process + first request, p50 of ${first.runs}: the bundle ${first.bundle.toFixed(1)} ms (p99 ${first.bundleP99.toFixed(1)}; the key set shipped beside it, fresh; Settings, geocoding, forecast from loopback; LOG_LEVEL info to a file), the plain skill ${first.floor.toFixed(1)} ms (p99 ${first.floorP99.toFixed(1)})`,
  );
  console.log(
    `  ratio ${ratio.toFixed(2)}x  (target <= 1.5x: ${targets.judge('fresh process + first request <= 1.5x the floor', ratio <= 1.5)}); the bundle's first request alone ${first.firstRequest.toFixed(1)} ms, its second ${first.secondRequest.toFixed(2)} ms`,
  );
  console.log(
    "  still differs from Lambda: no TLS on loopback; stdout to a file is a synchronous write where Lambda's is a pipe; this machine's Node, where Lambda runs nodejs24.x",
  );
  if (args.values['breakdown'] === true) {
    console.log('  breakdown, each in a fresh process, p50 of 5 (a diagnostic, no target):');
    for (const line of await breakdown(dir)) console.log(`    ${line}`);
  }
  finishBench(targets);
} finally {
  await rm(dir, { recursive: true, force: true });
}

/** What a fresh process reports over IPC: its first and second request, in ms. */
interface FirstRequests {
  first: number;
  second: number;
  advice: boolean;
}

/**
 * Spawns a fresh process that loads `module` (the bundle, or the plain skill) and answers two
 * requests; resolves with its report and the wall time from spawn to the first answer.
 */
function freshProcess(
  dir: string,
  module: string,
  event: unknown,
  env: Record<string, string>,
): Promise<FirstRequests & { wallMs: number }> {
  const script = `const { performance } = require('node:perf_hooks');
const { handler } = require(${JSON.stringify(module)});
const event = JSON.parse(process.argv[1]);
(async () => {
  let t = performance.now(); const reply = await handler(event, {}); const first = performance.now() - t;
  process.send({ answered: true });
  const advice = /feel like/.test(JSON.stringify(reply));
  event.request.requestId += '-2';
  t = performance.now(); await handler(event, {}); const second = performance.now() - t;
  process.send({ first, second, advice }, () => process.exit(0));
})();`;
  const out = openSync(join(dir, 'stdout.log'), 'a');
  const started = performance.now();
  return new Promise((done, fail) => {
    let wallMs = 0;
    let report: FirstRequests | undefined;
    const child = spawn(process.execPath, ['-e', script, JSON.stringify(event)], {
      cwd: dir,
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', out, 'inherit', 'ipc'],
    });
    child.on('message', (message: { answered?: boolean } & Partial<FirstRequests>) => {
      if (message.answered === true) wallMs = performance.now() - started;
      else report = message as FirstRequests;
    });
    child.on('exit', (code) => {
      closeSync(out);
      if (code === 0 && report !== undefined) done({ ...report, wallMs });
      else fail(new Error(`the fresh process exited ${String(code)}`));
    });
  });
}

/**
 * Fresh processes answering their first request, alternating: the bundle with a deployment's
 * environment and its upstreams on loopback, and the plain ask-sdk-core skill (the floor).
 */
async function freshProcesses(
  bundleDir: string,
  baseline: string,
  runs: number,
): Promise<{
  bundle: number;
  bundleP99: number;
  floor: number;
  floorP99: number;
  firstRequest: number;
  secondRequest: number;
  runs: number;
}> {
  const today = new Date().toISOString().slice(0, 10);
  let key: BenchKey | undefined;
  const upstreams = await startBenchUpstreams(() => key?.jwk ?? {}, today);
  try {
    key = benchKey(`${upstreams.origin}/`, Date.now());
    // As `npm run deploy` ships it: the tenant's key set beside the bundle, fetched just now.
    await writeFile(
      join(bundleDir, 'jwks.json'),
      serialiseShippedKeySet({ keys: [key.jwk] }, Date.now()),
    );
    const event = wearRequest(key.mint(1), 'City 1', today, 1, upstreams.origin);
    const bundle: number[] = [];
    const floor: number[] = [];
    const firsts: number[] = [];
    const seconds: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const run = await freshProcess(bundleDir, './index.js', event, upstreams.env);
      if (!run.advice)
        throw new Error('The first request in a fresh process did not answer with advice');
      bundle.push(run.wallMs);
      firsts.push(run.first);
      seconds.push(run.second);
      floor.push((await freshProcess(bundleDir, baseline, event, {})).wallMs);
    }
    if (upstreams.calls.has('jwks')) {
      throw new Error('A fresh process with the shipped key set fetched the key set');
    }
    return {
      bundle: summarize(bundle).p50,
      bundleP99: summarize(bundle).p99,
      floor: summarize(floor).p50,
      floorP99: summarize(floor).p99,
      firstRequest: summarize(firsts).p50,
      secondRequest: summarize(seconds).p50,
      runs,
    };
  } finally {
    await upstreams.stop();
  }
}

/** Once-per-process costs of a first request, each timed in a fresh process (ms, p50 of 5). */
async function breakdown(bundleDir: string): Promise<string[]> {
  const server = createServer((_req, res) => res.end('{}'));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  const steps: [string, string][] = [
    ['nothing (the harness’s own cost, in each line not timed alone)', ''],
    ['load the bundle (module evaluation)', "require('./index.js');"],
    [
      'first node:http GET (the skill), loopback',
      `await new Promise((done) => require('node:http').get('http://127.0.0.1:${port}/', (res) => res.resume().on('end', done)));`,
    ],
    [
      '2nd loopback GET, socket kept, code cold (timed alone)',
      `const http = require('node:http'); const agent = new http.Agent({ keepAlive: true });
const get = () => new Promise((done) => http.get('http://127.0.0.1:${port}/', { agent }, (res) => res.resume().on('end', done)));
await get(); const t0 = performance.now(); await get(); elapsed = performance.now() - t0; agent.destroy();`,
    ],
    [
      'first global fetch (undici; not used)',
      `await (await fetch('http://127.0.0.1:${port}/')).text();`,
    ],
    [
      'first Intl.DateTimeFormat (no longer used)',
      "new Intl.DateTimeFormat('en-US', { timeZone: 'America/Chicago', dateStyle: 'full' }).format(0);",
    ],
    [
      'first local date, zone switched (the skill)',
      "new Set(Intl.supportedValuesOf('timeZone')).has('America/Chicago'); process.env.TZ = 'America/Chicago'; new Date().getDate(); delete process.env.TZ;",
    ],
    [
      'first web ReadableStream (no longer used)',
      "require('node:stream').Readable.toWeb(require('node:stream').Readable.from([]));",
    ],
    [
      'first key import and RS256 check (timed alone)',
      `const { generateKeyPairSync, createPublicKey, sign } = require('node:crypto');
const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = pair.publicKey.export({ format: 'jwk' });
const b64 = (v) => Buffer.from(JSON.stringify(v)).toString('base64url');
const input = b64({ alg: 'RS256' }) + '.' + b64({ sub: 'u', exp: 4102444800 });
const token = input + '.' + sign('sha256', Buffer.from(input), pair.privateKey).toString('base64url');
const t0 = performance.now();
const key = createPublicKey({ key: jwk, format: 'jwk' });
const [h, p, sig] = token.split('.');
require('node:crypto').verify('sha256', Buffer.from(h + '.' + p), { key, padding: require('node:crypto').constants.RSA_PKCS1_PADDING }, Buffer.from(sig, 'base64url'));
elapsed = performance.now() - t0;`,
    ],
  ];
  const lines: string[] = [];
  try {
    for (const [label, code] of steps) {
      const times: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        const script = `const { performance } = require('node:perf_hooks');
(async () => { let elapsed; const t = performance.now(); ${code}
process.stdout.write(String(elapsed ?? performance.now() - t)); })();`;
        const run = await new Promise<string>((done, fail) => {
          const out: Buffer[] = [];
          const child = spawn(process.execPath, ['-e', script], {
            cwd: bundleDir,
            env: { PATH: process.env['PATH'] ?? '' },
          });
          child.stdout.on('data', (d: Buffer) => out.push(d));
          child.on('exit', (code) => {
            if (code === 0) done(Buffer.concat(out).toString());
            else fail(new Error(`${label}: exit ${String(code)}`));
          });
        });
        times.push(Number(run));
      }
      lines.push(`${label.padEnd(56)} ${summarize(times).p50.toFixed(1).padStart(7)} ms`);
    }
  } finally {
    server.close();
  }
  return lines;
}
