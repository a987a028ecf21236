/**
 * `npm run bench:weather`: upstream calls made by the Open-Meteo provider for 1000 requests spread
 * over 20 cities and 3 days, one request a second (an injected clock), cold and then warm.
 * Target: <= 60 calls per 1000 requests.
 */
import { performance } from 'node:perf_hooks';
import { createOpenMeteoProvider } from '../../lambda/weather/index.js';
import { benchCommandLine, createTargets, finishBench } from './cli.js';
import { BENCH_NOW, benchCity, fakeFetch } from './fixtures.js';

const USAGE = `Usage: npm run bench:weather [-- options]

Upstream calls of the Open-Meteo provider for 1000 requests over 20 cities and 3 days, one a second.
Target: <= 60 calls per 1000 requests, cold.

Options:`;
const args = benchCommandLine('bench:weather', USAGE);
const targets = createTargets('bench:weather', args);

const REQUESTS = 1000;
const DAYS = ['2026-11-25', '2026-11-26', '2026-11-27'];
let clock = BENCH_NOW;
const { fetch, calls } = fakeFetch();
const provider = createOpenMeteoProvider({ now: () => clock, fetch });
const count = () => [...calls.values()].reduce((a, b) => a + b, 0);

async function batch(): Promise<{ calls: number; ms: number }> {
  const before = count();
  const started = performance.now();
  for (let i = 0; i < REQUESTS; i += 1) {
    clock += 1000;
    await provider.forecastDay({ place: benchCity(i * 7), date: DAYS[i % DAYS.length] ?? 'today' });
  }
  return { calls: count() - before, ms: performance.now() - started };
}

const cold = await batch();
const warm = await batch();
console.log(
  `bench:weather  ${REQUESTS} requests over 20 cities x 3 days, one a second, Node ${process.version}`,
);
console.log(
  `  cold: ${cold.calls} upstream calls per ${REQUESTS} requests  (target <= 60: ${targets.judge('cold upstream calls <= 60', cold.calls <= 60)})`,
);
console.log(`  warm: ${warm.calls} upstream calls per ${REQUESTS} requests`);
console.log(`  by host: ${[...calls.entries()].map(([h, n]) => `${h} ${n}`).join(', ')}`);
console.log(`  provider time per request, warm: ${((warm.ms / REQUESTS) * 1000).toFixed(1)} µs`);
finishBench(targets);
