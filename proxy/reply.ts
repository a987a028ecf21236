/** Replies as the adapters send them: always JSON, never cached. */
import type { ProxyError } from './errors.js';

/** A reply for an adapter to send. */
export interface ProxyReply {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Headers on every reply (RFC 6749 5.1 and Amazon's own example). */
export const REPLY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-type': 'application/json',
  'cache-control': 'no-store',
  pragma: 'no-cache',
});

/** A JSON reply with the standard headers, plus `extra` ones. */
export function jsonReply(
  statusCode: number,
  body: string,
  extra: Readonly<Record<string, string>> = {},
): ProxyReply {
  return { statusCode, headers: { ...REPLY_HEADERS, ...extra }, body };
}

/** The OAuth error reply (`{ error, error_description }`) for one of the proxy's own refusals. */
export function errorReply(
  error: ProxyError,
  extra: Readonly<Record<string, string>> = {},
): ProxyReply {
  return jsonReply(
    error.status,
    JSON.stringify({ error: error.oauthError, error_description: error.message }),
    extra,
  );
}
