/**
 * The heart of the proxy: a pure function of the upstream's success body and the clock that makes
 * the answer whole for Alexa, which schedules refreshes from an integer `expires_in`.
 */
import { decodeJwt } from 'jose';
import { UpstreamResponseError } from './errors.js';

/** Alexa's floor for an access token's lifetime, in seconds. */
export const MIN_EXPIRES_IN = 360;
/** Taken off a lifetime computed from `exp`, so that Alexa refreshes before the token dies. */
export const EXP_MARGIN_SECONDS = 60;

/** Where the `expires_in` of a reply came from. */
export type ExpiresInSource =
  /** The upstream's positive number. */
  | 'upstream'
  /** The upstream's positive numeric string, converted. */
  | 'upstream-string'
  /** Seconds until the upstream's `expires_at` (epoch seconds), less the margin. */
  | 'upstream-expires-at'
  /** Seconds until the access token's `exp`, less the margin. */
  | 'token-exp'
  /** `DEFAULT_EXPIRES_IN`. */
  | 'default';

/** Settings of {@link patchTokenResponse}. */
export interface PatchDefaults {
  /** Seconds used when neither the upstream nor the token's `exp` gives a lifetime (>= 360). */
  readonly defaultExpiresIn: number;
}

/** A patched success body and how its `expires_in` was found. */
export interface PatchedTokenResponse {
  /** The upstream's body with an integer `expires_in` and a `token_type`. */
  readonly body: Record<string, unknown>;
  readonly expiresIn: number;
  readonly source: ExpiresInSource;
  /** The upstream's `expires_in` for the logs: `missing`, its number, or its type (never its text). */
  readonly upstreamExpiresIn: string;
  /** The token's real lifetime in seconds when the upstream or `exp` gave one; else undefined. */
  readonly lifetime: number | undefined;
  /** True when that real lifetime is under {@link MIN_EXPIRES_IN} (worth a warning). */
  readonly shortLifetime: boolean;
}

/**
 * A positive lifetime in whole seconds from a number or a decimal string (Microsoft's v1
 * endpoints send `"3599"`); not from exponents, hex, signs or anything else `Number()` reads.
 */
function positiveInteger(value: unknown): number | undefined {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^[\d\s.]+$/.test(value)
        ? Number(value)
        : Number.NaN;
  const whole = Math.floor(n);
  return Number.isSafeInteger(whole) && whole > 0 ? whole : undefined;
}

/** The longest lifetime taken from a token's `exp`: a year. Beyond it, `DEFAULT_EXPIRES_IN`. */
const MAX_TOKEN_LIFETIME_SECONDS = 365 * 86_400;

function secondsUntilExp(accessToken: string, nowSeconds: number): number | undefined {
  let exp: unknown;
  try {
    // Decoded only for its `exp`; the token is trusted for nothing else.
    exp = decodeJwt(accessToken).exp;
  } catch {
    // An opaque token: no `exp`.
  }
  // Number.isFinite is false for anything but a finite number (no coercion).
  if (!Number.isFinite(exp)) return undefined;
  // An absurd `exp` (years away, or past 2^53) is no lifetime to schedule refreshes by.
  const left = Math.floor((exp as number) - nowSeconds);
  return Number.isSafeInteger(left) && left <= MAX_TOKEN_LIFETIME_SECONDS ? left : undefined;
}

/**
 * Seconds until an upstream's `expires_at` (epoch seconds, a number or a decimal string), when it
 * is in the future and at most a year away; else undefined.
 */
function secondsUntilExpiresAt(value: unknown, nowSeconds: number): number | undefined {
  // No usable instant counts as one long past.
  const left = (positiveInteger(value) ?? 0) - Math.floor(nowSeconds);
  return left > 0 && left <= MAX_TOKEN_LIFETIME_SECONDS ? left : undefined;
}

/**
 * What to report for a token with `left` seconds to live: never more than it has, less a margin
 * of {@link EXP_MARGIN_SECONDS}, or of half the remaining time when that is shorter, so that
 * Alexa refreshes before the token expires; 1 (refresh now) for a token that has none left.
 * Alexa's 360 s floor is the tenant's to meet: a shorter lifetime is flagged, never stretched.
 */
export function expiresInFromExp(left: number): number {
  return Math.max(1, left - Math.min(EXP_MARGIN_SECONDS, Math.floor(left / 2)));
}

/** The upstream's `expires_in` for the logs: `missing`, its number, or its type (never its text). */
function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  return typeof value === 'number' ? String(value) : typeof value;
}

/** A parsed JSON body: only an object can hold a string `access_token`. */
function assertIsSuccessBody(
  body: unknown,
): asserts body is Record<string, unknown> & { access_token: string } {
  if (typeof (body as { access_token?: unknown } | null)?.access_token !== 'string') {
    throw new UpstreamResponseError(
      'The upstream success body is not an object with a string access_token',
    );
  }
}

/**
 * Makes a 2xx token response whole: `expires_in` becomes an integer (the upstream's positive
 * value; else seconds until the upstream's `expires_at`, or until the access token's `exp`, less
 * a margin, never more than the token has (see `expiresInFromExp`); else `defaultExpiresIn`) and
 * `token_type` is present. Throws
 * {@link UpstreamResponseError} when the body is not an object with a string `access_token`.
 */
export function patchTokenResponse(
  body: unknown,
  nowSeconds: number,
  defaults: PatchDefaults,
): PatchedTokenResponse {
  assertIsSuccessBody(body);
  const received: unknown = body.expires_in;
  const fromUpstream = positiveInteger(received);
  let result: Omit<PatchedTokenResponse, 'body' | 'upstreamExpiresIn'>;
  if (fromUpstream !== undefined) {
    result = {
      expiresIn: fromUpstream,
      source: typeof received === 'number' ? 'upstream' : 'upstream-string',
      lifetime: fromUpstream,
      shortLifetime: fromUpstream < MIN_EXPIRES_IN,
    };
  } else {
    const at = secondsUntilExpiresAt(body.expires_at, nowSeconds);
    const left = at ?? secondsUntilExp(body.access_token, nowSeconds);
    result =
      left === undefined
        ? {
            expiresIn: defaults.defaultExpiresIn,
            source: 'default',
            lifetime: undefined,
            shortLifetime: false,
          }
        : {
            expiresIn: expiresInFromExp(left),
            source: at === undefined ? 'token-exp' : 'upstream-expires-at',
            lifetime: left,
            shortLifetime: left < MIN_EXPIRES_IN,
          };
  }
  const patched: Record<string, unknown> = { ...body, expires_in: result.expiresIn };
  if (typeof patched.token_type !== 'string' || patched.token_type === '') {
    patched.token_type = 'Bearer';
  }
  return { ...result, upstreamExpiresIn: describe(received), body: patched };
}
