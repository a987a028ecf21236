/**
 * `npm run bench:proxy`: what the token proxy adds to an exchange. A loopback upstream (a child
 * process, so that its CPU is not counted here) answers like a remote Auth0 after about 50 ms;
 * it is called directly, and through the proxy core with its Lambda Function URL adapter, at 1 and
 * at 100 concurrent exchanges. Prints p50/p99 latency, exchanges/s, the added latency, the proxy's
 * CPU time per exchange, upstream connections opened, and ratios against the targets.
 *
 * "Directly" is measured with two clients: global `fetch`, and the proxy's own node:http transport
 * (with a pool of its own). The targets are judged against both, so against the faster, so that
 * the proxy cannot look cheap only because a direct client is slow.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { devNull as devNullPath } from 'node:os';
import { pathToFileURL } from 'node:url';
import { SignJWT } from 'jose';
import { createLogger } from '../../common/logger.js';
import {
  createFunctionUrlHandler,
  createHttpTransport,
  createTokenExchange,
} from '../../proxy/index.js';
import { functionUrlEvent } from '../../test/harness/function-url.js';
import { benchCommandLine, createTargets, finishBench, wholeNumber } from './cli.js';
import { fixed, summarize, type Summary } from './stats.js';

/** Options of {@link runProxyBench}. */
export interface ProxyBenchOptions {
  /** The upstream's service time, in milliseconds. Default 50. */
  readonly serviceMs: number;
  /** Exchanges per mode at concurrency 1. Default 200. */
  readonly sequential: number;
  /** Exchanges per mode at concurrency 100. Default 20,000. */
  readonly concurrent: number;
}

const TARGETS = { addedP50Ms: 1, addedP99Ms: 5, throughputRatio: 0.9 };
/** One log line in this many is kept for the proxy's own time. */
const LINE_SAMPLE = 10;
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

/** Every mode's runs, alternated in `rounds` so that drift and noise hit them alike. */
async function compare<K extends string>(
  modes: Readonly<Record<K, Exchange>>,
  total: number,
  concurrency: number,
  upstream: Upstream,
  rounds: number,
): Promise<Record<K, Run>> {
  const names = Object.keys(modes) as K[];
  const samples = new Map<K, Sample[]>(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round += 1) {
    for (const name of names) {
      samples
        .get(name)
        ?.push(await sample(modes[name], Math.ceil(total / rounds), concurrency, upstream));
    }
  }
  return Object.fromEntries(names.map((name) => [name, merge(samples.get(name) ?? [])])) as Record<
    K,
    Run
  >;
}

/** CPU time of the proxy alone (core, adapter, logging), its upstream answer served from memory. */
async function proxyCpuAlone(
  accessToken: string,
  exchanges: number,
  sink: (line: string) => void,
): Promise<number> {
  const body = JSON.stringify({ access_token: accessToken, token_type: 'Bearer' });
  const lambda = createFunctionUrlHandler(
    createTokenExchange({
      upstreamTokenUrl: 'https://tenant.example/oauth/token',
      allowedClientIds: [CLIENT_ID],
      logger: createLogger({ sink }),
      transport: () => Promise.resolve({ status: 200, text: body }),
    }),
  );
  const event = functionUrlEvent(BODY, {
    headers: { authorization: AUTHORIZATION },
    requestId: 'cpu',
  });
  for (let i = 0; i < 2000; i += 1) await lambda(event);
  const start = process.cpuUsage();
  for (let i = 0; i < exchanges; i += 1) await lambda(event);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / exchanges;
}

type Mode = 'fetch' | 'http' | 'proxy';

interface Row {
  readonly concurrency: number;
  readonly runs: Record<Mode, Run>;
  /** The proxy's own time per exchange, from its log lines. */
  readonly overhead: Summary;
}

const MODE_NAMES: Record<Mode, string> = {
  fetch: 'direct (fetch)',
  http: 'direct (proxy transport)',
  proxy: 'proxy (Lambda adapter)',
};

function verdict(ok: boolean): string {
  return ok ? 'PASS' : 'MISS';
}

/** A POST through the proxy's own HTTP client (a transport of its own, so its own connections). */
function transportPost(url: string): Exchange {
  const transport = createHttpTransport();
  const target = new URL(url);
  return async () => {
    const answer = await transport(target, {
      headers: {
        'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
        authorization: AUTHORIZATION,
      },
      body: BODY,
      timeoutMs: 3000,
      maxResponseBytes: 64 * 1024,
    });
    JSON.parse(answer.text);
    if (answer.status !== 200) throw new Error(`direct: upstream answered ${answer.status}`);
  };
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
  // A real logger writing every line to a real file (the null device), as Lambda's stdout would
  // take it: that cost is part of the proxy's. One line in LINE_SAMPLE is kept for the proxy's
  // own time; keeping them all would make the benchmark's garbage collection, not the proxy's,
  // part of the figures.
  const proxyLines: string[] = [];
  const devNull = openSync(devNullPath, 'w');
  const writeLine = (line: string): void => {
    writeSync(devNull, `${line}\n`);
  };
  let written = 0;
  const lambda = createFunctionUrlHandler(
    createTokenExchange({
      upstreamTokenUrl: upstream.url,
      allowedClientIds: [CLIENT_ID],
      logger: createLogger({
        sink: (line) => {
          writeLine(line);
          written += 1;
          if (written % LINE_SAMPLE === 0) proxyLines.push(line);
        },
        base: { service: 'token-proxy' },
      }),
    }),
  );
  const modes: Record<Mode, Exchange> = {
    fetch: async () => {
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
    },
    http: transportPost(upstream.url),
    proxy: async (i) => {
      const result = await lambda(
        functionUrlEvent(BODY, {
          headers: { authorization: AUTHORIZATION },
          requestId: `bench-${i}`,
        }),
      );
      JSON.parse(result.body ?? '');
      if (result.statusCode !== 200) throw new Error(`proxy: answered ${result.statusCode}`);
    },
  };

  try {
    // Warm-up at the highest concurrency: JIT, and a pool of upstream connections per client
    // that the measured runs then mostly reuse.
    for (const exchange of Object.values(modes)) await sample(exchange, 1000, 100, upstream);
    const rows: Row[] = [];
    for (const [concurrency, total] of [
      [1, options.sequential],
      [100, options.concurrent],
    ] as const) {
      proxyLines.length = 0;
      const runs = await compare(modes, total, concurrency, upstream, concurrency === 1 ? 4 : 10);
      // The proxy's own time per exchange, from its log lines: total less the upstream call.
      const overhead = summarize(
        proxyLines.map((line) => {
          const r = JSON.parse(line) as { latencyMs: number; upstreamLatencyMs: number };
          return r.latencyMs - r.upstreamLatencyMs;
        }),
      );
      rows.push({ concurrency, runs, overhead });
    }
    return report(options, rows, await proxyCpuAlone(accessToken, 20_000, writeLine));
  } finally {
    closeSync(devNull);
    upstream.stop();
  }
}

