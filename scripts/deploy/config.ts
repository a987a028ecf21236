/**
 * The deploy's configuration, read once from the environment (with `.env` beneath it) in this one
 * place: CONTRACT.md's skill and proxy variables plus the Alexa client's credentials and a few
 * deployment knobs. One `ConfigError` names every missing or malformed variable.
 */
import { UPSTREAM_PROFILE_NAMES } from '../../proxy/profiles/index.js';
import {
  ConfigError,
  EnvValueError,
  LOG_LEVELS,
  int,
  issuerUrl,
  oneOf,
  optionalStr,
  parseEnv,
  parseServiceUrl,
  str,
  type EnvField,
  type LogLevel,
} from '../../common/index.js';

/** Retention periods CloudWatch Logs accepts, in days. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
] as const;

/** Everything `npm run deploy` needs, typed. */
export interface DeployConfig {
  /** `ISSUER_BASE_URL`, https, one trailing slash. */
  readonly issuerBaseUrl: string;
  /** `AUDIENCE`, default `https://whatshouldiwear`. */
  readonly audience: string;
  /** `REQUIRED_SCOPE`, default `read:whattowear`. */
  readonly requiredScope: string;
  /** `AUTHORIZATION_URL`, default `<issuer>authorize`: where Alexa sends the user to log in. */
  readonly authorizationUrl: string;
  /** `UPSTREAM_TOKEN_URL`, default `<issuer>oauth/token`: where the proxy sends token requests. */
  readonly upstreamTokenUrl: string;
  /** `UPSTREAM_PROFILE`, default `standard`: the proxy's provider profile (docs/PROVIDERS.md). */
  readonly upstreamProfile: string;
  /** `ALEXA_CLIENT_ID`: the Auth0 application Alexa uses for account linking. */
  readonly alexaClientId: string;
  /** `ALEXA_CLIENT_SECRET`: its secret; only ever written to a 0600 file for the ASK CLI. */
  readonly alexaClientSecret: string;
  /** `ALLOWED_CLIENT_IDS`, default the Alexa client id; must include it. */
  readonly allowedClientIds: readonly string[];
  /** `DEFAULT_EXPIRES_IN`, default 3600, at least 360; also `defaultTokenExpirationInSeconds`. */
  readonly defaultExpiresIn: number;
  /** `UPSTREAM_TIMEOUT_MS`, default 3000, at most 4000 (Alexa gives the token URL 4.5 s). */
  readonly upstreamTimeoutMs: number;
  /** `WEATHER_PROVIDER`, default `open-meteo`. */
  readonly weatherProvider: 'open-meteo' | 'demo';
  /** `OPEN_METEO_FORECAST_URL`. */
  readonly openMeteoForecastUrl: string;
  /** `OPEN_METEO_GEOCODING_URL`. */
  readonly openMeteoGeocodingUrl: string;
  /** `WEATHER_TIMEOUT_MS`, default 2500. */
  readonly weatherTimeoutMs: number;
  /** `LOG_LEVEL` of both functions, default `info`. */
  readonly logLevel: LogLevel;
  /** `LOG_RETENTION_DAYS` of both log groups, default 30. */
  readonly logRetentionDays: number;
  /**
   * `PROXY_RESERVED_CONCURRENCY`, default 10: the most proxy instances that can run at once, when
   * the account's quota allows a reservation (see `concurrency.ts`); 0: never reserve.
   */
  readonly proxyReservedConcurrency: number;
  /** `ASK_PROFILE`, else `ASK_DEFAULT_PROFILE`, else `default`. */
  readonly askProfile: string;
  /** `DEPLOY_AWS_REGION`: overrides ask-resources.json's `awsRegion` when set. */
  readonly awsRegion: string | undefined;
}

/** An https URL: a deployed skill and Alexa cannot use loopback or plain http. */
function httpsUrl(options: { optional: true }): EnvField<string | undefined>;
function httpsUrl(options?: { default?: string }): EnvField<string>;
function httpsUrl(options: { default?: string; optional?: boolean } = {}): EnvField<unknown> {
  return {
    parse(raw) {
      const value = raw?.trim() ?? '';
      if (value === '') {
        if (options.default !== undefined) return options.default;
        if (options.optional === true) return undefined;
        throw new EnvValueError('is required');
      }
      const url = parseServiceUrl(value);
      if (url.protocol !== 'https:') {
        throw new EnvValueError(`must be an https URL for a deployed skill (got "${value}")`);
      }
      return url.href;
    },
  };
}

/** The issuer, normalised to one trailing slash, https only. */
function httpsIssuer(): EnvField<string> {
  const inner = issuerUrl();
  return {
    parse(raw) {
      const value = inner.parse(raw);
      if (!value.startsWith('https:')) {
        throw new EnvValueError(`must be an https URL for a deployed skill (got "${value}")`);
      }
      return value;
    },
  };
}

/** A required string matching `pattern`; the value is quoted in no message (it may be secret). */
function required(pattern: RegExp, describe: string): EnvField<string> {
  return {
    parse(raw) {
      const value = raw?.trim() ?? '';
      if (value === '') throw new EnvValueError('is required');
      if (!pattern.test(value)) throw new EnvValueError(`must be ${describe}`);
      return value;
    },
  };
}

