/** What `npm run test:live` needs from the environment, read once, every missing name reported. */
import { ConfigError, issuerUrl, parseEnv, str, type EnvProblem } from '../../common/env.js';

/** The live run's settings. */
export interface LiveConfig {
  /** The tenant, normalised to one trailing slash. */
  readonly issuerBaseUrl: string;
  readonly audience: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The scope the skill requires (`REQUIRED_SCOPE`, default `read:whattowear`). */
  readonly requiredScope: string;
}

/** The variables `test:live` cannot start without. */
export const LIVE_VARIABLES = [
  'ISSUER_BASE_URL',
  'AUDIENCE',
  'TEST_CLIENT_ID',
  'TEST_CLIENT_SECRET',
] as const;

/** `test:live` cannot start: the message names every missing or malformed variable. */
export class LiveConfigError extends Error {
  override readonly name = 'LiveConfigError';
  readonly code = 'ERR_LIVE_CONFIG';
  /** The names of the missing or malformed variables. */
  readonly variables: readonly string[];

  constructor(problems: readonly EnvProblem[], options?: { cause?: unknown }) {
    super(
      `set ${problems.map((p) => `${p.name} (${p.problem})`).join(', ')} in the environment or in .env. test:live runs the intent suites against a real Auth0 tenant; npm test runs them offline.`,
      options,
    );
    this.variables = problems.map((p) => p.name);
  }
}

/** Reads the live settings from `env`; throws {@link LiveConfigError} naming every bad variable. */
export function readLiveConfig(env: Readonly<Record<string, string | undefined>>): LiveConfig {
  try {
    const parsed = parseEnv(env, {
      ISSUER_BASE_URL: issuerUrl(),
      AUDIENCE: str(),
      TEST_CLIENT_ID: str(),
      TEST_CLIENT_SECRET: str(),
      REQUIRED_SCOPE: str({ default: 'read:whattowear' }),
    });
    return {
      issuerBaseUrl: parsed.ISSUER_BASE_URL,
      audience: parsed.AUDIENCE,
      clientId: parsed.TEST_CLIENT_ID,
      clientSecret: parsed.TEST_CLIENT_SECRET,
      requiredScope: parsed.REQUIRED_SCOPE,
    };
  } catch (error) {
    if (error instanceof ConfigError) {
      throw new LiveConfigError(error.problems, { cause: error });
    }
    throw error;
  }
}
