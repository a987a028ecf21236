/**
 * `startLocalStack(options)`: the whole system on loopback, each piece on its own port (ephemeral
 * unless told): the local issuer (the Auth0 stand-in, leaving `expires_in` out of refresh answers
 * as Auth0 did in 2016), the token proxy pointed at it, and the skill served over HTTP in local
 * mode. The skill is built with lambda's `createSkill`, pointed at the local issuer; nothing here
 * reads the environment.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import {
  closeServer,
  createLogger,
  listenOn,
  silentLogger,
  type LogLevel,
  type Logger,
} from '../../common/index.js';
import { createAccessTokenVerifier } from '../../lambda/auth/index.js';
import { startSkillHttpEndpoint, type SkillHttpEndpoint } from '../../lambda/http/index.js';
import { createSkill } from '../../lambda/skill.js';
import { createWeatherProvider } from '../../lambda/weather/index.js';
import { createProxyServer } from '../../proxy/index.js';
import { startLocalIssuer, type LocalIssuer } from '../../tools/issuer/index.js';
import {
  createSimulatedAlexaApi,
  type SimulatedAlexaApi,
  type SimulatedDevice,
} from './device-settings.js';
import { LocalStackError } from './errors.js';
import { readProxyExchange, type ProxyExchange } from './proxy-exchanges.js';
import { createStackClock, type StackClock } from './stack-clock.js';

/** The skill's API, as registered with Auth0. */
export const STACK_AUDIENCE = 'https://whatshouldiwear';
/** The scope the skill requires. */
export const STACK_REQUIRED_SCOPE = 'read:whattowear';
/** The scopes Alexa asks for when linking (account-linking `scopes`). */
export const STACK_LINK_SCOPES: readonly string[] = [
  'openid',
  'offline_access',
  STACK_REQUIRED_SCOPE,
];
/** Alexa's redirect URI for the US region, registered with the issuer (never followed). */
export const ALEXA_REDIRECT_URI = 'https://layla.amazon.com/api/skill/link/M2LOCALSTACK';
/** The skill's Alexa client id at the issuer and the proxy. */
export const STACK_CLIENT_ID = 'alexa-skill-local';

/** Which piece a log line or a port belongs to. */
export type StackPiece = 'issuer' | 'proxy' | 'skill';

/** Options of {@link startLocalStack}; every field is optional. */
export interface LocalStackOptions {
  /** Loopback host for every piece. Default `127.0.0.1`; the issuer refuses any other. */
  host?: string;
  /** Ports; each defaults to 0 (ephemeral). */
  ports?: Partial<Record<StackPiece, number>>;
  /** `demo` (default: deterministic, offline) or `open-meteo` (the real service, on the network). */
  weather?: 'demo' | 'open-meteo';
  /** Access-token lifetime at the issuer, in seconds. Default 3600. */
  accessTokenTtlSeconds?: number;
  /** Whether the issuer leaves `expires_in` out of refresh answers. Default true. */
  omitRefreshExpiresIn?: boolean;
  /** The token world's clock (issuer, proxy, token check). Default: the real clock, movable. */
  clock?: StackClock;
  /** The real clock, for forecast dates and logs, ms. Default `Date.now`. */
  now?: () => number;
  /** The simulated device's time zone and unit, for the skill's Settings calls. */
  device?: SimulatedDevice;
  /** The device's locale: where its postal code is, once granted. Default `en-US`. */
  locale?: string;
  /** Deadline of the skill's key-set fetch, ms. Default 3000. */
  keySetTimeoutMs?: number;
  /** Deadline of the proxy's upstream call, ms. Default 3000. */
  upstreamTimeoutMs?: number;
  /** Where each piece's JSON log lines go. Default: nowhere. */
  logSink?: (piece: StackPiece, line: string) => void;
  /** Level of the forwarded log lines. Default `info`. */
  logLevel?: LogLevel;
}

/** The skill's Alexa client, as registered at the issuer and allowed by the proxy. */
export interface AlexaClientRegistration {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
  readonly audience: string;
  readonly scopes: readonly string[];
}

