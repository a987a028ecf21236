/**
 * `npm run mint-token`: prints one access token from the client-credentials grant (see
 * `--help`). Reads `.env` at the repository root (the environment wins); the work is in
 * tools/mint-token.
 */
import { fileURLToPath } from 'node:url';
import { runMintTokenCli, withDotEnv } from '../tools/mint-token/index.js';

const dotEnvPath = fileURLToPath(new URL('../.env', import.meta.url));

process.exitCode = await runMintTokenCli({
  argv: process.argv.slice(2),
  env: await withDotEnv(process.env, dotEnvPath),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
