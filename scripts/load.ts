/**
 * `npm run load`: the proxy's HTTP adapter and the skill's HTTP endpoint each take 20,000 requests
 * at 200 concurrent connections on loopback, after a warm-up of the same size. Prints throughput,
 * latency, errors and resident memory; exits non-zero on any error or when memory after the run is
 * more than 10% above memory after the warm-up. Loopback only; bounded in count; stops by itself.
 */
import { createServer, Agent, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
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

async function listen(server: Server): Promise<string> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

interface Target {
  readonly name: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  body(i: number): string;
  ok(status: number, body: string): boolean;
}

async function run(
  target: Target,
  agent: Agent,
): Promise<{ errors: number; ms: number; latencies: number[] }> {
  let next = 0;
  let errors = 0;
  const latencies: number[] = [];
  const one = (i: number) =>
    new Promise<void>((done) => {
      const body = target.body(i);
      const started = performance.now();
      const req = httpRequest(
        target.url,
        {
          method: 'POST',
          agent,
          headers: { ...target.headers, 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            latencies.push(performance.now() - started);
            if (!target.ok(res.statusCode ?? 0, Buffer.concat(chunks).toString())) errors += 1;
            done();
          });
        },
      );
      req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        errors += 1;
        done();
      });
      req.end(body);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) await one(next++);
    }),
  );
  return { errors, ms: performance.now() - started, latencies };
}

function rssMiB(): number {
  globalThis.gc?.();
  return process.memoryUsage().rss / 1024 / 1024;
}

async function measure(target: Target): Promise<boolean> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const warm = await run(target, agent);
  const before = rssMiB();
  const result = await run(target, agent);
  const after = rssMiB();
  agent.destroy();
  const s = summarize(result.latencies);
  const growth = (after - before) / before;
  const passed = warm.errors === 0 && result.errors === 0 && growth <= MAX_GROWTH;
  console.log(`  ${target.name}`);
  console.log(
    `    ${REQUESTS} requests at ${CONCURRENCY} connections: ${((REQUESTS / result.ms) * 1000).toFixed(0)} req/s, p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms`,
  );
  console.log(`    errors: warm-up ${warm.errors}, run ${result.errors}  (target 0)`);
  console.log(
    `    resident memory: ${before.toFixed(1)} MiB after warm-up, ${after.toFixed(1)} MiB after the run (${(growth * 100).toFixed(1)}%; target <= 10%)  ${passed ? 'met' : 'NOT met'}`,
  );
  return passed;
}

// The Auth0 stand-in the proxy calls: answers a refresh at once, without expires_in.
const upstream = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ access_token: 'opaque-access-token', token_type: 'Bearer' }));
  });
});
const upstreamUrl = await listen(upstream);
const proxy = createProxyServer({
  upstreamTokenUrl: `${upstreamUrl}/oauth/token`,
  allowedClientIds: ['alexa'],
  logger: silentLogger,
});
const proxyUrl = await listen(proxy);

// The skill: a loopback key set, demo weather, Alexa APIs unreachable (defaults apply).
const jwks = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ keys: [key.jwk] }));
});
const jwksUrl = await listen(jwks);
const key = benchKey(`${jwksUrl}/`, Date.now());
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
const endpoint = await startSkillHttpEndpoint({ skill, mode: 'local' });
const tokens = Array.from({ length: 50 }, (_, i) => key.mint(i));
const today = new Date().toISOString().slice(0, 10);

console.log(
  `load  Node ${process.version}${globalThis.gc ? '' : ' (run with --expose-gc for steadier memory figures)'}`,
);
const results = [
  await measure({
    name: 'proxy (node:http adapter) -> loopback upstream',
    url: `${proxyUrl}/`,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from('alexa:secret').toString('base64')}`,
    },
    body: (i) => `grant_type=refresh_token&refresh_token=rt-${i}`,
    ok: (status, body) => status === 200 && body.includes('"expires_in":3600'),
  }),
  await measure({
    name: 'skill (HTTP endpoint, local mode), 50 users asking in turn',
    url: endpoint.url,
    headers: { 'content-type': 'application/json' },
    body: (i) =>
      JSON.stringify(
        wearRequest(
          tokens[i % tokens.length] ?? '',
          `City ${i % 20}`,
          today,
          i,
          'http://127.0.0.1:9',
        ),
      ),
    ok: (status, body) => status === 200 && body.includes('feel like'),
  }),
];
await endpoint.stop();
for (const server of [proxy, upstream, jwks]) server.close();
if (results.includes(false)) process.exitCode = 1;
