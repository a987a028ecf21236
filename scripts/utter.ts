/**
 * `npm run utter`: what the interaction model hears for each utterance (see `--help`); the work
 * is in tools/utterances/cli.ts.
 */
import { createInterface } from 'node:readline';
import { runUtterCli } from '../tools/utterances/cli.js';

process.exitCode = await runUtterCli({
  argv: process.argv.slice(2),
  stdinLines: () => createInterface({ input: process.stdin, crlfDelay: Infinity }),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
