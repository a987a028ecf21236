/**
 * From an incoming HTTP request to a checked token request: method, content type, size, body,
 * grant type and client, in that order, each refusal its own {@link ProxyError}.
 */
import {
  InvalidRequestError,
  MethodNotAllowedError,
  PayloadTooLargeError,
  UnsupportedGrantTypeError,
  UnsupportedMediaTypeError,
} from './errors.js';
import { decodeForm, encodeForm, type FormPair } from './form.js';
import { identifyClient, type ClientIdentity } from './client-auth.js';

/** Longest piece of a client's parameter name quoted in a refusal (which is logged). */
const MAX_QUOTED = 40;

/** A parameter name as a refusal quotes it: never more than {@link MAX_QUOTED} characters. */
function shown(name: string): string {
  return name.length > MAX_QUOTED ? `${name.slice(0, MAX_QUOTED)}…` : name;
}

/** An HTTP request as an adapter hands it over. */
export interface IncomingRequest {
  /** The HTTP method, any case. */
  readonly method: string;
  /** Header names in any case; repeated headers joined with commas. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The body as text, as base64 text (see `isBase64Encoded`) or as bytes. */
  readonly body?: string | Uint8Array | undefined;
  /** True when `body` is base64 text (Lambda Function URLs do this for some content types). */
  readonly isBase64Encoded?: boolean | undefined;
  /** True when the adapter stopped reading because the body passed the size cap. */
  readonly bodyTooLarge?: boolean | undefined;
}

/** The grant types the proxy serves. */
export const GRANT_TYPES = ['authorization_code', 'refresh_token'] as const;
export type GrantType = (typeof GRANT_TYPES)[number];

/** A request that passed every check but the client allow-list. */
export interface TokenRequest {
  readonly grantType: GrantType;
  readonly client: ClientIdentity;
  /** The form body to send upstream: the received form as is, or the JSON body as a form. */
  readonly upstreamBody: string;
  /** The `Authorization` header as received, to forward unchanged. */
  readonly authorization: string | undefined;
}

/** Options of {@link parseTokenRequest}. */
export interface ParseOptions {
  /** Bodies longer than this many bytes are refused with 413. */
  readonly maxBodyBytes: number;
}

type BodyKind = 'form' | 'json';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const LONE_SURROGATE = /\p{Cs}/u;

/** A header's value by case-insensitive name. */
export function headerValue(
  headers: Readonly<Record<string, string | undefined>>,
  name: string,
): string | undefined {
  const wanted = name.toLowerCase();
  for (const key in headers) {
    if (key.toLowerCase() === wanted) return headers[key];
  }
  return undefined;
}

/** Form-urlencoded or JSON, with no charset or UTF-8; throws {@link UnsupportedMediaTypeError}. */
export function bodyKindOf(contentType: string | undefined): BodyKind {
  const [type = '', ...params] = (contentType ?? '').split(';');
  const mediaType = type.trim().toLowerCase();
  const kind: BodyKind | undefined =
    mediaType === 'application/x-www-form-urlencoded'
      ? 'form'
      : mediaType === 'application/json'
        ? 'json'
        : undefined;
  if (kind === undefined) {
    throw new UnsupportedMediaTypeError(
      'The body must be application/x-www-form-urlencoded or application/json',
    );
  }
  for (const param of params) {
    const [paramName = '', value = ''] = param.split('=', 2).map((s) => s.trim().toLowerCase());
    if (paramName === 'charset' && !['utf-8', 'utf8'].includes(value.replace(/^"|"$/g, ''))) {
      throw new UnsupportedMediaTypeError('The body must be UTF-8');
    }
  }
  return kind;
}

function bodyByteLength(request: IncomingRequest): number {
  const { body } = request;
  if (body === undefined) return 0;
  // Bytes count as they are; text as UTF-8, or as the bytes its base64 stands for.
  return Buffer.byteLength(body, request.isBase64Encoded === true ? 'base64' : undefined);
}

/** The body as text; throws {@link InvalidRequestError} when its bytes are not UTF-8. */
function bodyText(request: IncomingRequest): string {
  const { body } = request;
  if (typeof body === 'string' && request.isBase64Encoded !== true) {
    // Text already; lone surrogates (\p{Cs} in a /u regex) become U+FFFD, as in UTF-8.
    return LONE_SURROGATE.test(body) ? Buffer.from(body).toString() : body;
  }
  // No body decodes to ''.
  try {
    return utf8.decode(typeof body === 'string' ? Buffer.from(body, 'base64') : body);
  } catch (cause) {
    throw new InvalidRequestError('The body is not UTF-8', { cause });
  }
}

function jsonPairs(text: string): FormPair[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new InvalidRequestError('The body is not valid JSON', { cause });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new InvalidRequestError('The JSON body is not an object');
  }
  return Object.entries(parsed).map(([name, value]) => {
    if (typeof value !== 'string') {
      throw new InvalidRequestError(`The JSON parameter "${shown(name)}" is not a string`);
    }
    return [name, value] as const;
  });
}

function assertWellFormedParameters(pairs: readonly FormPair[]): void {
  const seen = new Set<string>();
  for (const [name] of pairs) {
    // RFC 6749 3.2: no parameter twice. Brackets are refused so that no upstream reads a name as
    // a nested structure (qs-style) and sees a different client or grant than was checked here.
    if (seen.has(name)) throw new InvalidRequestError(`The parameter "${shown(name)}" is repeated`);
    if (/[[\]]/.test(name)) {
      throw new InvalidRequestError(`The parameter "${shown(name)}" is not allowed`);
    }
    seen.add(name);
  }
}

function assertIsGrantType(value: string | undefined): asserts value is GrantType {
  if (value === undefined || value === '') {
    throw new InvalidRequestError('The grant_type parameter is missing');
  }
  if (!(GRANT_TYPES as readonly string[]).includes(value)) {
    throw new UnsupportedGrantTypeError('Only authorization_code and refresh_token are served');
  }
}

/** Checks an incoming request and returns what to send upstream; throws a {@link ProxyError}. */
export function parseTokenRequest(request: IncomingRequest, options: ParseOptions): TokenRequest {
  if (request.method.toUpperCase() !== 'POST') {
    throw new MethodNotAllowedError('Only POST is allowed');
  }
  const kind = bodyKindOf(headerValue(request.headers, 'content-type'));
  if (request.bodyTooLarge === true || bodyByteLength(request) > options.maxBodyBytes) {
    throw new PayloadTooLargeError(`The body is over ${options.maxBodyBytes} bytes`);
  }
  const text = bodyText(request);
  const pairs = kind === 'form' ? decodeForm(text) : jsonPairs(text);
  assertWellFormedParameters(pairs);
  const params = new Map(pairs);
  const grantType = params.get('grant_type');
  assertIsGrantType(grantType);
  // Surrounding whitespace is no part of a header value (RFC 9110 5.5); what is left is checked
  // to be Basic credentials before it is forwarded.
  const header = headerValue(request.headers, 'authorization')?.trim();
  const authorization = header === undefined || header === '' ? undefined : header;
  return {
    grantType,
    client: identifyClient(authorization, params.get('client_id')),
    upstreamBody: kind === 'form' ? text : encodeForm(pairs),
    authorization,
  };
}
