/** `npm run bench`: every benchmark, one after another, each in its own process. */
import { spawnSync } from 'node:child_process';

const BENCHES = ['auth', 'skill', 'cold-start', 'weather', 'proxy', 'test'];
let failed = false;
for (const name of BENCHES) {
  const result = spawnSync('npm', ['run', '--silent', `bench:${name}`], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
  console.log('');
}
if (failed) process.exitCode = 1;
