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
    secrets: config.openMeteoApiKey === undefined ? [] : [config.openMeteoApiKey],
  });
  const weather = createWeatherProvider(
    {
      WEATHER_PROVIDER: config.weatherProvider,
      OPEN_METEO_FORECAST_URL: config.openMeteoForecastUrl,
      OPEN_METEO_GEOCODING_URL: config.openMeteoGeocodingUrl,
      OPEN_METEO_API_KEY: config.openMeteoApiKey,
      WEATHER_TIMEOUT_MS: config.weatherTimeoutMs,
    },
    { logger },
  );
  if (config.weatherProvider === 'demo')
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
    weatherBudgetMs: config.weatherTimeoutMs,
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
