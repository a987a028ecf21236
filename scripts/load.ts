/**
 * `npm run load`: the proxy's HTTP adapter and the skill's HTTP endpoint each take 20,000 requests
 * at 200 concurrent connections on loopback, after a warm-up of the same size. Each server runs in
 * its own child process (as it would in production), so its resident memory is its own, not the
 * load generator's. Prints throughput, latency, errors and the server's memory; exits non-zero on
 * any error, or when the server's resident memory after the run is more than 10% above what it was
 * after the warm-up. Loopback only; bounded in count; stops by itself.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createServer, Agent, request as httpRequest, type Server } from 'node:http';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { listenOn } from '../common/http-server.js';
import { silentLogger } from '../common/logger.js';
import { startSkillHttpEndpoint } from '../lambda/http/index.js';
import { createAlexaApi } from '../lambda/alexa/index.js';
import { createAccessTokenVerifier } from '../lambda/auth/index.js';
import { createSkill } from '../lambda/skill.js';
import { createDemoProvider } from '../lambda/weather/index.js';
import { createProxyServer } from '../proxy/index.js';
import { benchKey, wearRequest } from './bench/fixtures.js';
import { summarize } from './bench/stats.js';

const REQUESTS = Number(process.env['LOAD_REQUESTS'] ?? 20_000);
const CONCURRENCY = Number(process.env['LOAD_CONCURRENCY'] ?? 200);
const MAX_GROWTH = 0.1;

interface Memory {
  readonly rss: number;
  readonly heapUsed: number;
}

/** Listens on an ephemeral loopback port; the base URL, without a trailing slash. */
async function listen(server: Server): Promise<string> {
  return (await listenOn(server, 0, '127.0.0.1')).url.replace(/\/$/, '');
}

/** The child: starts one server under test, tells its URL, answers memory questions. */
async function serve(kind: string): Promise<void> {
  let url: string;
  let token = '';
  if (kind === 'proxy') {
    // The upstream (the Auth0 stand-in) runs in the load generator's process: not the proxy's cost.
    const proxy = createProxyServer({
      upstreamTokenUrl: process.argv[4] ?? '',
      allowedClientIds: ['alexa'],
      logger: silentLogger,
    });
    url = `${await listen(proxy)}/`;
  } else {
    // The skill: a loopback key set, demo weather, Alexa APIs unreachable (defaults apply).
    const jwks = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [key.jwk] }));
    });
    const jwksUrl = await listen(jwks);
    const key = benchKey(`${jwksUrl}/`, Date.now());
    token = key.mint(0);
    const skill = createSkill({
      verify: createAccessTokenVerifier({
        issuerBaseUrl: `${jwksUrl}/`,
        audience: 'https://whatshouldiwear',
        requiredScope: 'read:whattowear',
      }),
      weather: createDemoProvider(),
      alexaApi: createAlexaApi({ fetch: () => Promise.reject(new Error('offline')) }),
      logger: silentLogger,
      now: Date.now,
    });
    url = (await startSkillHttpEndpoint({ skill, mode: 'local' })).url;
  }
  process.on('message', (message) => {
    if (message === 'memory') {
      globalThis.gc?.();
      const m = process.memoryUsage();
      process.send?.({ rss: m.rss, heapUsed: m.heapUsed });
    } else if (message === 'stop') process.exit(0);
  });
  process.send?.({ url, token });
}

function ask<T>(child: ChildProcess, message: string): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (answer) => {
      resolve(answer as T);
    });
    child.send(message);
  });
}

interface Target {
  readonly name: string;
  readonly kind: 'proxy' | 'skill';
  readonly headers: Record<string, string>;
  body(i: number, token: string): string;
  ok(status: number, body: string): boolean;
}

