/**
 * Alexa's side of account linking, over HTTP: the authorization request (PKCE S256, `state`), and
 * the calls to the access token URL (the proxy) for the code exchange and for refreshes, as Alexa
 * makes them: `POST`, form body, client credentials in HTTP Basic (the console's default scheme).
 */
import { createHash, randomBytes } from 'node:crypto';
import { AccountLinkError } from './errors.js';

/** What the skill's account-linking settings hold (the SMAPI account-linking request). */
export interface AccountLinkingSettings {
  /** The authorization URI, with Auth0's `audience` in its query, as set in the console. */
  readonly authorizationUrl: string;
  /** The access token URI: the proxy. */
  readonly accessTokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Alexa's redirect URI for the region. */
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  /** Deadline of each call, ms. Default 4500 (what Alexa gives the token URL). */
  readonly timeoutMs?: number;
}

/** A successful token answer, as Alexa reads it. */
export interface TokenAnswer {
  readonly accessToken: string;
  readonly refreshToken: string | undefined;
  /** The integer `expires_in`, or undefined when missing or not a positive number. */
  readonly expiresIn: number | undefined;
}

/** A PKCE verifier and its S256 challenge (RFC 7636). */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier, 'ascii').digest('base64url');
  return { verifier, challenge };
}

function failureMessage(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'no answer in time';
  let e: unknown = error;
  for (let depth = 0; e instanceof Error && depth < 4; depth += 1) {
    if ('code' in e && typeof e.code === 'string') return e.code;
    e = e.cause;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs the authorization request the way the Alexa app does, consent being automatic at the local
 * issuer: returns the code from the redirect and the PKCE verifier that goes with it.
 */
export async function authorize(
  settings: AccountLinkingSettings,
  doFetch: typeof fetch = fetch,
): Promise<{ code: string; verifier: string }> {
  const { verifier, challenge } = pkcePair();
  const state = randomBytes(16).toString('base64url');
  const url = new URL(settings.authorizationUrl);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', settings.clientId);
  url.searchParams.set('redirect_uri', settings.redirectUri);
  url.searchParams.set('scope', settings.scopes.join(' '));
  url.searchParams.set('state', state);
  url.searchParams.set('code_challenge', challenge);
  url.searchParams.set('code_challenge_method', 'S256');
  let response: Response;
  try {
    response = await doFetch(url, {
      redirect: 'manual',
      signal: AbortSignal.timeout(settings.timeoutMs ?? 4500),
    });
  } catch (cause) {
    throw new AccountLinkError(
      'ERR_AUTHORIZATION_FAILED',
      `the authorization URL did not answer (${failureMessage(cause)})`,
      undefined,
      { cause },
    );
  }
  await response.body?.cancel();
  const location = response.headers.get('location');
  if (response.status !== 302 || location === null || !location.startsWith(settings.redirectUri)) {
    throw new AccountLinkError(
      'ERR_AUTHORIZATION_FAILED',
      `the authorization URL answered ${response.status} without redirecting to Alexa`,
      { status: response.status },
    );
  }
  const back = new URL(location);
  const code = back.searchParams.get('code');
  const error = back.searchParams.get('error');
  if (back.searchParams.get('state') !== state || code === null) {
    throw new AccountLinkError(
      'ERR_AUTHORIZATION_FAILED',
      error === null
        ? 'the redirect carried no code for this request'
        : `the authorization was refused: ${error} (${back.searchParams.get('error_description') ?? ''})`,
      { status: response.status, ...(error === null ? {} : { error }) },
    );
  }
  return { code, verifier };
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

/**
 * Calls the access token URL with `params` (form-encoded, client in HTTP Basic) and reads the
 * answer. Rejects with {@link AccountLinkError}: unreachable, refused (status and OAuth `error`),
 * or a 2xx answer without a string `access_token`.
 */
export async function callTokenUrl(
  settings: AccountLinkingSettings,
  params: Readonly<Record<string, string>>,
  doFetch: typeof fetch = fetch,
): Promise<TokenAnswer> {
  const basic = Buffer.from(
    `${encodeURIComponent(settings.clientId)}:${encodeURIComponent(settings.clientSecret)}`,
  ).toString('base64');
  let response: Response;
  let text: string;
  try {
    response = await doFetch(settings.accessTokenUrl, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8',
        Authorization: `Basic ${basic}`,
        Accept: 'application/json',
      },
      body: new URLSearchParams(params).toString(),
      signal: AbortSignal.timeout(settings.timeoutMs ?? 4500),
    });
    text = await response.text();
  } catch (cause) {
    throw new AccountLinkError(
      'ERR_TOKEN_URL_UNREACHABLE',
      `the access token URL could not be reached (${failureMessage(cause)})`,
      undefined,
      { cause },
    );
  }
  let body: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      body = parsed as Record<string, unknown>;
    }
  } catch {
    body = undefined;
  }
  if (response.status < 200 || response.status > 299) {
    const error = typeof body?.error === 'string' ? body.error : undefined;
    throw new AccountLinkError(
      'ERR_TOKEN_URL_REFUSED',
      `the access token URL answered ${response.status}${error === undefined ? '' : ` ${error}`}`,
      { status: response.status, ...(error === undefined ? {} : { error }) },
    );
  }
  if (typeof body?.access_token !== 'string') {
    throw new AccountLinkError(
      'ERR_TOKEN_RESPONSE_INVALID',
      `the access token URL answered ${response.status} without an access_token`,
      { status: response.status },
    );
  }
  return {
    accessToken: body.access_token,
    refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : undefined,
    expiresIn: positiveInteger(body.expires_in),
  };
}
