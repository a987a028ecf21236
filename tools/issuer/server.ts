/**
 * `startLocalIssuer`: an Auth0 stand-in on loopback, for tests, the local stack and the demo.
 * node:http routes to the handlers; the protocol lives in authorize.ts, token-endpoint.ts and
 * grants.ts.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  closeServer,
  isLoopbackHost,
  listenOn,
  silentLogger,
  type Logger,
} from '../../common/index.js';
import { createClientRegistry, type GrantType, type RegisteredClient } from './clients.js';
import { IssuerOptionsError, OAuthError } from './errors.js';
import { createGrantStore } from './grant-store.js';
import { sendOAuthError } from './http-io.js';
import { createKeyRing } from './key-ring.js';
import { type ApiRegistration, type IssuerSettings, type IssuerState } from './state.js';
import { route } from './routes.js';

/** The skill's API, registered by default. */
export const DEFAULT_API: ApiRegistration = {
  audience: 'https://whatshouldiwear',
  scopes: ['read:whattowear'],
};

/** The default test client's id. */
export const DEFAULT_TEST_CLIENT_ID = 'local-test-client';

/** Options of {@link startLocalIssuer}; every field is optional. */
export interface LocalIssuerOptions {
  /** Loopback host to bind (default `127.0.0.1`); other hosts are refused. */
  host?: string;
  /** Port (default 0: an ephemeral port). */
  port?: number;
  /** Registered clients (default: one test client with a random secret, all grants). */
  clients?: readonly RegisteredClient[];
  /** Registered APIs (default: {@link DEFAULT_API}). */
  apis?: readonly ApiRegistration[];
  /** Audience used when a request names none (default: none, so `audience` is required). */
  defaultAudience?: string;
  /** `sub` of the test user that `/authorize` consents for (default `auth0|local-test-user`). */
  userSub?: string;
  /** Access-token lifetime in seconds (default 86400, Auth0's default for an API). */
  accessTokenTtlSeconds?: number;
  /** Leave `expires_in` out of refresh-token responses (default false). */
  omitRefreshExpiresIn?: boolean;
  /** Rotate refresh tokens on each use (default false). */
  rotateRefreshTokens?: boolean;
  /** Authorization-code lifetime in seconds (default 60). */
  codeTtlSeconds?: number;
  /** How long a rotated signing key stays published, in seconds (default 3600). */
  keyGraceSeconds?: number;
  /** Clock in epoch ms (default `Date.now`); drives `iat`/`exp`, code expiry and key grace. */
  now?: () => number;
  /** Logger for one line per request (default silent). Parameters and tokens are never logged. */
  logger?: Logger;
}

/** Switches that change the running issuer. */
export interface IssuerSwitches {
  /** Sets the lifetime of access tokens issued from now on. */
  setAccessTokenTtl(seconds: number): void;
  /** Leaves `expires_in` out of refresh responses (true) or puts it back (false). */
  setOmitRefreshExpiresIn(omit: boolean): void;
  /** Turns refresh-token rotation on or off. */
  setRefreshTokenRotation(rotate: boolean): void;
  /** New signing key (new `kid`); the old one stays published for the grace period. */
  rotateKeys(graceSeconds?: number): Promise<string>;
  /** Registers (or replaces) a client. */
  registerClient(client: RegisteredClient): void;
  /** Revokes a refresh token and its family; false when it was unknown. */
  revokeRefreshToken(refreshToken: string): boolean;
}

/** A running local issuer. */
export interface LocalIssuer {
  /** Base URL with one trailing slash: the `iss` of its tokens and `ISSUER_BASE_URL`. */
  readonly url: string;
  /** `<url>oauth/token`. */
  readonly tokenUrl: string;
  /** `<url>authorize`. */
  readonly authorizeUrl: string;
  /** `<url>.well-known/jwks.json`. */
  readonly jwksUrl: string;
  /** The first registered client (the default test client unless `clients` was given). */
  readonly testClient: RegisteredClient;
  /** The `sub` of the test user. */
  readonly userSub: string;
  /** Access tokens issued so far, per grant. */
  readonly issued: Readonly<Record<GrantType, number>>;
  /** The current signing key id. */
  currentKid(): string;
  readonly switches: IssuerSwitches;
  /** Stops listening and closes open connections. */
  stop(): Promise<void>;
}

