/**
 * The `npm run doctor` command line. With a token URL: checks it with the test user's code or
 * refresh token and the Alexa client's credentials (from flags, or the environment and `.env`).
 * Without arguments: starts the local stack in-process and checks the proxy in front of it.
 */
import { parseArgs } from 'node:util';
import { DoctorError, DoctorUsageError } from './errors.js';
import { startLocalStack, type LocalStack } from './local-stack.js';
import { runDoctor, type DoctorOptions, type DoctorReport } from './run.js';
import { providerLines } from './provider.js';
import { formatTable } from './table.js';

/** `--help`. */
export const DOCTOR_USAGE = `Usage: npm run doctor -- [<token-url>] [options]

Checks a token endpoint the way Alexa uses it: a code exchange and a refresh, each answer
checked for status 200, a JSON content type, expires_in (present, an integer, >= 360),
token_type, Cache-Control: no-store, and an answer within 4.5 s. Prints a pass/fail table,
then the provider's quirks (form answers, errors as 200, {status, body} wrapping, no integer
expires_in, lifetimes under 360 s, rotating refresh tokens) and whether the proxy is needed in
front of it, with which UPSTREAM_PROFILE: point it at the provider's own token URL to find out.
Exits 1 when a check fails.

Without <token-url>: starts the local issuer and the proxy on loopback, links a test user
through /authorize, and checks the proxy. No configuration, no network.

With <token-url> (the proxy's Function URL printed by npm run deploy):
  --code <code>              an unused authorization code of a dedicated test user  (DOCTOR_CODE)
  --redirect-uri <uri>       the redirect URI the code was issued for        (DOCTOR_REDIRECT_URI)
  --code-verifier <v>        the PKCE verifier, when the code has a challenge
  --refresh-token <token>    a refresh token of the test user               (DOCTOR_REFRESH_TOKEN)
  --client-id <id>           the Alexa application's client id   (DOCTOR_CLIENT_ID, ALEXA_CLIENT_ID)
  --client-secret <secret>   its secret                  (DOCTOR_CLIENT_SECRET, ALEXA_CLIENT_SECRET)
  --scheme basic|body        client authentication (HTTP_BASIC or REQUEST_BODY_CREDENTIALS; basic)
  --timeout-ms <ms>          give up on one call after this long (10000)

A refresh spends the refresh token when rotation is on: use a dedicated test user. Prefer
the environment or .env to flags for secrets (flags end up in shell history). Tokens are
never printed.
`;

/** Input and output of {@link runDoctorCli}. */
export interface DoctorCliIo {
  /** Arguments after `--`. */
  readonly argv: readonly string[];
  /** The environment, `.env` included. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Standard output. */
  readonly stdout: (text: string) => void;
  /** Standard error. */
  readonly stderr: (text: string) => void;
  /** The HTTP client. Default: global `fetch`. */
  readonly fetch?: typeof fetch;
  /** Monotonic clock in ms. Default `performance.now`. */
  readonly now?: () => number;
  /** Starts the local stack (tests may wrap it). Default {@link startLocalStack}. */
  readonly startLocal?: () => Promise<LocalStack>;
}

function nonEmpty(...values: (string | undefined)[]): string | undefined {
  return values.find((value) => value !== undefined && value.trim() !== '')?.trim();
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        code: { type: 'string' },
        'redirect-uri': { type: 'string' },
        'code-verifier': { type: 'string' },
        'refresh-token': { type: 'string' },
        'client-id': { type: 'string' },
        'client-secret': { type: 'string' },
        scheme: { type: 'string' },
        'timeout-ms': { type: 'string' },
      },
    });
  } catch (error) {
    throw new DoctorUsageError(error instanceof Error ? error.message : String(error));
  }
}

