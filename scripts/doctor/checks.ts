/**
 * The rules a token answer must meet for Alexa (FACTS.md "How Alexa account linking talks to the
 * token URL"), as a pure function of the answer. Details quote status, headers, `expires_in`,
 * `token_type` and an OAuth `error` code: never a token.
 */
import { parseJsonObject } from '../../common/json.js';
import type { TokenAnswer } from './token-call.js';

/** Alexa's budget for the whole token call, in ms. */
export const ALEXA_DEADLINE_MS = 4500;

/** Alexa's floor for an access token's lifetime, in seconds. */
export const MIN_EXPIRES_IN = 360;

/** The grant a request used. */
export type DoctorGrant = 'authorization_code' | 'refresh_token';

/** One check's outcome. */
export interface CheckResult {
  /** What was checked, e.g. `expires_in >= 360`. */
  readonly check: string;
  /** `pass`, `fail`, or `skip` (not applicable). */
  readonly outcome: 'pass' | 'fail' | 'warn' | 'skip';
  /** What was seen. */
  readonly detail: string;
}

function result(check: string, pass: boolean, detail: string): CheckResult {
  return { check, outcome: pass ? 'pass' : 'fail', detail };
}

function show(value: unknown): string {
  if (value === undefined) return 'absent';
  if (typeof value === 'string') return `"${value.slice(0, 40)}"`;
  return typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : JSON.stringify(value).slice(0, 40);
}

/** Checks one answer against every rule; the code exchange must also issue a refresh token. */
export function checkTokenAnswer(answer: TokenAnswer, grant: DoctorGrant): CheckResult[] {
  if (answer.failure !== undefined) {
    return [result('answers', false, answer.failure)];
  }
  const json = parseJsonObject(answer.body);
  const error = typeof json?.['error'] === 'string' ? `, error ${json['error'].slice(0, 40)}` : '';
  const contentType = answer.headers['content-type'];
  const cacheControl = answer.headers['cache-control'];
  const expiresIn = json?.['expires_in'];
  const tokenType = json?.['token_type'];
  const results: CheckResult[] = [
    result('status 200', answer.status === 200, `got ${answer.status ?? 'none'}${error}`),
    result(
      'JSON content type',
      contentType !== undefined && /^application\/json\b/i.test(contentType),
      contentType ?? 'no Content-Type',
    ),
    result(
      'JSON body with an access_token',
      typeof json?.['access_token'] === 'string',
      json === undefined
        ? 'not a JSON object'
        : typeof json['access_token'] === 'string'
          ? 'present'
          : 'no access_token',
    ),
    result('expires_in present', expiresIn !== undefined, show(expiresIn)),
    result(
      'expires_in is an integer',
      typeof expiresIn === 'number' && Number.isInteger(expiresIn),
      `${show(expiresIn)}${typeof expiresIn === 'string' ? ' (a string)' : ''}`,
    ),
    result(
      `expires_in >= ${MIN_EXPIRES_IN}`,
      typeof expiresIn === 'number' && expiresIn >= MIN_EXPIRES_IN,
      typeof expiresIn === 'number' && expiresIn > 0 && expiresIn < MIN_EXPIRES_IN
        ? `${expiresIn}: the tokens live under Alexa's ${MIN_EXPIRES_IN} s, so Alexa may send an expired one; give the API a token lifetime of at least 420 s`
        : show(expiresIn),
    ),
    result(
      'token_type is bearer',
      typeof tokenType === 'string' && tokenType.toLowerCase() === 'bearer',
      show(tokenType),
    ),
    result(
      'Cache-Control: no-store',
      cacheControl !== undefined && /(^|,)\s*no-store\s*(,|$)/i.test(cacheControl),
      cacheControl ?? 'no Cache-Control',
    ),
    result(
      `answered within ${ALEXA_DEADLINE_MS / 1000} s`,
      answer.elapsedMs < ALEXA_DEADLINE_MS,
      `${Math.round(answer.elapsedMs)} ms`,
    ),
  ];
  if (grant === 'authorization_code') {
    const issued = typeof json?.['refresh_token'] === 'string';
    results.push(
      result(
        'refresh_token issued',
        issued,
        issued
          ? 'present'
          : 'absent: ask for offline_access, allow offline access on the API, enable the Refresh Token grant',
      ),
    );
  }
  return results;
}

/**
 * Whether the tenant rotates refresh tokens: a refresh that answers with a new refresh token.
 * A warning, not a failure: Alexa copes, but a rotating token's absolute lifetime is not extended
 * by rotation (every linked user is unlinked when it ends), and a lost refresh answer followed by
 * reuse detection unlinks the user too. Non-rotating tokens with no idle and no absolute lifetime
 * suit Alexa (docs/DEPLOY.md).
 */
export function checkRotation(sent: string, answer: TokenAnswer): CheckResult {
  const issued = parseJsonObject(answer.body)?.['refresh_token'];
  if (typeof issued !== 'string' || issued === sent) {
    return { check: 'refresh tokens do not rotate', outcome: 'pass', detail: 'the same one kept' };
  }
  return {
    check: 'refresh tokens do not rotate',
    outcome: 'warn',
    detail:
      'they rotate: users are unlinked when a rotating token reaches its absolute lifetime, or after a lost answer and reuse detection; prefer non-rotating tokens without idle or absolute lifetime',
  };
}

/** The URL rule: Alexa calls https on port 443 only (loopback is skipped: the local stack). */
export function checkTokenUrl(url: URL, loopback: boolean): CheckResult {
  if (loopback) return { check: 'https on port 443', outcome: 'skip', detail: 'local stack' };
  const ok = url.protocol === 'https:' && (url.port === '' || url.port === '443');
  return result('https on port 443', ok, `${url.protocol}//${url.host}`);
}
