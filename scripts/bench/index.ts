/** `npm run bench`: every benchmark, one after another, each in its own process. */
import { spawnSync } from 'node:child_process';
import { benchCommandLine } from './cli.js';

const USAGE = `Usage: npm run bench [-- options]

Runs bench:auth, bench:skill, bench:log, bench:cold-start, bench:weather, bench:proxy and bench:test, each in
its own process, and exits 1 when any of them missed a target or failed.

Options:`;
const args = benchCommandLine('bench', USAGE);
const BENCHES = ['auth', 'skill', 'log', 'cold-start', 'weather', 'proxy', 'test'];
const failed: string[] = [];
for (const name of BENCHES) {
  const result = spawnSync(
    'npm',
    ['run', '--silent', `bench:${name}`, ...(args.reportOnly ? ['--', '--report-only'] : [])],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) failed.push(`bench:${name}`);
  console.log('');
}
if (failed.length > 0) {
  console.log(`bench: ${failed.join(', ')} missed a target or failed`);
  process.exitCode = 1;
} else {
  console.log(
    `bench: every benchmark met its targets${args.reportOnly ? ' or only reported' : ''}`,
  );
}
