/**
 * An upstream token answer read into the one shape the rest of the proxy works on (a status and
 * a JSON object), whatever the provider wrote: JSON, or a form (GitHub, unless asked for JSON),
 * and with the generic rules every provider can take without harm applied:
 * - a 2xx that carries an OAuth `error` (or Slack's `ok: false`) and no access token is a refusal,
 *   made the matching 4xx: Alexa must see a refused grant as refused, not as a server failure;
 * - an error code outside RFC 6749's list becomes `invalid_grant`, the provider's own code kept
 *   at the front of `error_description`.
 * Pure: no I/O, no clock.
 */
import { parseJsonObject } from '../common/json.js';
import { decodeForm, type FormPair } from './form.js';
import type { UpstreamAnswer } from './upstream.js';

/** How the provider wrote its answer's body. */
export type AnswerFormat = 'json' | 'form' | 'unreadable';

/** An upstream answer in the proxy's shape. */
export interface ReadAnswer {
  readonly status: number;
  /** The body as an object (JSON's, or a form's parameters); undefined when it is neither. */
  readonly body: Readonly<Record<string, unknown>> | undefined;
  readonly format: AnswerFormat;
  /** True when a rule or a profile changed the status or the body (the text cannot be reused). */
  readonly rewritten: boolean;
}

/** RFC 6749 5.2's error codes for the token endpoint, with the status each is answered with. */
export const OAUTH_TOKEN_ERRORS: Readonly<Record<string, number>> = Object.freeze({
  invalid_request: 400,
  invalid_client: 401,
  invalid_grant: 400,
  unauthorized_client: 400,
  unsupported_grant_type: 400,
  invalid_scope: 400,
});

const FORM_TYPE = /^\s*application\/x-www-form-urlencoded\s*(;|$)/i;

/** True when a `Content-Type` says the body is a form. */
export function isFormType(contentType: string | undefined): boolean {
  return FORM_TYPE.test(contentType ?? '');
}

function parseForm(text: string): Record<string, unknown> | undefined {
  let pairs: FormPair[] = [];
  try {
    pairs = decodeForm(text);
  } catch {
    // A broken form: unreadable.
  }
  return pairs.length === 0 ? undefined : Object.fromEntries(pairs);
}

/** Reads `answer`'s body by its content type: a form when it says so, JSON otherwise. */
export function readUpstreamAnswer(answer: UpstreamAnswer): ReadAnswer {
  if (isFormType(answer.contentType)) {
    const body = parseForm(answer.text);
    return { status: answer.status, body, format: body ? 'form' : 'unreadable', rewritten: false };
  }
  const body = parseJsonObject(answer.text);
  return { status: answer.status, body, format: body ? 'json' : 'unreadable', rewritten: false };
}

/** Printable ASCII without `"` and `\` (RFC 6749 5.2's alphabet for error values), at most `max`. */
function oauthText(value: string, max: number): string {
  return value.replace(/[^\x20-\x21\x23-\x5B\x5D-\x7E]/g, '?').slice(0, max);
}

/**
 * The OAuth error answer for a provider's refusal: its code when RFC 6749 knows it, else
 * `invalid_grant` with the provider's code kept in the description.
 */
export function oauthRefusal(code: string, description: string | undefined): ReadAnswer {
  const known = Object.hasOwn(OAUTH_TOKEN_ERRORS, code);
  const detail = known
    ? description
    : `${oauthText(code, 64)}${description === undefined ? '' : `: ${description}`}`;
  return {
    status: known ? (OAUTH_TOKEN_ERRORS[code] ?? 400) : 400,
    body: {
      error: known ? code : 'invalid_grant',
      ...(detail === undefined ? {} : { error_description: oauthText(detail, 256) }),
    },
    format: 'json',
    rewritten: true,
  };
}

/**
 * The generic rules: a 2xx without a string `access_token` that carries an `error` (or
 * `ok: false`) becomes the matching refusal; anything else is left as it is.
 */
export function applyGenericRules(read: ReadAnswer): ReadAnswer {
  const { status, body } = read;
  if (status < 200 || status >= 300 || body === undefined) return read;
  if (typeof body['access_token'] === 'string') return read;
  const error = body['error'];
  const description = body['error_description'];
  const text = typeof description === 'string' ? description : undefined;
  if (typeof error === 'string' && error !== '') return oauthRefusal(error, text);
  if (body['ok'] === false)
    return oauthRefusal('invalid_grant', text ?? 'The provider answered ok: false');
  return read;
}
