/** `npm run bench:test`: how long the whole `npm test` takes here (target: under 60 s on 2 cores). */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { benchCommandLine, createTargets, finishBench } from './cli.js';

const USAGE = `Usage: npm run bench:test [-- options]

Times the whole npm test. Target: under 60 s; a failing suite also exits 1.

Options:`;
const args = benchCommandLine('bench:test', USAGE);
const targets = createTargets('bench:test', args);

const started = performance.now();
const result = spawnSync('npm', ['test', '--silent', '--', '--reporter', 'dot'], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'pipe'],
});
const seconds = (performance.now() - started) / 1000;
const summary = /(\d+) passing/.exec(result.stdout)?.[1] ?? '?';
console.log(
  `bench:test  npm test: ${summary} passing, exit ${result.status}, ${seconds.toFixed(1)} s on ${(await import('node:os')).availableParallelism()} cores  (target < 60 s: ${targets.judge('npm test < 60 s', seconds < 60)})`,
);
targets.judge('npm test passes', result.status === 0);
finishBench(targets);
