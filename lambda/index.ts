/**
 * The skill's Lambda entry: reads the environment once, builds the dependencies and the skill at
 * cold start, and exports an async `handler(event, context)` (the nodejs24.x runtime drops
 * callback handlers). Handler string: `index.handler`.
 */
import { join } from 'node:path';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { createLogger, type Logger } from '../common/logger.js';
import { createAlexaApi } from './alexa/index.js';
import { createAccessTokenVerifier, readShippedKeySet, type ShippedKeySet } from './auth/index.js';
import { readSkillConfig } from './config.js';
import { createSkill, type WhatShouldIWearSkill } from './skill.js';
import { createWeatherProvider } from './weather/index.js';

let skill: WhatShouldIWearSkill | undefined;

/** `jwks.json` beside the bundle (CommonJS there); none when run from the sources. */
const SHIPPED_KEY_SET = typeof __dirname === 'string' ? join(__dirname, 'jwks.json') : undefined;

/** The shipped key set, or undefined (none, or unusable: logged, and the set is fetched). */
function shippedKeySet(
  path: string | undefined,
  now: number,
  logger: Logger,
): ShippedKeySet | undefined {
  if (path === undefined) return undefined;
  try {
    const shipped = readShippedKeySet(path, now);
    if (shipped !== undefined) {
      logger.info('key set shipped with the deployment', {
        kids: shipped.keys.map((k) => k.kid ?? '').join(','),
        fetchedAt: new Date(shipped.fetchedAt).toISOString(),
      });
    }
    return shipped;
  } catch (error) {
    logger.error('shipped key set unusable: fetching the key set instead', { error });
    return undefined;
  }
}

/** Options of {@link createSkillFromEnv}; a deployment passes none. */
export interface EntryOptions {
  /** The key set shipped with the deployment. Default: `jwks.json` beside the bundle. */
  readonly shippedKeySetPath?: string;
  /**
   * The one clock of the token check, the forecasts' dates and the shipped set's age, ms since
   * the epoch. Default `Date.now`; tests fix it, so that what "tomorrow" means in a city does not
   * depend on the hour they run at.
   */
  readonly now?: () => number;
}

/** Builds the skill from `env` (the Lambda environment by default). Exported for tests. */
export function createSkillFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  options: EntryOptions = {},
): WhatShouldIWearSkill {
  const now = options.now ?? Date.now;
  const config = readSkillConfig(env);
  const logger = createLogger({
    level: config.logLevel,
    base: { service: 'skill' },
    secrets:
      config.weather.OPEN_METEO_API_KEY === undefined ? [] : [config.weather.OPEN_METEO_API_KEY],
  });
  const weather = createWeatherProvider(config.weather, { logger, now });
  if (config.weather.WEATHER_PROVIDER === 'demo')
    logger.info('weather provider: demo (deterministic, not real forecasts)');
  return createSkill({
    verify: createAccessTokenVerifier({
      issuerBaseUrl: config.issuerBaseUrl,
      audience: config.audience,
      requiredScope: config.requiredScope,
      now,
      jwks: {
        shipped: shippedKeySet(options.shippedKeySetPath ?? SHIPPED_KEY_SET, now(), logger),
        onEvent: (event) => {
          if (event.type === 'fetch-failed')
            logger.warn('key set fetch failed', { error: event.error });
          else if (event.type === 'stale-key-served')
            logger.warn('key set unreachable: serving a cached key', { kid: event.kid });
        },
      },
    }),
    weather,
    alexaApi: createAlexaApi({ now }),
    logger,
    now,
    skillId: config.skillId,
    weatherBudgetMs: config.weather.WEATHER_TIMEOUT_MS,
  });
}

/** The Lambda handler. */
export async function handler(
  event: RequestEnvelope,
  context?: unknown,
): Promise<ResponseEnvelope> {
  skill ??= createSkillFromEnv(process.env);
  return skill.invoke(event, context);
}