/** A piece that can be stopped on its own (to see what Alexa sees when it is down). */
export interface StackServer {
  /** Base URL, with a trailing slash. */
  readonly url: string;
  readonly port: number;
  /** True until stopped. */
  running(): boolean;
  stop(): Promise<void>;
}

/** A running stack. */
export interface LocalStack {
  readonly issuer: LocalIssuer;
  /** The token proxy: Alexa's access token URL. */
  readonly proxy: StackServer;
  /** The skill endpoint, in local mode (no Alexa signature check, loopback only). */
  readonly skill: StackServer;
  readonly alexaClient: AlexaClientRegistration;
  /** The token world's clock: move it to expire tokens. */
  readonly clock: StackClock;
  readonly weather: 'demo' | 'open-meteo';
  /** The issuer's access-token lifetime, in seconds. */
  readonly accessTokenTtlSeconds: number;
  /** The simulated device's Alexa APIs: grant its address as voice consent does. */
  readonly device: SimulatedAlexaApi;
  /** Key-set fetches the skill has made so far. */
  keySetFetches(): number;
  /** The proxy's exchanges so far (the last 50), oldest first. */
  proxyExchanges(): readonly ProxyExchange[];
  /** Stops every piece still running. Safe to call twice. */
  stop(): Promise<void>;
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

function stopOnce(url: string, port: number, close: () => Promise<void>): StackServer {
  let stopped: Promise<void> | undefined;
  return {
    url,
    port,
    running: () => stopped === undefined,
    stop: () => (stopped ??= close()),
  };
}

async function listen(server: Server, host: string, port: number): Promise<StackServer> {
  const listening = await listenOn(server, port, host);
  return stopOnce(listening.url, listening.port, () => closeServer(server));
}

/**
 * Starts the stack and resolves once every piece listens. A port in use rejects with
 * {@link LocalStackError} `ERR_PORT_IN_USE` (one line naming the piece and the port), after
 * stopping whatever had started.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const host = options.host ?? '127.0.0.1';
  const clock = options.clock ?? createStackClock();
  const realNow = options.now ?? Date.now;
  const weatherKind = options.weather ?? 'demo';
  const ttl = options.accessTokenTtlSeconds ?? 3600;
  const sink = options.logSink;
  const level = options.logLevel ?? 'info';
  const loggerFor = (piece: StackPiece): Logger =>
    sink === undefined
      ? silentLogger
      : createLogger({
          level,
          base: { service: piece },
          now: realNow,
          sink: (l) => {
            sink(piece, l);
          },
        });

  const client: AlexaClientRegistration = {
    clientId: STACK_CLIENT_ID,
    clientSecret: randomBytes(18).toString('base64url'),
    redirectUri: ALEXA_REDIRECT_URI,
    audience: STACK_AUDIENCE,
    scopes: STACK_LINK_SCOPES,
  };
  const started: { stop(): Promise<void> }[] = [];
  const stopAll = async (): Promise<void> => {
    const results = await Promise.allSettled(started.map((s) => s.stop()));
    const failed = results.find(
      (r): r is PromiseRejectedResult =>
        r.status === 'rejected' && errorCode(r.reason) !== 'ERR_SERVER_NOT_RUNNING',
    );
    if (failed !== undefined) throw failed.reason;
  };
  const step = async <T extends { stop(): Promise<void> }>(
    piece: StackPiece,
    start: () => Promise<T>,
  ): Promise<T> => {
    try {
      const server = await start();
      started.unshift(server);
      return server;
    } catch (error) {
      await stopAll().catch(() => undefined);
      const port = options.ports?.[piece] ?? 0;
      if (errorCode(error) === 'EADDRINUSE') {
        throw new LocalStackError(
          'ERR_PORT_IN_USE',
          `port ${port} (${piece}) is already in use on ${host}: choose another with --${piece}-port, or leave it out for a free one`,
          { cause: error },
        );
      }
      throw new LocalStackError(
        'ERR_STACK_START',
        `the ${piece} could not start: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
  };

  const issuer = await step('issuer', () =>
    startLocalIssuer({
      host,
      port: options.ports?.issuer ?? 0,
      now: () => clock.now(),
      accessTokenTtlSeconds: ttl,
      omitRefreshExpiresIn: options.omitRefreshExpiresIn ?? true,
      clients: [
        {
          clientId: client.clientId,
          clientSecret: client.clientSecret,
          redirectUris: [client.redirectUri],
          grantTypes: ['authorization_code', 'refresh_token'],
          tokenEndpointAuthMethods: ['client_secret_basic'],
          requirePkce: true,
        },
      ],
      logger: loggerFor('issuer'),
    }),
  );

  const exchanges: ProxyExchange[] = [];
  const proxyLogger = createLogger({
    level: 'info',
    base: { service: 'proxy' },
    now: realNow,
    secrets: [client.clientSecret],
    sink: (line) => {
      const exchange = readProxyExchange(line);
      if (exchange !== undefined) {
        exchanges.push(exchange);
        if (exchanges.length > 50) exchanges.shift();
      }
      sink?.('proxy', line);
    },
  });
  const proxy = await step('proxy', () =>
    listen(
      createProxyServer({
        upstreamTokenUrl: issuer.tokenUrl,
        allowedClientIds: [client.clientId],
        upstreamTimeoutMs: options.upstreamTimeoutMs ?? 3000,
        now: () => clock.now(),
        logger: proxyLogger,
      }),
      host,
      options.ports?.proxy ?? 0,
    ),
  );

  let keySetFetches = 0;
  const skillLogger = loggerFor('skill');
  const device = createSimulatedAlexaApi(
    options.device ?? { timeZone: 'UTC', temperatureUnit: 'FAHRENHEIT' },
    options.locale ?? 'en-US',
  );
  const skill = createSkill({
    verify: createAccessTokenVerifier({
      issuerBaseUrl: issuer.url,
      audience: STACK_AUDIENCE,
      requiredScope: STACK_REQUIRED_SCOPE,
      now: () => clock.now(),
      jwks: {
        timeoutMs: options.keySetTimeoutMs ?? 3000,
        // The longest allowed: moving the token clock by hours must not age the cached key
        // (jwks-rsa's own cache reads the real clock).
        cacheMaxAgeMs: 86_400_000,
        onEvent: (event) => {
          if (event.type === 'fetched') keySetFetches += 1;
          else if (event.type === 'fetch-failed')
            skillLogger.warn('key set fetch failed', { error: event.error });
          else skillLogger.warn('key set unreachable: serving a cached key', { kid: event.kid });
        },
      },
    }),
    weather: createWeatherProvider(
      {
        WEATHER_PROVIDER: weatherKind,
        OPEN_METEO_FORECAST_URL: 'https://api.open-meteo.com/v1/forecast',
        OPEN_METEO_GEOCODING_URL: 'https://geocoding-api.open-meteo.com/v1/search',
        OPEN_METEO_API_KEY: undefined,
        WEATHER_TIMEOUT_MS: 2500,
      },
      { now: realNow, logger: skillLogger },
    ),
    alexaApi: device,
    logger: skillLogger,
    now: realNow,
    weatherBudgetMs: 2500,
  });
  const skillServer = await step('skill', async () => {
    const endpoint: SkillHttpEndpoint = await startSkillHttpEndpoint({
      skill,
      mode: 'local',
      host,
      port: options.ports?.skill ?? 0,
      logger: skillLogger,
    });
    return stopOnce(endpoint.url, endpoint.port, () => endpoint.stop());
  });

  return {
    issuer,
    proxy,
    skill: skillServer,
    alexaClient: client,
    clock,
    weather: weatherKind,
    device,
    accessTokenTtlSeconds: ttl,
    keySetFetches: () => keySetFetches,
    proxyExchanges: () => [...exchanges],
    stop: stopAll,
  };
}