const CLIENT_ID = /^[A-Za-z0-9._~-]+$/;
const PROFILE = /^[A-Za-z0-9._-]+$/;
const AWS_REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;

/**
 * Reads the deploy's configuration from `source`. Throws one `ConfigError` naming every missing
 * or malformed variable (the secret's value is never quoted).
 */
export function readDeployConfig(
  source: Readonly<Record<string, string | undefined>>,
): DeployConfig {
  const v = parseEnv(source, {
    ISSUER_BASE_URL: httpsIssuer(),
    AUDIENCE: str({ default: 'https://whatshouldiwear' }),
    REQUIRED_SCOPE: str({ default: 'read:whattowear' }),
    AUTHORIZATION_URL: httpsUrl({ optional: true }),
    UPSTREAM_TOKEN_URL: httpsUrl({ optional: true }),
    ALEXA_CLIENT_ID: required(CLIENT_ID, 'an Auth0 client id'),
    ALEXA_CLIENT_SECRET: required(/^\S+$/, 'a client secret without spaces'),
    ALLOWED_CLIENT_IDS: optionalStr(),
    DEFAULT_EXPIRES_IN: int({ default: 3600, min: 360, max: 31_536_000 }),
    UPSTREAM_TIMEOUT_MS: int({ default: 3000, min: 100, max: 4000 }),
    UPSTREAM_PROFILE: oneOf(UPSTREAM_PROFILE_NAMES, { default: 'standard' }),
    WEATHER_PROVIDER: oneOf(['open-meteo', 'demo'] as const, { default: 'open-meteo' }),
    OPEN_METEO_FORECAST_URL: httpsUrl({ default: 'https://api.open-meteo.com/v1/forecast' }),
    OPEN_METEO_GEOCODING_URL: httpsUrl({
      default: 'https://geocoding-api.open-meteo.com/v1/search',
    }),
    WEATHER_TIMEOUT_MS: int({ default: 2500, min: 100, max: 4500 }),
    LOG_LEVEL: oneOf(LOG_LEVELS, { default: 'info' }),
    LOG_RETENTION_DAYS: oneOf(LOG_RETENTION_DAYS.map(String) as unknown as readonly string[], {
      default: '30',
    }),
    PROXY_RESERVED_CONCURRENCY: int({ default: 10, min: 0, max: 1000 }),
    ASK_PROFILE: optionalStr({ pattern: PROFILE, describe: 'an ASK CLI profile name' }),
    ASK_DEFAULT_PROFILE: optionalStr({ pattern: PROFILE, describe: 'an ASK CLI profile name' }),
    DEPLOY_AWS_REGION: optionalStr({
      pattern: AWS_REGION,
      describe: 'an AWS region like us-east-1',
    }),
  });

  // A check that spans variables.
  const allowed =
    v.ALLOWED_CLIENT_IDS === undefined
      ? [v.ALEXA_CLIENT_ID]
      : [...new Set(v.ALLOWED_CLIENT_IDS.split(',').map((s) => s.trim()))];
  if (allowed.includes('')) {
    throw new ConfigError([{ name: 'ALLOWED_CLIENT_IDS', problem: 'has an empty item' }]);
  }
  if (!allowed.includes(v.ALEXA_CLIENT_ID)) {
    throw new ConfigError([
      {
        name: 'ALLOWED_CLIENT_IDS',
        problem: 'must include ALEXA_CLIENT_ID, or the proxy refuses Alexa with invalid_client',
      },
    ]);
  }

  return {
    issuerBaseUrl: v.ISSUER_BASE_URL,
    audience: v.AUDIENCE,
    requiredScope: v.REQUIRED_SCOPE,
    authorizationUrl: v.AUTHORIZATION_URL ?? `${v.ISSUER_BASE_URL}authorize`,
    upstreamTokenUrl: v.UPSTREAM_TOKEN_URL ?? `${v.ISSUER_BASE_URL}oauth/token`,
    upstreamProfile: v.UPSTREAM_PROFILE,
    alexaClientId: v.ALEXA_CLIENT_ID,
    alexaClientSecret: v.ALEXA_CLIENT_SECRET,
    allowedClientIds: allowed,
    defaultExpiresIn: v.DEFAULT_EXPIRES_IN,
    upstreamTimeoutMs: v.UPSTREAM_TIMEOUT_MS,
    weatherProvider: v.WEATHER_PROVIDER,
    openMeteoForecastUrl: v.OPEN_METEO_FORECAST_URL,
    openMeteoGeocodingUrl: v.OPEN_METEO_GEOCODING_URL,
    weatherTimeoutMs: v.WEATHER_TIMEOUT_MS,
    logLevel: v.LOG_LEVEL,
    logRetentionDays: Number(v.LOG_RETENTION_DAYS),
    proxyReservedConcurrency: v.PROXY_RESERVED_CONCURRENCY,
    askProfile: v.ASK_PROFILE ?? v.ASK_DEFAULT_PROFILE ?? 'default',
    awsRegion: v.DEPLOY_AWS_REGION,
  };
}
