/**
 * The mint-token command line, as a function of its arguments, environment and output streams,
 * so tests run it in-process. `scripts/mint-token.ts` only adds `.env` and `process`.
 */
import { parseArgs } from 'node:util';
import { ConfigError, issuerUrl, parseEnv, redactSecrets, str } from '../../common/index.js';
import { decodeToken } from './decode.js';
import { MintTokenError } from './errors.js';
import { mintToken, type MintTokenOptions } from './mint-token.js';

/** Where the CLI reads and writes; all injected. */
export interface MintTokenCliIo {
  /** Arguments after the program name. */
  readonly argv: readonly string[];
  /** The environment (with `.env` already merged in by the caller, if wanted). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Overrides passed to {@link mintToken} (cache folder, fetch, clock, timeout) for tests. */
  readonly overrides?: Partial<MintTokenOptions>;
}

/** Usage text for `--help`. */
export const MINT_TOKEN_USAGE = `Usage: npm run -s mint-token -- [options]

Prints an access token from the client-credentials grant at <ISSUER_BASE_URL>oauth/token.
Tokens are cached on disk (.cache/mint-token, mode 0600) until 60 s before they expire.

Options:
  --audience <id>    API identifier (default: AUDIENCE, else https://whatshouldiwear)
  --scope <scopes>   space-separated scopes to ask for (default: the client's grant)
  --json             print the whole token response with the decoded header and claims
  --decode [token]   print a token's header and claims, unverified (mints one if none given)
  --no-cache         neither read nor write the disk cache
  -h, --help         show this help

Environment (a .env file at the repository root is read too):
  ISSUER_BASE_URL, AUDIENCE, TEST_CLIENT_ID, TEST_CLIENT_SECRET
`;

/** A mistake on the command line. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly code = 'ERR_MINT_USAGE';
}

function parse(argv: readonly string[]) {
  // `--decode=<token>` is spelled as `--decode <token>` for parseArgs.
  const args = argv.flatMap((a) => (a.startsWith('--decode=') ? ['--decode', a.slice(9)] : [a]));
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        audience: { type: 'string' },
        scope: { type: 'string' },
        json: { type: 'boolean', default: false },
        decode: { type: 'boolean', default: false },
        'no-cache': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (positionals.length > (values.decode ? 1 : 0)) {
      throw new UsageError(`unexpected argument "${positionals.join(' ')}"`);
    }
    return { ...values, token: positionals[0] };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError((error as Error).message, { cause: error });
  }
}

function readEnvironment(env: MintTokenCliIo['env']) {
  return parseEnv(env, {
    ISSUER_BASE_URL: issuerUrl(),
    AUDIENCE: str({ default: 'https://whatshouldiwear' }),
    TEST_CLIENT_ID: str(),
    TEST_CLIENT_SECRET: str(),
  });
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** Runs the command; resolves with the exit code (0 ok, 1 failure, 2 usage or configuration). */
export async function runMintTokenCli(io: MintTokenCliIo): Promise<number> {
  // Known before the environment is checked, so that even a configuration error cannot echo it.
  const secret = io.env.TEST_CLIENT_SECRET?.trim();
  const fail = (error: unknown, exitCode: number): number => {
    const code = (error as { code?: unknown }).code;
    let line = `mint-token: ${error instanceof Error ? error.message : String(error)}`;
    if (typeof code === 'string') line += ` [${code}]`;
    line = line.replace(/\s*\n\s*/g, ' ');
    if (secret !== undefined) line = redactSecrets(line, [secret]);
    io.stderr(`${line}\n`);
    return exitCode;
  };
  try {
    const args = parse(io.argv);
    if (args.help) {
      io.stdout(MINT_TOKEN_USAGE);
      return 0;
    }
    if (args.decode && args.token !== undefined) {
      io.stdout(json(decodeToken(args.token)));
      return 0;
    }
    const env = readEnvironment(io.env);
    const minted = await mintToken({
      issuerBaseUrl: env.ISSUER_BASE_URL,
      clientId: env.TEST_CLIENT_ID,
      clientSecret: env.TEST_CLIENT_SECRET,
      audience: args.audience ?? env.AUDIENCE,
      ...(args.scope === undefined ? {} : { scope: args.scope }),
      ...io.overrides,
      ...(args['no-cache'] ? { cacheDir: false as const } : {}),
    });
    if (args.decode) io.stdout(json(decodeToken(minted.accessToken)));
    else if (args.json) {
      const decoded = (() => {
        try {
          return decodeToken(minted.accessToken);
        } catch {
          return undefined; // an opaque token has nothing to decode
        }
      })();
      io.stdout(json({ response: minted.response, ...decoded, cached: minted.fromCache }));
    } else io.stdout(`${minted.accessToken}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) return fail(error, 2);
    if (error instanceof MintTokenError) return fail(error, 1);
    return fail(error, 1);
  }
}