function checkSeconds(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new IssuerOptionsError(`${name} must be a positive whole number of seconds`);
  }
  return value;
}

function defaultTestClient(): RegisteredClient {
  return {
    clientId: DEFAULT_TEST_CLIENT_ID,
    clientSecret: randomBytes(24).toString('base64url'),
    redirectUris: ['http://127.0.0.1/callback'],
  };
}

/**
 * Starts an Auth0 stand-in on loopback (an ephemeral port by default) and resolves once it
 * listens. Throws {@link IssuerOptionsError} for bad options.
 */
export async function startLocalIssuer(options: LocalIssuerOptions = {}): Promise<LocalIssuer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) throw new IssuerOptionsError(`host must be loopback (got "${host}")`);
  const now = options.now ?? Date.now;
  const logger = options.logger ?? silentLogger;
  const clients = options.clients ?? [defaultTestClient()];
  const testClient = clients[0];
  if (testClient === undefined) throw new IssuerOptionsError('at least one client is required');
  const apis = new Map((options.apis ?? [DEFAULT_API]).map((api) => [api.audience, api]));
  const settings: IssuerSettings = {
    accessTokenTtlSeconds: checkSeconds(
      'accessTokenTtlSeconds',
      options.accessTokenTtlSeconds ?? 86_400,
    ),
    omitRefreshExpiresIn: options.omitRefreshExpiresIn ?? false,
    rotateRefreshTokens: options.rotateRefreshTokens ?? false,
    codeTtlSeconds: checkSeconds('codeTtlSeconds', options.codeTtlSeconds ?? 60),
  };
  const keyGraceSeconds = options.keyGraceSeconds ?? 3600;
  const registry = createClientRegistry(clients);
  const keys = await createKeyRing(now);

  const server = createServer();
  const { url: issuer } = await listenOn(server, options.port ?? 0, host);
  const issued: Record<GrantType, number> = {
    authorization_code: 0,
    refresh_token: 0,
    client_credentials: 0,
  };
  const state: IssuerState = {
    issuer,
    now,
    keys,
    clients: registry,
    grants: createGrantStore(),
    apis,
    userSub: options.userSub ?? 'auth0|local-test-user',
    defaultAudience: options.defaultAudience,
    settings,
    issued,
  };
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const started = now();
    const current = state;
    route(current, request, response)
      .catch((error: unknown) => {
        if (error instanceof OAuthError) {
          sendOAuthError(response, error);
          return;
        }
        logger.error('issuer request failed', { error: String(error) });
        sendOAuthError(response, new OAuthError('server_error', 'internal error', 500));
      })
      .finally(() => {
        logger.info('issuer request', {
          method: request.method,
          path: new URL(request.url ?? '/', current.issuer).pathname,
          status: response.statusCode,
          ms: now() - started,
        });
      });
  });
  const grants = state.grants;

  return {
    url: issuer,
    tokenUrl: `${issuer}oauth/token`,
    authorizeUrl: `${issuer}authorize`,
    jwksUrl: `${issuer}.well-known/jwks.json`,
    testClient,
    userSub: state.userSub,
    issued,
    currentKid: () => keys.current().kid,
    switches: {
      setAccessTokenTtl(seconds) {
        settings.accessTokenTtlSeconds = checkSeconds('accessTokenTtlSeconds', seconds);
      },
      setOmitRefreshExpiresIn(omit) {
        settings.omitRefreshExpiresIn = omit;
      },
      setRefreshTokenRotation(rotate) {
        settings.rotateRefreshTokens = rotate;
      },
      rotateKeys: (graceSeconds = keyGraceSeconds) => keys.rotate(graceSeconds * 1000),
      registerClient: (client) => {
        registry.register(client);
      },
      revokeRefreshToken: (token) => grants.revokeRefreshToken(token),
    },
    stop: () => closeServer(server),
  };
}
