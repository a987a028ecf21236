/**
 * One client-credentials call to `<issuer>oauth/token`, and the mapping of its failures to
 * typed errors. Never retried: a caller that wants a retry decides so itself.
 */
import { redactSecrets } from '../../common/index.js';
import {
  BadCredentialsError,
  InvalidResponseError,
  NetworkError,
  TimeoutError,
  TokenEndpointError,
  UnauthorizedClientError,
  UnknownAudienceError,
  type EndpointAnswer,
} from './errors.js';

/** A successful token response, as the endpoint sent it. */
export interface TokenResponseBody {
  readonly access_token: string;
  readonly [field: string]: unknown;
}

/** What one client-credentials request needs. */
export interface TokenRequest {
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly audience: string;
  readonly scope: string | undefined;
  readonly authMethod: 'client_secret_post' | 'client_secret_basic';
  readonly timeoutMs: number;
  readonly fetch: typeof fetch;
}

const MAX_DESCRIPTION = 200;

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_DESCRIPTION ? `${flat.slice(0, MAX_DESCRIPTION)}...` : flat;
}

/** A string field of an error body, on one line, with `secret` blanked out before truncation. */
function field(body: unknown, name: string, secret: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? oneLine(redactSecrets(value, [secret])) : undefined;
}

/** Maps an OAuth error answer to the error class for its kind (Auth0's and RFC 6749's shapes). */
export function classifyEndpointError(
  answer: EndpointAnswer,
  audience: string,
): TokenEndpointError {
  const { status, oauthError, description = '' } = answer;
  const said = `${String(status)} ${oauthError ?? 'error'}${description ? `: ${description}` : ''}`;
  if (oauthError === 'invalid_client' || status === 401) {
    return new BadCredentialsError(`client credentials were refused (${said})`, answer);
  }
  if (/service not found/i.test(description) || oauthError === 'invalid_target') {
    return new UnknownAudienceError(
      `no API with audience "${audience}" on this tenant (${said})`,
      answer,
    );
  }
  if (
    oauthError === 'unauthorized_client' ||
    (oauthError === 'access_denied' &&
      /not authorized|not been granted|client-grant/i.test(description))
  ) {
    return new UnauthorizedClientError(
      `the client is not authorized for this request (${said})`,
      answer,
    );
  }
  return new TokenEndpointError(`the token endpoint refused the request (${said})`, answer);
}

function encodeBasic(part: string): string {
  // RFC 6749 §2.3.1: form-urlencode id and secret before Base64.
  return new URLSearchParams({ v: part }).toString().slice(2);
}

function describeCause(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = (cause as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') return code;
  return cause instanceof Error ? oneLine(cause.message) : 'unknown error';
}

/** Sends the request; resolves with the token response or rejects with a typed error. */
export async function requestToken(request: TokenRequest): Promise<TokenResponseBody> {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    audience: request.audience,
  });
  if (request.scope !== undefined) form.set('scope', request.scope);
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-www-form-urlencoded',
    Accept: 'application/json',
  };
  if (request.authMethod === 'client_secret_basic') {
    const pair = `${encodeBasic(request.clientId)}:${encodeBasic(request.clientSecret)}`;
    headers.Authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
  } else {
    form.set('client_id', request.clientId);
    form.set('client_secret', request.clientSecret);
  }

  const signal = AbortSignal.timeout(request.timeoutMs);
  let status: number;
  let text: string;
  try {
    const response = await request.fetch(request.tokenUrl, {
      method: 'POST',
      headers,
      body: form.toString(),
      redirect: 'manual',
      signal,
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    if (signal.aborted) {
      throw new TimeoutError(`no answer from ${request.tokenUrl} within ${request.timeoutMs} ms`, {
        cause: error,
      });
    }
    throw new NetworkError(`cannot reach ${request.tokenUrl} (${describeCause(error)})`, {
      cause: error,
    });
  }

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (status >= 200 && status < 300) {
    if (
      typeof body === 'object' &&
      body !== null &&
      typeof (body as Record<string, unknown>).access_token === 'string'
    ) {
      return body as TokenResponseBody;
    }
    throw new InvalidResponseError(
      `${request.tokenUrl} answered ${status} without an access_token`,
    );
  }
  if (status >= 300 && status < 400) {
    throw new InvalidResponseError(
      `${request.tokenUrl} answered a redirect (${status}); not followed`,
    );
  }
  const answer = {
    status,
    oauthError: field(body, 'error', request.clientSecret),
    description: field(body, 'error_description', request.clientSecret),
  };
  throw classifyEndpointError(answer, request.audience);
}
