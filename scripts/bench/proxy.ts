/**
 * `npm run bench:proxy`: what the token proxy adds to an exchange. A loopback upstream (a child
 * process, so that its CPU is not counted here) answers like a remote Auth0 after about 50 ms;
 * it is called directly, and through the proxy core with its Lambda Function URL adapter, at 1 and
 * at 100 concurrent exchanges. Prints p50/p99 latency, exchanges/s, the added latency, the proxy's
 * CPU time per exchange, upstream connections opened, and ratios against the targets.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { SignJWT } from 'jose';
import { createLogger } from '../../common/logger.js';
import { createFunctionUrlHandler, createTokenExchange } from '../../proxy/index.js';
import { functionUrlEvent } from '../../test/harness/function-url.js';
import { fixed, summarize, type Summary } from './stats.js';

/** Options of {@link runProxyBench}. */
export interface ProxyBenchOptions {
  /** The upstream's service time, in milliseconds. Default 50. */
  readonly serviceMs: number;
  /** Exchanges per mode at concurrency 1. Default 200. */
  readonly sequential: number;
  /** Exchanges per mode at concurrency 100. Default 4000. */
  readonly concurrent: number;
}

const TARGETS = { addedP50Ms: 1, addedP99Ms: 5, throughputRatio: 0.9 };
const CLIENT_ID = 'bench-alexa-client';
const AUTHORIZATION = `Basic ${Buffer.from(`${CLIENT_ID}:bench-secret`).toString('base64')}`;
const BODY = new URLSearchParams({
  grant_type: 'refresh_token',
  refresh_token: 'v1.MzJ5bench-refresh-token-opaque-value-0123456789',
}).toString();

// The upstream, as plain JavaScript for `node -e`: Auth0-like refresh answers (no expires_in, so
// the proxy takes the longest path: decoding the JWT's exp), after SERVICE_MS.
const UPSTREAM_SOURCE = `
const http = require('node:http');
const serviceMs = Number(process.env.SERVICE_MS);
const body = JSON.stringify({ access_token: process.env.ACCESS_TOKEN, scope: 'read:whattowear', token_type: 'Bearer' });
let connections = 0, requests = 0;
const server = http.createServer((req, res) => {
  requests += 1;
  req.resume();
  req.on('end', () => setTimeout(() => {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(body);
  }, serviceMs));
});
server.keepAliveTimeout = 60000;
server.on('connection', () => { connections += 1; });
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('message', () => process.send({ connections, requests }));
process.on('disconnect', () => process.exit(0));
`;

interface UpstreamStats {
  readonly connections: number;
  readonly requests: number;
}

interface Upstream {
  readonly url: string;
  stats(): Promise<UpstreamStats>;
  stop(): void;
}

function nextMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve) =>
    child.once('message', (m) => {
      resolve(m as T);
    }),
  );
}

async function startUpstream(serviceMs: number, accessToken: string): Promise<Upstream> {
  const child = spawn(process.execPath, ['-e', UPSTREAM_SOURCE], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, SERVICE_MS: String(serviceMs), ACCESS_TOKEN: accessToken },
  });
  const { port } = await nextMessage<{ port: number }>(child);
  return {
    url: `http://127.0.0.1:${port}/oauth/token`,
    stats: () => {
      const answer = nextMessage<UpstreamStats>(child);
      child.send('stats');
      return answer;
    },
    stop: () => {
      child.disconnect();
    },
  };
}

type Exchange = (i: number) => Promise<void>;

interface Run {
  readonly latency: Summary;
  readonly perSecond: number;
  readonly cpuUsPerExchange: number;
  readonly connectionsOpened: number;
}

interface Sample {
  readonly latencies: number[];
  readonly elapsedMs: number;
  readonly cpuUs: number;
  readonly connectionsOpened: number;
}

async function sample(
  exchange: Exchange,
  total: number,
  concurrency: number,
  upstream: Upstream,
): Promise<Sample> {
  const latencies: number[] = [];
  const before = await upstream.stats();
  let next = 0;
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < total) {
      const i = next;
      next += 1;
      const t0 = performance.now();
      await exchange(i);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  const after = await upstream.stats();
  return {
    latencies,
    elapsedMs,
    cpuUs: cpu.user + cpu.system,
    connectionsOpened: after.connections - before.connections,
  };
}

function merge(samples: readonly Sample[]): Run {
  const latencies = samples.flatMap((s) => s.latencies);
  const elapsedMs = samples.reduce((acc, s) => acc + s.elapsedMs, 0);
  const cpuUs = samples.reduce((acc, s) => acc + s.cpuUs, 0);
  return {
    latency: summarize(latencies),
    perSecond: (latencies.length / elapsedMs) * 1000,
    cpuUsPerExchange: cpuUs / latencies.length,
    connectionsOpened: samples.reduce((acc, s) => acc + s.connectionsOpened, 0),
  };
}

