/**
 * `npm run deploy`: build, package, `ask deploy`, account linking (see `--help` and
 * docs/DEPLOY.md). Reads `.env` at the repository root (the environment wins); the work is in
 * scripts/deploy/.
 */
import { fileURLToPath } from 'node:url';
import { withDotEnv } from '../tools/mint-token/index.js';
import { buildAll } from './build.js';
import { createProcessRunner, runDeployCli } from './deploy/index.js';

const dotEnvPath = fileURLToPath(new URL('../.env', import.meta.url));

process.exitCode = await runDeployCli({
  argv: process.argv.slice(2),
  env: await withDotEnv(process.env, dotEnvPath),
  runner: createProcessRunner(),
  build: async ({ profile }) => {
    await buildAll({ profile, report: (line) => process.stdout.write(`${line}\n`) });
  },
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
