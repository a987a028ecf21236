/**
 * What the issuer's handlers share: its identity, keys, clients, grants and the switches that
 * tests flip at run time.
 */
import type { ClientRegistry, GrantType } from './clients.js';
import type { GrantStore } from './grant-store.js';
import type { KeyRing } from './key-ring.js';

/** An API registered with the issuer, like an Auth0 API: its identifier and its scopes. */
export interface ApiRegistration {
  /** The API identifier, used as `audience` and written into `aud`. */
  readonly audience: string;
  /** The scopes the API defines (default: none). */
  readonly scopes?: readonly string[];
}

/** Settings that can change while the issuer runs. */
export interface IssuerSettings {
  /** Lifetime of access tokens, in seconds. */
  accessTokenTtlSeconds: number;
  /** When true, refresh-token responses leave `expires_in` out (Auth0's 2016 behaviour). */
  omitRefreshExpiresIn: boolean;
  /** When true, each refresh returns a new refresh token and the old one is spent. */
  rotateRefreshTokens: boolean;
  /** Lifetime of authorization codes, in seconds. */
  codeTtlSeconds: number;
}

/** The issuer's shared state. */
export interface IssuerState {
  /** The `iss` value: the base URL with one trailing slash. */
  readonly issuer: string;
  /** The clock, epoch ms. */
  readonly now: () => number;
  readonly keys: KeyRing;
  readonly clients: ClientRegistry;
  readonly grants: GrantStore;
  readonly apis: ReadonlyMap<string, ApiRegistration>;
  /** The user `/authorize` consents for. */
  readonly userSub: string;
  readonly defaultAudience: string | undefined;
  readonly settings: IssuerSettings;
  /** Access tokens issued so far, per grant. */
  readonly issued: Record<GrantType, number>;
}

/** Scopes any user-facing authorization may carry besides the API's own. */
export const OIDC_SCOPES: readonly string[] = ['openid', 'profile', 'email', 'offline_access'];