/** Direct and proxy runs, alternated in `rounds` so that drift and noise hit both alike. */
async function compare(
  direct: Exchange,
  viaProxy: Exchange,
  total: number,
  concurrency: number,
  upstream: Upstream,
  rounds: number,
): Promise<{ direct: Run; proxy: Run }> {
  const d: Sample[] = [];
  const p: Sample[] = [];
  for (let round = 0; round < rounds; round += 1) {
    d.push(await sample(direct, Math.ceil(total / rounds), concurrency, upstream));
    p.push(await sample(viaProxy, Math.ceil(total / rounds), concurrency, upstream));
  }
  return { direct: merge(d), proxy: merge(p) };
}

/** CPU time of the proxy alone (core, adapter, logging), its upstream answer served from memory. */
async function proxyCpuAlone(accessToken: string, exchanges: number): Promise<number> {
  const body = JSON.stringify({ access_token: accessToken, token_type: 'Bearer' });
  const lambda = createFunctionUrlHandler(
    createTokenExchange({
      upstreamTokenUrl: 'https://tenant.example/oauth/token',
      allowedClientIds: [CLIENT_ID],
      logger: createLogger({ sink: () => undefined }),
      fetch: () =>
        Promise.resolve(
          new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }),
        ),
    }),
  );
  const event = functionUrlEvent(BODY, {
    headers: { authorization: AUTHORIZATION },
    requestId: 'cpu',
  });
  for (let i = 0; i < 2000; i += 1) await lambda(event);
  const emptyResponse = (): Promise<Response> => Promise.resolve(new Response(body));
  // The in-memory Response and its read are the stand-in upstream's cost, not the proxy's.
  const stand = process.cpuUsage();
  for (let i = 0; i < exchanges; i += 1) await (await emptyResponse()).text();
  const standUs = process.cpuUsage(stand);
  const start = process.cpuUsage();
  for (let i = 0; i < exchanges; i += 1) await lambda(event);
  const used = process.cpuUsage(start);
  return (used.user + used.system - standUs.user - standUs.system) / exchanges;
}

interface Row {
  readonly label: string;
  readonly concurrency: number;
  readonly direct: Run;
  readonly proxy: Run;
  /** The proxy's own time per exchange, from its log lines. */
  readonly overhead: Summary;
}

function verdict(ok: boolean): string {
  return ok ? 'PASS' : 'MISS';
}

/** Runs the benchmark and prints its report; resolves to true when every target is met. */
export async function runProxyBench(options: ProxyBenchOptions): Promise<boolean> {
  const accessToken = await new SignJWT({ sub: 'auth0|bench', scope: 'read:whattowear' })
    .setProtectedHeader({ alg: 'HS256', kid: 'bench' })
    .setIssuer('https://bench.example/')
    .setAudience('https://whatshouldiwear')
    .setIssuedAt()
    .setExpirationTime('24h')
    .sign(new TextEncoder().encode('bench-only-key-bench-only-key-00'));
  const upstream = await startUpstream(options.serviceMs, accessToken);
  const proxyLines: string[] = [];
  const lambda = createFunctionUrlHandler(
    createTokenExchange({
      upstreamTokenUrl: upstream.url,
      allowedClientIds: [CLIENT_ID],
      // A real logger writing real lines, kept in memory: their cost is part of the proxy's.
      logger: createLogger({
        sink: (line) => proxyLines.push(line),
        base: { service: 'token-proxy' },
      }),
    }),
  );
  const direct: Exchange = async () => {
    const response = await fetch(upstream.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
        authorization: AUTHORIZATION,
      },
      body: BODY,
    });
    JSON.parse(await response.text());
    if (response.status !== 200) throw new Error(`direct: upstream answered ${response.status}`);
  };
  const viaProxy: Exchange = async (i) => {
    const result = await lambda(
      functionUrlEvent(BODY, {
        headers: { authorization: AUTHORIZATION },
        requestId: `bench-${i}`,
      }),
    );
    JSON.parse(result.body ?? '');
    if (result.statusCode !== 200) throw new Error(`proxy: answered ${result.statusCode}`);
  };

  try {
    // Warm-up at the highest concurrency: JIT, and a pool of upstream connections (shared by both
    // modes: Node's fetch has one) that the measured runs then only reuse.
    await sample(direct, 1000, 100, upstream);
    await sample(viaProxy, 1000, 100, upstream);
    const rows: Row[] = [];
    for (const [concurrency, total] of [
      [1, options.sequential],
      [100, options.concurrent],
    ] as const) {
      proxyLines.length = 0;
      const { direct: d, proxy: p } = await compare(
        direct,
        viaProxy,
        total,
        concurrency,
        upstream,
        4,
      );
      // The proxy's own time per exchange, from its log lines: total less the upstream call.
      const overhead = summarize(
        proxyLines.map((line) => {
          const r = JSON.parse(line) as { latencyMs: number; upstreamLatencyMs: number };
          return r.latencyMs - r.upstreamLatencyMs;
        }),
      );
      rows.push({
        label: `concurrency ${concurrency}`,
        concurrency,
        direct: d,
        proxy: p,
        overhead,
      });
    }
    return report(options, rows, await proxyCpuAlone(accessToken, 20_000));
  } finally {
    upstream.stop();
  }
}

