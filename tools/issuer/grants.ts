/**
 * The token endpoint's three grants. Each takes the authenticated client and the request
 * parameters and returns the JSON answer, or throws {@link OAuthError}.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { signAccessToken } from './access-token.js';
import { grantsOf, type RegisteredClient } from './clients.js';
import { OAuthError } from './errors.js';
import type { Grant } from './grant-store.js';
import type { IssuerState } from './state.js';

/** A successful token response body. */
export type TokenResponse = Record<string, string | number>;

function required(params: URLSearchParams, name: string): string {
  const value = params.get(name);
  if (value === null || value === '')
    throw new OAuthError('invalid_request', `${name} is required`);
  return value;
}

function pkceMatches(verifier: string, challenge: string): boolean {
  if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) return false;
  const computed = createHash('sha256').update(verifier, 'ascii').digest();
  const expected = Buffer.from(challenge, 'base64url');
  return expected.length === computed.length && timingSafeEqual(computed, expected);
}

async function answerFor(
  state: IssuerState,
  grant: Grant,
  refreshToken: string | undefined,
): Promise<TokenResponse> {
  const { token, expiresIn } = await signAccessToken(state, {
    sub: grant.sub,
    audience: grant.audience,
    clientId: grant.clientId,
    scopes: grant.scopes,
  });
  const body: TokenResponse = { access_token: token, token_type: 'Bearer' };
  body.expires_in = expiresIn;
  if (grant.scopes.length > 0) body.scope = grant.scopes.join(' ');
  if (refreshToken !== undefined) body.refresh_token = refreshToken;
  return body;
}

/** `grant_type=authorization_code`: checks the code, its client, redirect URI and PKCE verifier. */
export async function authorizationCodeGrant(
  state: IssuerState,
  client: RegisteredClient,
  params: URLSearchParams,
): Promise<TokenResponse> {
  const record = state.grants.takeCode(required(params, 'code'), state.now());
  if (record?.clientId !== client.clientId) {
    throw new OAuthError('invalid_grant', 'invalid, expired or already used authorization code');
  }
  if (params.get('redirect_uri') !== record.redirectUri) {
    throw new OAuthError('invalid_grant', 'redirect_uri does not match the authorization request');
  }
  const verifier = params.get('code_verifier') ?? undefined;
  if (record.codeChallenge !== undefined || verifier !== undefined) {
    if (
      record.codeChallenge === undefined ||
      verifier === undefined ||
      !pkceMatches(verifier, record.codeChallenge)
    ) {
      throw new OAuthError('invalid_grant', 'PKCE verification failed');
    }
  }
  state.issued.authorization_code += 1;
  const offline =
    record.scopes.includes('offline_access') && grantsOf(client).includes('refresh_token');
  return answerFor(state, record, offline ? state.grants.issueRefreshToken(record) : undefined);
}

/** `grant_type=refresh_token`: checks the token and its client; rotates when switched on. */
export async function refreshTokenGrant(
  state: IssuerState,
  client: RegisteredClient,
  params: URLSearchParams,
): Promise<TokenResponse> {
  const rotate = state.settings.rotateRefreshTokens;
  const presented = required(params, 'refresh_token');
  const peek = state.grants.useRefreshToken(presented, false);
  if (peek.kind === 'valid' && peek.grant.clientId !== client.clientId) {
    throw new OAuthError('invalid_grant', 'invalid refresh token');
  }
  const found = rotate ? state.grants.useRefreshToken(presented, true) : peek;
  if (found.kind !== 'valid') {
    throw new OAuthError(
      'invalid_grant',
      found.kind === 'reused'
        ? 'refresh token reused: the token family is revoked'
        : 'invalid refresh token',
    );
  }
  let grant = found.grant;
  const asked = params.get('scope');
  if (asked !== null) {
    const scopes = asked.split(' ').filter((s) => s !== '');
    if (scopes.some((s) => !grant.scopes.includes(s))) {
      throw new OAuthError('invalid_scope', 'scope exceeds the original grant');
    }
    grant = { ...grant, scopes };
  }
  state.issued.refresh_token += 1;
  const body = await answerFor(
    state,
    grant,
    rotate ? state.grants.issueRefreshToken(found.grant, found.family) : undefined,
  );
  if (state.settings.omitRefreshExpiresIn) delete body.expires_in;
  return body;
}

/** `grant_type=client_credentials`: Auth0's machine-to-machine grant, `sub` = `<client>@clients`. */
export async function clientCredentialsGrant(
  state: IssuerState,
  client: RegisteredClient,
  params: URLSearchParams,
): Promise<TokenResponse> {
  const audience = params.get('audience') ?? state.defaultAudience;
  if (audience === undefined) {
    throw new OAuthError(
      'access_denied',
      'No audience parameter was provided, and no default audience has been configured',
      403,
    );
  }
  const api = state.apis.get(audience);
  if (api === undefined)
    throw new OAuthError('access_denied', `Service not found: ${audience}`, 403);
  if (client.audiences !== undefined && !client.audiences.includes(audience)) {
    throw new OAuthError('access_denied', `Client is not authorized to access "${audience}".`, 403);
  }
  const apiScopes = api.scopes ?? [];
  const asked = params.get('scope');
  const scopes = asked === null ? [...apiScopes] : asked.split(' ').filter((s) => s !== '');
  const missing = scopes.filter((s) => !apiScopes.includes(s));
  if (missing.length > 0) {
    throw new OAuthError(
      'access_denied',
      `Client has not been granted scopes: ${missing.join(', ')}`,
      403,
    );
  }
  state.issued.client_credentials += 1;
  const { token, expiresIn } = await signAccessToken(state, {
    sub: `${client.clientId}@clients`,
    audience,
    clientId: client.clientId,
    scopes,
    extra: { gty: 'client-credentials' },
  });
  const body: TokenResponse = { access_token: token, token_type: 'Bearer', expires_in: expiresIn };
  if (scopes.length > 0) body.scope = scopes.join(' ');
  return body;
}
