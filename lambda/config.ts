/**
 * The skill's configuration: every variable of CONTRACT.md "Environment > Skill", read once from
 * the environment given (the Lambda entry passes `process.env`). A missing or malformed variable
 * stops the program with one `ConfigError` naming every bad one.
 */
import { LOG_LEVELS, issuerUrl, oneOf, optionalStr, parseEnv, str } from '../common/index.js';
import { weatherEnvSpec, type WeatherConfig } from './weather/index.js';

/** The skill's typed configuration. */
export interface SkillConfig {
  /** The issuer, with exactly one trailing slash. */
  readonly issuerBaseUrl: string;
  readonly audience: string;
  readonly requiredScope: string;
  /** When set, requests addressed to any other skill are refused. */
  readonly skillId: string | undefined;
  /** The weather variables (`WEATHER_*`, `OPEN_METEO_*`), as `createWeatherProvider` takes them. */
  readonly weather: WeatherConfig;
  readonly logLevel: (typeof LOG_LEVELS)[number];
}

/** Any skill id Alexa issues: `amzn1.ask.skill.<uuid>`, or the legacy `amzn1.echo-sdk-ams.app.<uuid>`. */
const SKILL_ID =
  /^amzn1\.(ask\.skill|echo-sdk-ams\.app)\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Reads the skill's configuration from `env`; throws `ConfigError` naming every bad variable. */
export function readSkillConfig(env: Readonly<Record<string, string | undefined>>): SkillConfig {
  const v = parseEnv(env, {
    ISSUER_BASE_URL: issuerUrl(),
    AUDIENCE: str({ default: 'https://whatshouldiwear' }),
    REQUIRED_SCOPE: str({ default: 'read:whattowear' }),
    SKILL_ID: optionalStr({
      pattern: SKILL_ID,
      describe: 'a skill id (amzn1.ask.skill.<uuid> or amzn1.echo-sdk-ams.app.<uuid>)',
    }),
    ...weatherEnvSpec,
    LOG_LEVEL: oneOf(LOG_LEVELS, { default: 'info' }),
  });
  return {
    issuerBaseUrl: v.ISSUER_BASE_URL,
    audience: v.AUDIENCE,
    requiredScope: v.REQUIRED_SCOPE,
    skillId: v.SKILL_ID,
    weather: {
      WEATHER_PROVIDER: v.WEATHER_PROVIDER,
      OPEN_METEO_FORECAST_URL: v.OPEN_METEO_FORECAST_URL,
      OPEN_METEO_GEOCODING_URL: v.OPEN_METEO_GEOCODING_URL,
      OPEN_METEO_API_KEY: v.OPEN_METEO_API_KEY,
      WEATHER_TIMEOUT_MS: v.WEATHER_TIMEOUT_MS,
      WEATHER_CACHE_TABLE: v.WEATHER_CACHE_TABLE,
    },
    logLevel: v.LOG_LEVEL,
  };
}
