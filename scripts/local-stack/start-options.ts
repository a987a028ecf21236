/** `npm start`'s command line: flags in, typed options out. Reads no environment. */
import { parseArgs } from 'node:util';

/** The usage text. */
export const START_USAGE = `Usage: npm start [-- [options] ["<utterance>"]]

Starts the local stack on 127.0.0.1 (issuer, token proxy, skill endpoint), links a test account
the way Alexa does, then opens a prompt where you talk to the skill. With an utterance, answers
it once and exits. Offline by default; reads no .env and ignores ISSUER_BASE_URL and every other
tenant or weather variable in the environment.

Options:
  --live-weather          real forecasts from Open-Meteo (needs the network); default: demo data
  --locale <locale>       en-US (default), en-GB, en-CA or en-AU
  --time-zone <zone>      the simulated device's IANA time zone (default: this machine's)
  --issuer-port <n>       port of the issuer (default: a free port)
  --proxy-port <n>        port of the token proxy (default: a free port)
  --skill-port <n>        port of the skill endpoint (default: a free port)
  --token-ttl <seconds>   access-token lifetime at the issuer (default 3600, at least 60; under
                          420 the proxy reports less than Alexa's 360 s floor, and a warning says so)
  --no-link               start with the account not linked (/relink links it)
  --verbose               every server's JSON log lines on stderr
  -h, --help              this help
`;

/** The parsed command line. */
export interface StartOptions {
  /** The one utterance to answer, when given. */
  readonly utterance: string | undefined;
  readonly liveWeather: boolean;
  readonly locale: 'en-US' | 'en-GB' | 'en-CA' | 'en-AU';
  readonly timeZone: string | undefined;
  readonly ports: { readonly issuer: number; readonly proxy: number; readonly skill: number };
  readonly tokenTtlSeconds: number;
  readonly link: boolean;
  readonly verbose: boolean;
  readonly help: boolean;
}

/** A command line that cannot be run; `message` is one line. */
export class StartUsageError extends Error {
  override readonly name = 'StartUsageError';
  readonly code = 'ERR_START_USAGE';
}

/** The shortest issuer token lifetime `npm start` runs with: a shorter one expires mid-turn. */
export const MIN_TOKEN_TTL_SECONDS = 60;

const LOCALES = ['en-US', 'en-GB', 'en-CA', 'en-AU'] as const;

/**
 * The ports `fetch` refuses to connect to (the WHATWG Fetch standard's "bad ports"): the simulator
 * reaches every piece with fetch, so a piece there could never be reached.
 */
const FETCH_BLOCKED_PORTS: ReadonlySet<number> = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102,
  103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465,
  512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993,
  995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668,
  6669, 6679, 6697, 10080,
]);

function port(name: string, raw: string | undefined): number {
  if (raw === undefined) return 0;
  if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65_535) {
    throw new StartUsageError(`--${name} must be a port number from 0 to 65535 (got "${raw}")`);
  }
  if (FETCH_BLOCKED_PORTS.has(Number(raw))) {
    throw new StartUsageError(
      `--${name} ${raw} is a port fetch refuses to connect to (the Fetch standard's bad ports): choose another`,
    );
  }
  return Number(raw);
}

/** Parses `argv` (the arguments after the script). Throws {@link StartUsageError}. */
export function parseStartArgs(argv: readonly string[]): StartOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        'live-weather': { type: 'boolean', default: false },
        locale: { type: 'string', default: 'en-US' },
        'time-zone': { type: 'string' },
        'issuer-port': { type: 'string' },
        'proxy-port': { type: 'string' },
        'skill-port': { type: 'string' },
        'token-ttl': { type: 'string' },
        'no-link': { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new StartUsageError(error instanceof Error ? error.message : String(error), {
      cause: error,
    });
  }
  const v = parsed.values;
  const locale = LOCALES.find((l) => l === v.locale);
  if (locale === undefined) {
    throw new StartUsageError(`--locale must be one of ${LOCALES.join(', ')} (got "${v.locale}")`);
  }
  const ttlRaw = v['token-ttl'] ?? '3600';
  if (!/^\d{1,7}$/.test(ttlRaw) || Number(ttlRaw) < MIN_TOKEN_TTL_SECONDS) {
    throw new StartUsageError(
      `--token-ttl must be a whole number of seconds, at least ${MIN_TOKEN_TTL_SECONDS} (got "${ttlRaw}")`,
    );
  }
  const zone = v['time-zone'];
  if (zone !== undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
    } catch {
      throw new StartUsageError(`--time-zone must be an IANA time zone (got "${zone}")`);
    }
  }
  const utterance = parsed.positionals.join(' ').trim();
  if (parsed.positionals.length > 0 && utterance === '') {
    throw new StartUsageError('the utterance is empty: say something, or give none for the prompt');
  }
  if (utterance.startsWith('/')) {
    throw new StartUsageError(
      `"${utterance.split(' ')[0] ?? ''}" is a prompt command: run npm start and type it at the prompt`,
    );
  }
  return {
    utterance: utterance === '' ? undefined : utterance,
    liveWeather: v['live-weather'],
    locale,
    timeZone: zone,
    ports: {
      issuer: port('issuer-port', v['issuer-port']),
      proxy: port('proxy-port', v['proxy-port']),
      skill: port('skill-port', v['skill-port']),
    },
    tokenTtlSeconds: Number(ttlRaw),
    link: !v['no-link'],
    verbose: v.verbose,
    help: v.help,
  };
}