async function run(
  target: Target,
  url: string,
  token: string,
  agent: Agent,
  requests = REQUESTS,
  concurrency = CONCURRENCY,
) {
  let next = 0;
  let errors = 0;
  const latencies: number[] = [];
  const failures = new Map<string, number>();
  const one = (i: number) =>
    new Promise<void>((done) => {
      const body = target.body(i, token);
      const started = performance.now();
      const headers = { ...target.headers, 'content-length': Buffer.byteLength(body) };
      const req = httpRequest(url, { method: 'POST', agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          latencies.push(performance.now() - started);
          const text = Buffer.concat(chunks).toString();
          if (!target.ok(res.statusCode ?? 0, text)) {
            errors += 1;
            failures.set(
              `${res.statusCode ?? 0} ${text.slice(0, 120)}`,
              (failures.get(`${res.statusCode ?? 0} ${text.slice(0, 120)}`) ?? 0) + 1,
            );
          }
          done();
        });
      });
      req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        errors += 1;
        done();
      });
      req.end(body);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) await one(next++);
    }),
  );
  for (const [what, count] of failures) console.log(`    ${count} x ${what}`);
  return { errors, ms: performance.now() - started, latencies };
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

async function measure(target: Target, upstreamUrl: string): Promise<boolean> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve', target.kind, upstreamUrl], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
  });
  try {
    const { url, token } = await new Promise<{ url: string; token: string }>((resolve) => {
      child.once('message', (m) => {
        resolve(m as { url: string; token: string });
      });
    });
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    // A gentle start (JIT, lazy module loads, connection pools) before the warm-up's burst.
    await run(target, url, token, agent, 500, 10);
    const warm = await run(target, url, token, agent);
    const before = await ask<Memory>(child, 'memory');
    const result = await run(target, url, token, agent);
    const after = await ask<Memory>(child, 'memory');
    agent.destroy();
    const s = summarize(result.latencies);
    const growth = (after.rss - before.rss) / before.rss;
    const passed = warm.errors === 0 && result.errors === 0 && growth <= MAX_GROWTH;
    console.log(`  ${target.name}`);
    console.log(
      `    ${REQUESTS} requests at ${CONCURRENCY} connections: ${((REQUESTS / result.ms) * 1000).toFixed(0)} req/s, p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms`,
    );
    console.log(`    errors: warm-up ${warm.errors}, run ${result.errors}  (target 0)`);
    console.log(
      `    server resident memory: ${mib(before.rss)} after warm-up, ${mib(after.rss)} after the run (${(growth * 100).toFixed(1)}%; target <= 10%); heap used ${mib(before.heapUsed)} -> ${mib(after.heapUsed)}  ${passed ? 'met' : 'NOT met'}`,
    );
    return passed;
  } finally {
    child.send('stop');
  }
}

if (process.argv[2] === '--serve') {
  await serve(process.argv[3] ?? '');
} else {
  const today = new Date().toISOString().slice(0, 10);
  // The Auth0 stand-in the proxy calls: answers a refresh at once, without expires_in.
  const upstream = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: 'opaque-access-token', token_type: 'Bearer' }));
    });
  });
  upstream.keepAliveTimeout = 60_000;
  const upstreamUrl = `${await listen(upstream)}/oauth/token`;
  console.log(`load  Node ${process.version}, each server in its own process`);
  const results = [
    await measure(
      {
        name: 'proxy (node:http adapter) -> loopback upstream',
        kind: 'proxy',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from('alexa:secret').toString('base64')}`,
        },
        body: (i) => `grant_type=refresh_token&refresh_token=rt-${i}`,
        ok: (status, body) => status === 200 && body.includes('"expires_in":3600'),
      },
      upstreamUrl,
    ),
    await measure(
      {
        name: 'skill (HTTP endpoint, local mode), one linked user asking about 20 cities',
        kind: 'skill',
        headers: { 'content-type': 'application/json' },
        body: (i, token) =>
          JSON.stringify(wearRequest(token, `City ${i % 20}`, today, i, 'http://127.0.0.1:9')),
        ok: (status, body) => status === 200 && body.includes('feel like'),
      },
      upstreamUrl,
    ),
  ];
  upstream.close();
  if (results.includes(false)) process.exitCode = 1;
}
