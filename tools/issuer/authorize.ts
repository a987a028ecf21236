/**
 * `GET /authorize`: the authorization-code flow's front door, consenting at once for the test
 * user. Errors before the client and redirect URI are known are thrown (the caller answers 400);
 * later errors go back to the redirect URI with `error`, `error_description` and `state`.
 */
import { grantsOf } from './clients.js';
import { OAuthError } from './errors.js';
import { OIDC_SCOPES, type IssuerState } from './state.js';

const PKCE_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

function redirectWith(redirectUri: string, params: Record<string, string | undefined>): URL {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) url.searchParams.set(name, value);
  }
  return url;
}

/** The scopes to grant: those asked for that the API or OpenID Connect defines, in order. */
export function grantedScopes(requested: string | null, apiScopes: readonly string[]): string[] {
  const asked = (requested ?? '').split(' ').filter((s) => s !== '');
  return [...new Set(asked)].filter((s) => apiScopes.includes(s) || OIDC_SCOPES.includes(s));
}

/**
 * Handles an authorization request and returns where to redirect the browser: the redirect URI
 * with `code` and `state`, or with an error. Throws {@link OAuthError} when the client or the
 * redirect URI is unknown, since those must not be redirected to.
 */
export function authorize(state: IssuerState, params: URLSearchParams): URL {
  const clientId = params.get('client_id');
  const client = clientId === null ? undefined : state.clients.find(clientId);
  if (client === undefined) throw new OAuthError('invalid_request', 'unknown client_id');
  const redirectUri = params.get('redirect_uri');
  if (redirectUri === null || !(client.redirectUris ?? []).includes(redirectUri)) {
    throw new OAuthError('invalid_request', 'redirect_uri is not registered for this client');
  }
  const stateParam = params.get('state') ?? undefined;
  const fail = (error: string, description: string): URL =>
    redirectWith(redirectUri, { error, error_description: description, state: stateParam });

  if (params.get('response_type') !== 'code') {
    return fail('unsupported_response_type', 'only response_type=code is supported');
  }
  if (!grantsOf(client).includes('authorization_code')) {
    return fail('unauthorized_client', 'the client may not use the authorization code grant');
  }
  const challenge = params.get('code_challenge') ?? undefined;
  if (challenge !== undefined) {
    if (params.get('code_challenge_method') !== 'S256') {
      return fail('invalid_request', 'code_challenge_method must be S256');
    }
    if (!PKCE_CHALLENGE.test(challenge)) return fail('invalid_request', 'malformed code_challenge');
  } else if (client.requirePkce === true) {
    return fail('invalid_request', 'PKCE (code_challenge with S256) is required');
  }
  const audience = params.get('audience') ?? state.defaultAudience;
  if (audience === undefined) return fail('invalid_request', 'audience is required');
  const api = state.apis.get(audience);
  if (api === undefined) return fail('access_denied', `Service not found: ${audience}`);

  const code = state.grants.issueCode({
    clientId: client.clientId,
    sub: state.userSub,
    audience,
    scopes: grantedScopes(params.get('scope'), api.scopes ?? []),
    redirectUri,
    codeChallenge: challenge,
    expiresAt: state.now() + state.settings.codeTtlSeconds * 1000,
  });
  return redirectWith(redirectUri, { code, state: stateParam });
}
