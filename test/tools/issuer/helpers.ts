/** Helpers for the issuer suites: token requests, authorization round trips, PKCE pairs. */
import { createHash, randomBytes } from 'node:crypto';
import { createLocalJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { LocalIssuer } from '../../../tools/issuer/index.js';

/** A parsed answer of the issuer. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
}

/** Posts a form to the token endpoint; `basic` sends the credentials in HTTP Basic. */
export async function postToken(
  issuer: LocalIssuer,
  params: Record<string, string>,
  options: { basic?: { id: string; secret: string }; json?: boolean } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {
    'Content-Type':
      options.json === true ? 'application/json' : 'application/x-www-form-urlencoded',
  };
  if (options.basic) {
    const pair = `${options.basic.id}:${options.basic.secret}`;
    headers.Authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
  }
  const response = await fetch(issuer.tokenUrl, {
    method: 'POST',
    headers,
    body: options.json === true ? JSON.stringify(params) : new URLSearchParams(params).toString(),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

/** The test client's body credentials. */
export function creds(issuer: LocalIssuer): Record<string, string> {
  return { client_id: issuer.testClient.clientId, client_secret: issuer.testClient.clientSecret };
}

/** A PKCE verifier and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export const REDIRECT_URI = 'http://127.0.0.1/callback';

/** Calls `/authorize` without following the redirect; returns the redirect location. */
export async function authorizeRedirect(
  issuer: LocalIssuer,
  params: Record<string, string>,
): Promise<{ status: number; location: URL | undefined; body: string }> {
  const url = new URL(issuer.authorizeUrl);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  const response = await fetch(url, { redirect: 'manual' });
  const location = response.headers.get('location');
  return {
    status: response.status,
    location: location === null ? undefined : new URL(location),
    body: await response.text(),
  };
}

/** A full `/authorize` for the test client; returns the code. */
export async function getCode(
  issuer: LocalIssuer,
  params: Record<string, string> = {},
): Promise<string> {
  const { location } = await authorizeRedirect(issuer, {
    response_type: 'code',
    client_id: issuer.testClient.clientId,
    redirect_uri: REDIRECT_URI,
    audience: 'https://whatshouldiwear',
    scope: 'openid read:whattowear',
    state: 'xyz',
    ...params,
  });
  const code = location?.searchParams.get('code');
  if (code === null || code === undefined) throw new Error(`no code in ${String(location)}`);
  return code;
}

/** Code exchange for the test client with body credentials. */
export async function exchange(
  issuer: LocalIssuer,
  code: string,
  extra: Record<string, string> = {},
): Promise<Answer> {
  return postToken(issuer, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT_URI,
    ...creds(issuer),
    ...extra,
  });
}

/** Verifies `token` against the issuer's published key set, as a resource server would. */
export async function verifyWithJwks(
  issuer: LocalIssuer,
  token: unknown,
  audience = 'https://whatshouldiwear',
  currentDate?: Date,
): Promise<JWTPayload> {
  if (typeof token !== 'string') throw new TypeError('no token');
  const jwks = (await (await fetch(issuer.jwksUrl)).json()) as Parameters<
    typeof createLocalJWKSet
  >[0];
  const { payload } = await jwtVerify(token, createLocalJWKSet(jwks), {
    issuer: issuer.url,
    audience,
    algorithms: ['RS256'],
    ...(currentDate ? { currentDate } : {}),
  });
  return payload;
}