function report(options: ProxyBenchOptions, rows: readonly Row[], cpuAloneUs: number): boolean {
  const out: string[] = [];
  out.push(
    `bench:proxy  Node ${process.version}  upstream service time ${options.serviceMs} ms (loopback, child process)`,
    '',
    'mode                     n    p50 ms   p99 ms   exch/s   CPU µs/exch  upstream conns',
  );
  for (const row of rows) {
    for (const [name, r] of [
      ['direct', row.direct],
      ['proxy (Lambda adapter)', row.proxy],
    ] as const) {
      out.push(
        `${`${name} c=${row.concurrency}`.padEnd(24)}${String(r.latency.n).padStart(5)}${fixed(r.latency.p50, 2, 10)}${fixed(r.latency.p99, 2, 9)}${fixed(r.perSecond, 0, 9)}${fixed(r.cpuUsPerExchange, 0, 14)}${String(r.connectionsOpened).padStart(16)}`,
      );
    }
  }
  out.push('');
  let allMet = true;
  for (const row of rows) {
    const addedP50 = row.proxy.latency.p50 - row.direct.latency.p50;
    const addedP99 = row.proxy.latency.p99 - row.direct.latency.p99;
    const ratio = row.proxy.perSecond / row.direct.perSecond;
    const cpu = row.proxy.cpuUsPerExchange - row.direct.cpuUsPerExchange;
    const met = [addedP50 <= TARGETS.addedP50Ms, addedP99 <= TARGETS.addedP99Ms];
    if (row.concurrency === 100) met.push(ratio >= TARGETS.throughputRatio);
    allMet &&= met.every(Boolean);
    out.push(
      `${row.label}:`,
      `  added latency p50 ${fixed(addedP50, 3, 0)} ms (target <= ${TARGETS.addedP50Ms} ms: ${fixed(addedP50 / TARGETS.addedP50Ms, 2, 0)}x of budget) ${verdict(met[0] === true)}`,
      `  added latency p99 ${fixed(addedP99, 3, 0)} ms (target <= ${TARGETS.addedP99Ms} ms: ${fixed(addedP99 / TARGETS.addedP99Ms, 2, 0)}x of budget) ${verdict(met[1] === true)}`,
      `  proxy's own time (its logs: total less upstream call) p50 ${fixed(row.overhead.p50, 3, 0)} ms, p99 ${fixed(row.overhead.p99, 3, 0)} ms`,
      `  throughput proxy/direct ${fixed(ratio, 3, 0)}x${row.concurrency === 100 ? ` (target >= ${TARGETS.throughputRatio}x) ${verdict(met[2] === true)}` : ''}`,
      `  proxy CPU per exchange ${fixed(cpu, 0, 0)} µs over direct (${fixed(row.proxy.cpuUsPerExchange, 0, 0)} µs with its upstream call, ${fixed(row.direct.cpuUsPerExchange, 0, 0)} µs for the direct call alone)`,
      `  upstream connections opened: direct ${row.direct.connectionsOpened}, proxy ${row.proxy.connectionsOpened} for ${row.proxy.latency.n} exchanges each (reused when far below)`,
    );
  }
  out.push(
    '',
    `proxy CPU per exchange, alone (core + Lambda adapter + log line; upstream answer in memory): ${fixed(cpuAloneUs, 1, 0)} µs`,
    '',
    allMet ? 'all targets met' : 'some targets missed',
  );
  process.stdout.write(`${out.join('\n')}\n`);
  return allMet;
}

const HELP = `Usage: npm run bench:proxy [-- --quick] [-- --service-ms N]

Measures the token proxy (core + Lambda Function URL adapter) against calling a loopback upstream
directly, at 1 and 100 concurrent exchanges. --quick runs fewer exchanges (about 10 s).
Exits 0 when every target is met, 1 otherwise.
`;

function parseArgs(argv: readonly string[]): ProxyBenchOptions | 'help' {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  const quick = argv.includes('--quick');
  const at = argv.indexOf('--service-ms');
  const serviceMs = at === -1 ? 50 : Number(argv[at + 1]);
  if (!Number.isInteger(serviceMs) || serviceMs < 0)
    throw new Error('--service-ms takes a whole number');
  const known = new Set(['--quick', '--service-ms', '--help', '-h', argv[at + 1]]);
  const unknown = argv.find((a) => !known.has(a));
  if (unknown !== undefined) throw new Error(`unknown argument ${unknown} (see --help)`);
  return { serviceMs, sequential: quick ? 60 : 200, concurrent: quick ? 1000 : 4000 };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options === 'help') {
    process.stdout.write(HELP);
    return;
  }
  process.exitCode = (await runProxyBench(options)) ? 0 : 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `bench:proxy: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  });
}
