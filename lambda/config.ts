/**
 * The skill's configuration: every variable of CONTRACT.md "Environment > Skill", read once from
 * the environment given (the Lambda entry passes `process.env`). A missing or malformed variable
 * stops the program with one `ConfigError` naming every bad one.
 */
import {
  LOG_LEVELS,
  int,
  issuerUrl,
  oneOf,
  optionalStr,
  parseEnv,
  serviceUrl,
  str,
} from '../common/index.js';

/** The skill's typed configuration. */
export interface SkillConfig {
  /** The issuer, with exactly one trailing slash. */
  readonly issuerBaseUrl: string;
  readonly audience: string;
  readonly requiredScope: string;
  /** When set, requests addressed to any other skill are refused. */
  readonly skillId: string | undefined;
  readonly weatherProvider: 'open-meteo' | 'demo';
  readonly openMeteoForecastUrl: string;
  readonly openMeteoGeocodingUrl: string;
  readonly openMeteoApiKey: string | undefined;
  readonly weatherTimeoutMs: number;
  readonly logLevel: (typeof LOG_LEVELS)[number];
}

const SKILL_ID =
  /^amzn1\.ask\.skill\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Reads the skill's configuration from `env`; throws `ConfigError` naming every bad variable. */
export function readSkillConfig(env: Readonly<Record<string, string | undefined>>): SkillConfig {
  const v = parseEnv(env, {
    ISSUER_BASE_URL: issuerUrl(),
    AUDIENCE: str({ default: 'https://whatshouldiwear' }),
    REQUIRED_SCOPE: str({ default: 'read:whattowear' }),
    SKILL_ID: optionalStr({ pattern: SKILL_ID, describe: 'a skill id (amzn1.ask.skill.<uuid>)' }),
    WEATHER_PROVIDER: oneOf(['open-meteo', 'demo'] as const, { default: 'open-meteo' }),
    OPEN_METEO_FORECAST_URL: serviceUrl({ default: 'https://api.open-meteo.com/v1/forecast' }),
    OPEN_METEO_GEOCODING_URL: serviceUrl({
      default: 'https://geocoding-api.open-meteo.com/v1/search',
    }),
    OPEN_METEO_API_KEY: optionalStr(),
    WEATHER_TIMEOUT_MS: int({ default: 2500, min: 100, max: 7000 }),
    LOG_LEVEL: oneOf(LOG_LEVELS, { default: 'info' }),
  });
  return {
    issuerBaseUrl: v.ISSUER_BASE_URL,
    audience: v.AUDIENCE,
    requiredScope: v.REQUIRED_SCOPE,
    skillId: v.SKILL_ID,
    weatherProvider: v.WEATHER_PROVIDER,
    openMeteoForecastUrl: v.OPEN_METEO_FORECAST_URL,
    openMeteoGeocodingUrl: v.OPEN_METEO_GEOCODING_URL,
    openMeteoApiKey: v.OPEN_METEO_API_KEY,
    weatherTimeoutMs: v.WEATHER_TIMEOUT_MS,
    logLevel: v.LOG_LEVEL,
  };
}
