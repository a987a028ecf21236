/**
 * Registered clients and client authentication at the token endpoint (RFC 6749 §2.3.1): HTTP
 * Basic or body credentials, never both; secrets compared in constant time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { IssuerOptionsError, OAuthError } from './errors.js';

/** The grants a client may use. */
export type GrantType = 'authorization_code' | 'refresh_token' | 'client_credentials';

/** How a client authenticates at the token endpoint (Auth0 allows one per application). */
export type TokenEndpointAuthMethod = 'client_secret_basic' | 'client_secret_post';

/** A client registered with the issuer, like an Auth0 application. */
export interface RegisteredClient {
  /** The client id. */
  readonly clientId: string;
  /** The client secret. */
  readonly clientSecret: string;
  /** Exact redirect URIs accepted at `/authorize` (default: none, so no authorization-code flow). */
  readonly redirectUris?: readonly string[];
  /** Grants the client may use (default: all three). */
  readonly grantTypes?: readonly GrantType[];
  /** Accepted authentication methods (default: both, unlike Auth0, for convenience). */
  readonly tokenEndpointAuthMethods?: readonly TokenEndpointAuthMethod[];
  /** Audiences the client may get client-credentials tokens for (default: every registered API). */
  readonly audiences?: readonly string[];
  /** When true, `/authorize` refuses requests without a PKCE S256 challenge (default false). */
  readonly requirePkce?: boolean;
}

/** The credentials a token request carried, before they are checked. */
export interface PresentedCredentials {
  readonly clientId: string;
  readonly clientSecret: string | undefined;
  readonly method: TokenEndpointAuthMethod;
}

const ALL_GRANTS: readonly GrantType[] = [
  'authorization_code',
  'refresh_token',
  'client_credentials',
];
const ALL_METHODS: readonly TokenEndpointAuthMethod[] = [
  'client_secret_basic',
  'client_secret_post',
];

/** The grants `client` may use. */
export function grantsOf(client: RegisteredClient): readonly GrantType[] {
  return client.grantTypes ?? ALL_GRANTS;
}

/** Checks a client registration; throws {@link IssuerOptionsError}. */
export function assertValidClient(client: RegisteredClient): void {
  if (client.clientId === '' || client.clientSecret === '') {
    throw new IssuerOptionsError('a registered client needs a non-empty clientId and clientSecret');
  }
  for (const uri of client.redirectUris ?? []) {
    if (!URL.canParse(uri) || new URL(uri).hash !== '') {
      throw new IssuerOptionsError(
        `redirect URI "${uri}" must be an absolute URL without fragment`,
      );
    }
  }
}

function decodeBasicPart(part: string): string {
  // RFC 6749 §2.3.1: id and secret are form-urlencoded before being put in the Basic header.
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    throw new OAuthError('invalid_request', 'malformed Authorization header');
  }
}

/**
 * Reads the client credentials of a token request from the `Authorization` header or the body.
 * Throws `invalid_request` when both are used, `invalid_client` (401) when neither is.
 */
export function readCredentials(
  authorization: string | undefined,
  params: URLSearchParams,
): PresentedCredentials {
  const bodyId = params.get('client_id') ?? undefined;
  const bodySecret = params.get('client_secret') ?? undefined;
  if (authorization !== undefined && /^basic /i.test(authorization)) {
    if (bodySecret !== undefined) {
      throw new OAuthError(
        'invalid_request',
        'use either HTTP Basic or body credentials, not both',
      );
    }
    const decoded = Buffer.from(authorization.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw new OAuthError('invalid_request', 'malformed Authorization header');
    const clientId = decodeBasicPart(decoded.slice(0, colon));
    if (bodyId !== undefined && bodyId !== clientId) {
      throw new OAuthError('invalid_request', 'client_id in the body differs from HTTP Basic');
    }
    return {
      clientId,
      clientSecret: decodeBasicPart(decoded.slice(colon + 1)),
      method: 'client_secret_basic',
    };
  }
  if (bodyId === undefined) {
    throw new OAuthError('invalid_client', 'client authentication is required', 401);
  }
  return { clientId: bodyId, clientSecret: bodySecret, method: 'client_secret_post' };
}

function sameSecret(a: string, b: string): boolean {
  const hash = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(hash(a), hash(b));
}

/** A registry of clients: lookup, authentication, and registration at run time. */
export interface ClientRegistry {
  /** The client with that id, if registered. */
  find(clientId: string): RegisteredClient | undefined;
  /** Returns the client whose credentials these are, or throws `invalid_client` (401). */
  authenticate(credentials: PresentedCredentials): RegisteredClient;
  /** Adds or replaces a client. */
  register(client: RegisteredClient): void;
}

/** Creates a registry holding `clients`. */
export function createClientRegistry(clients: readonly RegisteredClient[]): ClientRegistry {
  const byId = new Map<string, RegisteredClient>();
  const registry: ClientRegistry = {
    find: (clientId) => byId.get(clientId),
    authenticate(credentials) {
      const client = byId.get(credentials.clientId);
      const methods = client?.tokenEndpointAuthMethods ?? ALL_METHODS;
      if (
        client === undefined ||
        credentials.clientSecret === undefined ||
        !sameSecret(credentials.clientSecret, client.clientSecret) ||
        !methods.includes(credentials.method)
      ) {
        throw new OAuthError('invalid_client', 'client authentication failed', 401);
      }
      return client;
    },
    register(client) {
      assertValidClient(client);
      byId.set(client.clientId, client);
    },
  };
  for (const client of clients) registry.register(client);
  return registry;
}
