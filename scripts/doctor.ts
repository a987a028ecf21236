/**
 * `npm run doctor -- [<token-url>]`: checks a token endpoint the way Alexa uses it (see `--help`
 * and docs/DEPLOY.md). Reads `.env` at the repository root (the environment wins) when given a
 * URL; with no arguments it checks the local stack, started in-process. The work is in
 * scripts/doctor/.
 */
import { fileURLToPath } from 'node:url';
import { withDotEnv } from '../tools/mint-token/index.js';
import { runDoctorCli } from './doctor/index.js';

const argv = process.argv.slice(2);
const dotEnvPath = fileURLToPath(new URL('../.env', import.meta.url));

process.exitCode = await runDoctorCli({
  argv,
  // The local stack (no arguments) needs no configuration: .env is read only for a real URL.
  env: argv.length === 0 ? {} : await withDotEnv(process.env, dotEnvPath),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
