/**
 * The skill's Lambda entry: reads the environment once, builds the dependencies and the skill at
 * cold start, and exports an async `handler(event, context)` (the nodejs24.x runtime drops
 * callback handlers). Handler string: `index.handler`.
 */
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { createLogger } from '../common/logger.js';
import { createAlexaApi } from './alexa/index.js';
import { createAccessTokenVerifier } from './auth/index.js';
import { readSkillConfig } from './config.js';
import { createSkill, type WhatShouldIWearSkill } from './skill.js';
import { createWeatherProvider } from './weather/index.js';

let skill: WhatShouldIWearSkill | undefined;

/** Builds the skill from `env` (the Lambda environment by default). Exported for tests. */
export function createSkillFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): WhatShouldIWearSkill {
  const config = readSkillConfig(env);
  const logger = createLogger({
    level: config.logLevel,
    base: { service: 'skill' },
    secrets:
      config.weather.OPEN_METEO_API_KEY === undefined ? [] : [config.weather.OPEN_METEO_API_KEY],
  });
  const weather = createWeatherProvider(config.weather, { logger });
  if (config.weather.WEATHER_PROVIDER === 'demo')
    logger.info('weather provider: demo (deterministic, not real forecasts)');
  return createSkill({
    verify: createAccessTokenVerifier({
      issuerBaseUrl: config.issuerBaseUrl,
      audience: config.audience,
      requiredScope: config.requiredScope,
      jwks: {
        onEvent: (event) => {
          if (event.type === 'fetch-failed')
            logger.warn('key set fetch failed', { error: event.error });
          else if (event.type === 'stale-key-served')
            logger.warn('key set unreachable: serving a cached key', { kid: event.kid });
        },
      },
    }),
    weather,
    alexaApi: createAlexaApi(),
    logger,
    now: Date.now,
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
