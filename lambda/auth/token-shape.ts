/**
 * Structural checks made before any cryptography: size, compact-JWS shape, canonical base64url
 * in every segment, and a protected header that names RS256 and asks for no extension (`crit`).
 * Cheap, and it keeps hostile input away from the parsers and the key store.
 */
import { TokenMalformedError, TokenMissingError, TokenSignatureError } from './errors.js';

/** The parts of the protected header the verifier acts on. */
export interface TokenHeader {
  readonly alg: 'RS256';
  readonly kid: string | undefined;
}

/** A token that passed {@link inspectToken}: its header, and its segments as the check needs them. */
export interface InspectedToken extends TokenHeader {
  /** The first two segments and the dot between them: what the signature covers. */
  readonly signingInput: string;
  readonly payload: string;
  readonly signature: string;
}

/** Invalid UTF-8 is refused, not replaced (jose decodes strictly too). */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The JSON object a segment (canonical base64url, already checked) encodes, or
 * {@link TokenMalformedError} with `reason` (`bad-header`, `bad-payload`): not UTF-8, not JSON, or
 * not an object. For the header here and the claims (claims.ts).
 */
export function decodeSegmentObject(segment: string, reason: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(strictUtf8.decode(Buffer.from(segment, 'base64url')));
  } catch (cause) {
    throw new TokenMalformedError(reason, 'A token segment is not JSON', { cause });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new TokenMalformedError(reason, 'A token segment is not a JSON object');
  }
  return parsed as Record<string, unknown>;
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const MAX_KID_LENGTH = 256;

/**
 * True when `segment` is the one canonical base64url (no padding) encoding of its bytes. jose
 * accepts non-canonical final characters, so two strings could carry the same bytes; refusing
 * them makes a token's string and its bytes correspond one to one.
 */
export function isCanonicalBase64url(segment: string): boolean {
  if (!BASE64URL.test(segment)) return false;
  const rest = segment.length % 4;
  if (rest === 0) return true;
  if (rest === 1) return false;
  const last = ALPHABET.indexOf(segment.charAt(segment.length - 1));
  return (last & (rest === 2 ? 0x0f : 0x03)) === 0;
}

/**
 * Checks `token` is a compact JWS of at most `maxLength` characters whose header asks for RS256,
 * and returns that header. Rejects with {@link TokenMissingError}, {@link TokenMalformedError} or
 * {@link TokenSignatureError} (`alg-not-allowed`).
 */
export function inspectToken(token: unknown, maxLength: number): InspectedToken {
  if (token === undefined || token === null || token === '') {
    throw new TokenMissingError('absent', 'No access token was given');
  }
  if (typeof token !== 'string')
    throw new TokenMalformedError('not-a-string', 'The token is not a string');
  if (token.length > maxLength) {
    throw new TokenMalformedError('too-large', `The token is longer than ${maxLength} characters`);
  }
  const segments = token.split('.');
  if (segments.length !== 3) {
    throw new TokenMalformedError('not-compact-jws', 'The token does not have three segments');
  }
  const [header = '', payload = '', signature = ''] = segments;
  if (header === '' || payload === '' || !segments.every(isCanonicalBase64url)) {
    throw new TokenMalformedError('bad-encoding', 'A token segment is not canonical base64url');
  }
  const { alg, kid } = readHeader(header);
  return { alg, kid, signingInput: `${header}.${payload}`, payload, signature };
}

function readHeader(segment: string): TokenHeader {
  const { alg, kid, crit } = decodeSegmentObject(segment, 'bad-header');
  if (alg !== 'RS256') {
    throw new TokenSignatureError(
      'alg-not-allowed',
      `The token is signed with ${typeof alg === 'string' ? alg : 'no usable algorithm'}, not RS256`,
    );
  }
  if (crit !== undefined) {
    // RFC 7515 section 4.1.11: an extension the verifier must understand; this one understands none.
    throw new TokenMalformedError('crit-not-supported', 'The token header asks for an extension');
  }
  if (kid !== undefined && (typeof kid !== 'string' || kid === '' || kid.length > MAX_KID_LENGTH)) {
    throw new TokenMalformedError('bad-kid', 'The token header has an unusable kid');
  }
  return { alg, kid };
}
