/**
 * `npm run test:live`, as a function of its arguments, environment and output, so tests run it
 * in-process: checks the variables (refusing to start, naming every missing one), mints a token
 * with mint-token, reads the tenant's key set, then runs the live suites with mocha, letting
 * the network reach the tenant and loopback only.
 */
import type { JsonWebKey } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Mocha from 'mocha';
import nock from 'nock';
import { isLoopbackHost } from '../../common/env.js';
import { mintToken, MintTokenError, type MintTokenOptions } from '../../tools/mint-token/index.js';
import { readLiveConfig, LiveConfigError, type LiveConfig } from './live-config.js';
import { setLiveContext } from './live-context.js';

/** Where the live run reads and writes; all injected. */
export interface LiveRunIo {
  readonly argv: readonly string[];
  /** The environment, `.env` already merged in by the caller. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Mints the token (default mint-token's `mintToken`). */
  readonly mint?: typeof mintToken;
  /** Suite files to run (default every `test/live/*.live.ts`). */
  readonly files?: readonly string[];
}

/** Usage text for `--help`. */
export const TEST_LIVE_USAGE = `Usage: npm run test:live -- [--no-cache] [--grep <pattern>]

Runs the skill's intent suites against a real Auth0 tenant: a real verifier with the tenant's
key set, a token from mint-token (client credentials). Weather is the demo provider and the Alexa
APIs are mocked; only the tenant is reached.

Environment (a .env file at the repository root is read too):
  ISSUER_BASE_URL, AUDIENCE, TEST_CLIENT_ID, TEST_CLIENT_SECRET   required
  REQUIRED_SCOPE                                                  default read:whattowear

What is said is resolved by the project's resolver, a stand-in for Alexa's NLU. To hear the
realistic corpus (test/corpus) through Alexa's own NLU for a deployed skill id, write it as an
annotation set (npm run nlu:annotations) and run Amazon's NLU Evaluation Tool on it with the ASK
CLI: see README.md, "Tests".
`;

const LIVE_DIR = import.meta.dirname;

function liveFiles(): string[] {
  return readdirSync(LIVE_DIR)
    .filter((f) => f.endsWith('.live.ts'))
    .sort()
    .map((f) => join(LIVE_DIR, f));
}

/** The signing key of `token` in the tenant's key set. */
async function tenantKey(
  config: LiveConfig,
  token: string,
): Promise<{ jwk: JsonWebKey; kid: string }> {
  const header = JSON.parse(
    Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8'),
  ) as { kid?: unknown };
  const response = await fetch(new URL('.well-known/jwks.json', config.issuerBaseUrl), {
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`the key set answered ${response.status}`);
  const { keys } = (await response.json()) as { keys?: (JsonWebKey & { kid?: string })[] };
  const key = (keys ?? []).find((k) => k.kid === header.kid) ?? keys?.[0];
  if (key === undefined) throw new Error('the key set holds no key');
  return { jwk: key, kid: typeof key.kid === 'string' ? key.kid : '' };
}

/** Lets the process reach loopback and the tenant only, and checks nock after each test. */
function rootHooks(tenantHost: string): Mocha.RootHookObject {
  return {
    beforeAll() {
      nock.disableNetConnect();
      nock.enableNetConnect((host) => {
        const name = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
        return name === tenantHost || isLoopbackHost(name);
      });
    },
    afterEach(this: Mocha.Context) {
      const pending = nock.pendingMocks();
      nock.cleanAll();
      if (pending.length > 0 && this.currentTest?.state === 'passed') {
        throw new Error(`Unused nock interceptors: ${pending.join(', ')}`);
      }
    },
    afterAll() {
      nock.enableNetConnect();
    },
  };
}

/** Runs the live suites; resolves to the exit code (0 passed, 1 failed, 2 cannot start). */
export async function runLive(io: LiveRunIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...io.argv],
      options: {
        'no-cache': { type: 'boolean', default: false },
        grep: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    io.stderr(`test:live: ${(error as Error).message}\n`);
    return 2;
  }
  if (args.help) {
    io.stdout(TEST_LIVE_USAGE);
    return 0;
  }
  let config: LiveConfig;
  try {
    config = readLiveConfig(io.env);
  } catch (error) {
    if (!(error instanceof LiveConfigError)) throw error;
    io.stderr(`test:live refuses to start: ${error.message}\n`);
    return 2;
  }

  const options: MintTokenOptions = {
    issuerBaseUrl: config.issuerBaseUrl,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    audience: config.audience,
    scope: config.requiredScope,
    ...(args['no-cache'] ? { cacheDir: false as const } : {}),
  };
  let token: string;
  let key: { jwk: JsonWebKey; kid: string };
  try {
    token = (await (io.mint ?? mintToken)(options)).accessToken;
    key = await tenantKey(config, token);
  } catch (error) {
    const what = error instanceof MintTokenError ? 'mint-token failed' : 'the tenant failed';
    io.stderr(`test:live: ${what}: ${(error as Error).message}\n`);
    return 1;
  }

  setLiveContext({ config, token, publicJwk: key.jwk, kid: key.kid });
  const tenantHost = new URL(config.issuerBaseUrl).hostname.replace(/^\[|\]$/g, '');
  const mocha = new Mocha({
    timeout: 20_000,
    reporter: 'spec',
    rootHooks: rootHooks(tenantHost),
    ...(args.grep === undefined ? {} : { grep: args.grep }),
  });
  for (const file of io.files ?? liveFiles()) mocha.addFile(file);
  try {
    await mocha.loadFilesAsync();
    const failures = await new Promise<number>((resolve) => mocha.run(resolve));
    return failures > 0 ? 1 : 0;
  } finally {
    mocha.dispose();
    setLiveContext(undefined);
  }
}
