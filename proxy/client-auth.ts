/**
 * Which client is asking: from HTTP Basic (RFC 6749 2.3.1: id and secret are form-urlencoded
 * before Basic encoding, so `:` and `+` survive) or from `client_id` in the body. Only the id is
 * read; the secret is left in the header or body, which reach the upstream unchanged.
 */
import { decodeFormComponent } from './form.js';
import { InvalidClientError, InvalidRequestError } from './errors.js';

/** How the client authenticated: HTTP Basic, or credentials (or only `client_id`) in the body. */
export type ClientAuthMethod = 'basic' | 'body';

/** The client behind a request. */
export interface ClientIdentity {
  readonly clientId: string;
  readonly method: ClientAuthMethod;
}

const BASIC = /^basic +([A-Za-z0-9+/]+={0,2})$/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The client id in a `Basic` `Authorization` header; throws {@link InvalidClientError}. */
export function clientIdFromBasic(authorization: string): string {
  const match = BASIC.exec(authorization.trim());
  const encoded = match?.[1];
  if (encoded === undefined) {
    throw new InvalidClientError('The Authorization header is not HTTP Basic credentials');
  }
  const bytes = Buffer.from(encoded, 'base64');
  let decoded: string;
  try {
    decoded = utf8.decode(bytes);
  } catch (cause) {
    throw new InvalidClientError('The Basic credentials are not UTF-8', { cause });
  }
  const colon = decoded.indexOf(':');
  if (colon <= 0) throw new InvalidClientError('The Basic credentials have no client id');
  try {
    return decodeFormComponent(decoded.slice(0, colon));
  } catch (cause) {
    throw new InvalidClientError('The Basic client id is not form-urlencoded', { cause });
  }
}

/**
 * Finds the client from the `Authorization` header and the body's `client_id`. When both are
 * present they must name the same client (RFC 6749 2.3: one authentication method per request).
 */
export function identifyClient(
  authorization: string | undefined,
  bodyClientId: string | undefined,
): ClientIdentity {
  if (authorization !== undefined && authorization.trim() !== '') {
    const clientId = clientIdFromBasic(authorization);
    if (bodyClientId !== undefined && bodyClientId !== clientId) {
      throw new InvalidRequestError('The body and the Authorization header name different clients');
    }
    return { clientId, method: 'basic' };
  }
  if (bodyClientId === undefined || bodyClientId === '') {
    throw new InvalidClientError('The request names no client');
  }
  return { clientId: bodyClientId, method: 'body' };
}
