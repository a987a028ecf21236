/**
 * Signs Auth0-shaped RS256 access tokens: `iss`, `sub`, `aud`, `iat`, `exp`, `scope`, `azp`,
 * with the current `kid` in the header.
 */
import { SignJWT } from 'jose';
import type { IssuerState } from './state.js';

/** What a new access token is for. */
export interface AccessTokenSubject {
  readonly sub: string;
  readonly audience: string;
  readonly clientId: string;
  readonly scopes: readonly string[];
  /** Extra claims (e.g. Auth0's `gty` for client credentials). */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** Signs an access token; returns it with its lifetime in seconds. */
export async function signAccessToken(
  state: IssuerState,
  subject: AccessTokenSubject,
): Promise<{ token: string; expiresIn: number }> {
  const { kid, privateKey } = state.keys.current();
  const iat = Math.floor(state.now() / 1000);
  const expiresIn = state.settings.accessTokenTtlSeconds;
  const token = await new SignJWT({
    ...subject.extra,
    scope: subject.scopes.join(' '),
    azp: subject.clientId,
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
    .setIssuer(state.issuer)
    .setSubject(subject.sub)
    .setAudience(subject.audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + expiresIn)
    .sign(privateKey);
  return { token, expiresIn };
}
