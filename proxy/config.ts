/**
 * The proxy's configuration, read from the environment in this one place (CONTRACT.md
 * "Environment > Proxy"). Only the entry files call {@link readProxyConfig}.
 */
import {
  int,
  list,
  oneOf,
  parseEnv,
  serviceUrl,
  LOG_LEVELS,
  type LogLevel,
} from '../common/index.js';
import { UPSTREAM_PROFILE_NAMES } from './profiles/index.js';

/** The proxy's settings. */
export interface ProxyConfig {
  /** `UPSTREAM_TOKEN_URL`: the upstream token endpoint; https except loopback hosts. */
  readonly upstreamTokenUrl: string;
  /** `ALLOWED_CLIENT_IDS`: the client ids served. */
  readonly allowedClientIds: readonly string[];
  /** `DEFAULT_EXPIRES_IN`: seconds, default 3600, at least 360. */
  readonly defaultExpiresIn: number;
  /** `UPSTREAM_TIMEOUT_MS`: default 3000 (Alexa gives the token URL 4.5 s in all). */
  readonly upstreamTimeoutMs: number;
  /** `LOG_LEVEL`: default `info`. */
  readonly logLevel: LogLevel;
  /** `UPSTREAM_PROFILE`: the provider profile, default `standard` (see docs/PROVIDERS.md). */
  readonly upstreamProfile: string;
}

/** Defaults and bounds of the numeric settings, shared by the environment and the core's options. */
export const PROXY_LIMITS = {
  defaultExpiresIn: { default: 3600, min: 360, max: 31_536_000 },
  upstreamTimeoutMs: { default: 3000, min: 1, max: 30_000 },
} as const;

/** The variables the proxy reads, with their parsers. */
export const PROXY_ENV = {
  UPSTREAM_TOKEN_URL: serviceUrl(),
  ALLOWED_CLIENT_IDS: list(),
  DEFAULT_EXPIRES_IN: int(PROXY_LIMITS.defaultExpiresIn),
  UPSTREAM_TIMEOUT_MS: int(PROXY_LIMITS.upstreamTimeoutMs),
  LOG_LEVEL: oneOf(LOG_LEVELS, { default: 'info' }),
  UPSTREAM_PROFILE: oneOf(UPSTREAM_PROFILE_NAMES, { default: 'standard' }),
};

/**
 * Reads the proxy's configuration from `source` (`process.env` at the entry). Throws one
 * `ConfigError` naming every missing or malformed variable.
 */
export function readProxyConfig(source: Readonly<Record<string, string | undefined>>): ProxyConfig {
  const env = parseEnv(source, PROXY_ENV);
  return {
    upstreamTokenUrl: env.UPSTREAM_TOKEN_URL,
    allowedClientIds: env.ALLOWED_CLIENT_IDS,
    defaultExpiresIn: env.DEFAULT_EXPIRES_IN,
    upstreamTimeoutMs: env.UPSTREAM_TIMEOUT_MS,
    logLevel: env.LOG_LEVEL,
    upstreamProfile: env.UPSTREAM_PROFILE,
  };
}