function remoteOptions(
  url: string,
  values: ReturnType<typeof parse>['values'],
  env: DoctorCliIo['env'],
): DoctorOptions {
  // The URL first: a mistyped one is the mistake to name, before any missing credential.
  let parsedUrl: URL | undefined;
  try {
    parsedUrl = new URL(url);
  } catch {
    parsedUrl = undefined;
  }
  if (parsedUrl === undefined || !['https:', 'http:'].includes(parsedUrl.protocol)) {
    throw new DoctorUsageError(
      `"${url}" is not a token URL: give the access token URL, e.g. https://<proxy>/`,
    );
  }
  const clientId = nonEmpty(values['client-id'], env['DOCTOR_CLIENT_ID'], env['ALEXA_CLIENT_ID']);
  const clientSecret = nonEmpty(
    values['client-secret'],
    env['DOCTOR_CLIENT_SECRET'],
    env['ALEXA_CLIENT_SECRET'],
  );
  const missing = [
    clientId === undefined ? 'the client id (--client-id or ALEXA_CLIENT_ID)' : undefined,
    clientSecret === undefined
      ? 'the client secret (--client-secret or ALEXA_CLIENT_SECRET)'
      : undefined,
  ].filter((m) => m !== undefined);
  if (clientId === undefined || clientSecret === undefined) {
    throw new DoctorUsageError(`missing ${missing.join(' and ')}`);
  }
  const scheme = values.scheme ?? 'basic';
  if (scheme !== 'basic' && scheme !== 'body') {
    throw new DoctorUsageError(`--scheme must be basic or body (got "${scheme}")`);
  }
  const timeout = values['timeout-ms'];
  const timeoutMs = timeout === undefined ? undefined : Number(timeout);
  if (timeoutMs !== undefined && (!Number.isSafeInteger(timeoutMs) || timeoutMs <= 0)) {
    throw new DoctorUsageError(
      `--timeout-ms must be a positive whole number (got "${timeout ?? ''}")`,
    );
  }
  return {
    tokenUrl: url,
    clientId,
    clientSecret,
    scheme,
    code: nonEmpty(values.code, env['DOCTOR_CODE']),
    redirectUri: nonEmpty(values['redirect-uri'], env['DOCTOR_REDIRECT_URI']),
    codeVerifier: nonEmpty(values['code-verifier']),
    refreshToken: nonEmpty(values['refresh-token'], env['DOCTOR_REFRESH_TOKEN']),
    timeoutMs,
  };
}

function print(io: DoctorCliIo, target: string, report: DoctorReport): void {
  const failed = report.rows.filter((row) => row.outcome === 'fail').length;
  const checked = report.rows.filter((row) => row.outcome !== 'skip').length;
  io.stdout(`doctor: ${target}\n\n${formatTable(report.rows)}\n\n`);
  io.stdout(`${providerLines(report.provider).join('\n')}\n\n`);
  const warned = report.rows.filter((row) => row.outcome === 'warn').length;
  const warnings = warned === 0 ? '' : ` (${warned} warning${warned === 1 ? '' : 's'})`;
  io.stdout(
    report.ok
      ? `doctor: all ${checked} checks passed${warnings}\n`
      : `doctor: ${failed} of ${checked} checks failed${warnings}\n`,
  );
}

/** Runs `npm run doctor`; resolves to the exit code (0 all passed, 1 a check failed, 2 usage). */
export async function runDoctorCli(io: DoctorCliIo): Promise<number> {
  try {
    const { values, positionals } = parse(io.argv);
    if (values.help === true) {
      io.stdout(DOCTOR_USAGE);
      return 0;
    }
    if (positionals.length > 1) throw new DoctorUsageError('give at most one token URL');
    const url = positionals[0];
    const clock = { fetch: io.fetch, now: io.now };
    if (url !== undefined) {
      const report = await runDoctor({ ...remoteOptions(url, values, io.env), ...clock });
      print(io, url, report);
      return report.ok ? 0 : 1;
    }
    const stack = await (io.startLocal ?? startLocalStack)();
    try {
      const report = await runDoctor({
        tokenUrl: stack.tokenUrl,
        clientId: stack.clientId,
        clientSecret: stack.clientSecret,
        code: stack.code,
        redirectUri: stack.redirectUri,
        ...clock,
      });
      print(io, `${stack.tokenUrl} (local stack: proxy in front of the local issuer)`, report);
      return report.ok ? 0 : 1;
    } finally {
      await stack.stop();
    }
  } catch (error) {
    if (error instanceof DoctorUsageError) {
      io.stderr(`doctor: ${error.message} (see --help)\n`);
      return 2;
    }
    const message =
      error instanceof DoctorError || error instanceof Error ? error.message : String(error);
    io.stderr(`doctor: ${message}\n`);
    return 1;
  }
}
