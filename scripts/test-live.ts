/**
 * `npm run test:live`: the intent suites against a real tenant (see `--help`). Reads `.env` at
 * the repository root (the environment wins); `npm test` never does. The work is in
 * test/live/run-live.ts.
 */
import { fileURLToPath } from 'node:url';
import { withDotEnv } from '../tools/mint-token/index.js';
import { runLive } from '../test/live/run-live.js';

const dotEnvPath = fileURLToPath(new URL('../.env', import.meta.url));

process.exitCode = await runLive({
  argv: process.argv.slice(2),
  env: await withDotEnv(process.env, dotEnvPath),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
