/**
 * `POST /oauth/token`: authenticates the client, checks it may use the grant, and dispatches.
 */
import { grantsOf, readCredentials, type GrantType } from './clients.js';
import { OAuthError } from './errors.js';
import {
  authorizationCodeGrant,
  clientCredentialsGrant,
  refreshTokenGrant,
  type TokenResponse,
} from './grants.js';
import type { IssuerState } from './state.js';

const GRANTS = {
  authorization_code: authorizationCodeGrant,
  refresh_token: refreshTokenGrant,
  client_credentials: clientCredentialsGrant,
} as const;

function isKnownGrant(value: string): value is GrantType {
  return Object.hasOwn(GRANTS, value);
}

/** Answers one token request, or throws {@link OAuthError}. */
export async function tokenEndpoint(
  state: IssuerState,
  authorization: string | undefined,
  params: URLSearchParams,
): Promise<TokenResponse> {
  const client = state.clients.authenticate(readCredentials(authorization, params));
  const grantType = params.get('grant_type');
  if (grantType === null) throw new OAuthError('invalid_request', 'grant_type is required');
  if (!isKnownGrant(grantType)) {
    throw new OAuthError('unsupported_grant_type', `grant type "${grantType}" is not supported`);
  }
  if (!grantsOf(client).includes(grantType)) {
    throw new OAuthError(
      'unauthorized_client',
      `Grant type '${grantType}' not allowed for the client.`,
      403,
    );
  }
  return GRANTS[grantType](state, client, params);
}