function report(options: ProxyBenchOptions, rows: readonly Row[], cpuAloneUs: number): boolean {
  const out: string[] = [];
  out.push(
    `bench:proxy  Node ${process.version}  upstream service time ${options.serviceMs} ms (loopback, child process)`,
    '',
    `${'mode'.padEnd(36)}n    p50 ms   p99 ms   exch/s   CPU µs/exch  upstream conns`,
  );
  for (const row of rows) {
    for (const mode of ['fetch', 'http', 'proxy'] as const) {
      const r = row.runs[mode];
      out.push(
        `${`${MODE_NAMES[mode]} c=${row.concurrency}`.padEnd(30)}${String(r.latency.n).padStart(7)}${fixed(r.latency.p50, 2, 10)}${fixed(r.latency.p99, 2, 9)}${fixed(r.perSecond, 0, 9)}${fixed(r.cpuUsPerExchange, 0, 14)}${String(r.connectionsOpened).padStart(16)}`,
      );
    }
  }
  out.push('');
  let allMet = true;
  for (const row of rows) {
    const { proxy } = row.runs;
    out.push(`concurrency ${row.concurrency}:`);
    for (const base of ['fetch', 'http'] as const) {
      const direct = row.runs[base];
      const addedP50 = proxy.latency.p50 - direct.latency.p50;
      const addedP99 = proxy.latency.p99 - direct.latency.p99;
      const ratio = proxy.perSecond / direct.perSecond;
      const met = [addedP50 <= TARGETS.addedP50Ms, addedP99 <= TARGETS.addedP99Ms];
      if (row.concurrency === 100) met.push(ratio >= TARGETS.throughputRatio);
      // Judged against both clients, so against the faster one.
      allMet &&= met.every(Boolean);
      out.push(
        `  against ${MODE_NAMES[base]}:`,
        `    added latency p50 ${fixed(addedP50, 3, 0)} ms (target <= ${TARGETS.addedP50Ms} ms: ${fixed(addedP50 / TARGETS.addedP50Ms, 2, 0)}x of budget) ${verdict(met[0] === true)}`,
        `    added latency p99 ${fixed(addedP99, 3, 0)} ms (target <= ${TARGETS.addedP99Ms} ms: ${fixed(addedP99 / TARGETS.addedP99Ms, 2, 0)}x of budget) ${verdict(met[1] === true)}`,
        `    throughput proxy/direct ${fixed(ratio, 3, 0)}x${row.concurrency === 100 ? ` (target >= ${TARGETS.throughputRatio}x) ${verdict(met[2] === true)}` : ''}`,
        `    process CPU per exchange ${fixed(proxy.cpuUsPerExchange - direct.cpuUsPerExchange, 0, 0)} µs over direct (${fixed(proxy.cpuUsPerExchange, 0, 0)} µs through the proxy, ${fixed(direct.cpuUsPerExchange, 0, 0)} µs direct)`,
      );
    }
    out.push(
      `  proxy's own time (its logs: total less upstream call) p50 ${fixed(row.overhead.p50, 3, 0)} ms, p99 ${fixed(row.overhead.p99, 3, 0)} ms`,
      `  upstream connections opened for ${proxy.latency.n} exchanges each: ${(['fetch', 'http', 'proxy'] as const).map((m) => `${MODE_NAMES[m]} ${row.runs[m].connectionsOpened}`).join(', ')}`,
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

const USAGE = `Usage: npm run bench:proxy [-- options]

Measures the token proxy (core + Lambda Function URL adapter) against calling a loopback upstream
directly, at 1 and 100 concurrent exchanges.

Options:
  --quick           fewer exchanges (about 15 s)
  --service-ms <n>  the upstream's service time in ms (default 50)`;

async function main(): Promise<void> {
  const { args, serviceMs } = benchCommandLine(
    'bench:proxy',
    USAGE,
    { quick: { type: 'boolean' }, 'service-ms': { type: 'string' } },
    (parsed) => ({ args: parsed, serviceMs: wholeNumber(parsed, 'service-ms', 50) }),
  );
  const quick = args.values['quick'] === true;
  const met = await runProxyBench({
    serviceMs,
    sequential: quick ? 60 : 200,
    concurrent: quick ? 2000 : 20_000,
  });
  const targets = createTargets('bench:proxy', args);
  targets.judge('every proxy target', met);
  finishBench(targets);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `bench:proxy: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  });
}
