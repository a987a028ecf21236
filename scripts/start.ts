/**
 * `npm start`: the local stack (issuer + token proxy + skill endpoint, all on loopback), a test
 * account linked the way Alexa does, and a prompt to talk to the skill; `npm start -- "<utterance>"`
 * answers once and exits. Reads no `.env` and no environment variable. See `--help`.
 */
import { runStart } from './local-stack/index.js';

const controller = new AbortController();
const stop = (): void => {
  controller.abort();
  // Every server is stopped on the way out; should that ever hang, do not stay running.
  setTimeout(() => {
    process.stderr.write('npm start: shutting down took too long; exiting\n');
    process.exit(130);
  }, 3000).unref();
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

const code = await runStart(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  signal: controller.signal,
});
process.off('SIGINT', stop);
process.off('SIGTERM', stop);
process.stdin.pause();
process.exitCode = code;
// Every server is stopped; should anything still hold the event loop, do not hang on it.
setTimeout(() => process.exit(code), 2000).unref();
