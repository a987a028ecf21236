/**
 * What the doctor learns about the provider behind a token URL: the quirks its answers show, and
 * whether Alexa needs the proxy in front of it, with which profile. Run on the raw answers of the
 * code exchange and the refresh; when the URL is already the proxy, its answers show no quirk the
 * proxy fixes. Pure: reads answers, prints nothing, never quotes a token.
 */
import { isRecord } from '../../common/json.js';
import { isFormType, readUpstreamAnswer } from '../../proxy/upstream-answer.js';
import { MIN_EXPIRES_IN } from './checks.js';
import type { TokenAnswer } from './token-call.js';

/** One quirk seen, and what it does to Alexa. */
export interface Quirk {
  readonly id:
    | 'form-answer'
    | 'error-as-200'
    | 'wrapped-answer'
    | 'no-integer-expires-in'
    | 'short-lifetime'
    | 'rotating-refresh-tokens';
  readonly detail: string;
  /** True when the proxy makes it right; false when the provider's settings must change. */
  readonly proxyFixes: boolean;
}

/** The verdict. */
export interface ProviderDiagnosis {
  readonly quirks: readonly Quirk[];
  /** True when a quirk the proxy fixes was seen. */
  readonly proxyNeeded: boolean;
  /** The `UPSTREAM_PROFILE` to run the proxy with. */
  readonly profile: 'standard' | 'withings';
}

/**
 * An answer's body as an object, read as the proxy reads it: a form's parameters (by the content
 * type) or a JSON object; else undefined.
 */
export function answerBody(answer: TokenAnswer): Record<string, unknown> | undefined {
  return readUpstreamAnswer({
    status: answer.status ?? 0,
    text: answer.body,
    contentType: answer.headers['content-type'],
  }).body;
}

/** Diagnoses the answers the doctor received (`refreshSent`: the refresh token it sent, if any). */
export function diagnoseProvider(
  answers: readonly TokenAnswer[],
  refreshSent?: string,
): ProviderDiagnosis {
  const quirks = new Map<Quirk['id'], Quirk>();
  const add = (quirk: Quirk): void => {
    if (!quirks.has(quirk.id)) quirks.set(quirk.id, quirk);
  };
  let profile: ProviderDiagnosis['profile'] = 'standard';
  for (const answer of answers) {
    if (answer.status === undefined) continue;
    let body = answerBody(answer);
    if (isFormType(answer.headers['content-type'])) {
      add({ id: 'form-answer', detail: 'answers as a form, not JSON', proxyFixes: true });
    }
    const success = answer.status >= 200 && answer.status < 300;
    if (success && typeof body?.['status'] === 'number' && 'body' in body) {
      add({
        id: 'wrapped-answer',
        detail: 'wraps its answers in {status, body} (Withings)',
        proxyFixes: true,
      });
      profile = 'withings';
      const inner = body['body'];
      body = isRecord(inner) ? inner : undefined;
    }
    if (body === undefined || !success) continue;
    if (typeof body['access_token'] !== 'string') {
      if (typeof body['error'] === 'string' || body['ok'] === false) {
        add({
          id: 'error-as-200',
          detail: 'reports a refused grant with a 2xx status',
          proxyFixes: true,
        });
      }
      continue;
    }
    const expiresIn = body['expires_in'];
    if (typeof expiresIn !== 'number' || !Number.isInteger(expiresIn)) {
      add({
        id: 'no-integer-expires-in',
        detail:
          expiresIn === undefined
            ? `leaves expires_in out${body['expires_at'] === undefined ? '' : ' (gives expires_at)'}`
            : 'sends expires_in as something other than an integer',
        proxyFixes: true,
      });
    } else if (expiresIn < MIN_EXPIRES_IN) {
      add({
        id: 'short-lifetime',
        detail: `access tokens live ${expiresIn} s, under Alexa's ${MIN_EXPIRES_IN} s: raise the lifetime in the provider's settings`,
        proxyFixes: false,
      });
    }
    const issued = body['refresh_token'];
    if (refreshSent !== undefined && typeof issued === 'string' && issued !== refreshSent) {
      add({
        id: 'rotating-refresh-tokens',
        detail:
          'rotates refresh tokens: prefer non-rotating ones without idle or absolute lifetime',
        proxyFixes: false,
      });
    }
  }
  const list = [...quirks.values()];
  return { quirks: list, proxyNeeded: list.some((q) => q.proxyFixes), profile };
}

/** The lines the doctor prints about the provider. */
export function providerLines(diagnosis: ProviderDiagnosis): string[] {
  const lines = diagnosis.quirks.map(
    (q) => `  - ${q.detail}${q.proxyFixes ? ' (the proxy fixes this)' : ''}`,
  );
  const verdict = diagnosis.proxyNeeded
    ? `the proxy is needed in front of this endpoint, with UPSTREAM_PROFILE=${diagnosis.profile}`
    : 'no quirk the proxy fixes was seen (the proxy still adds expires_in if a later answer lacks it)';
  return [
    diagnosis.quirks.length === 0 ? 'provider: no quirks seen' : 'provider: quirks seen',
    ...lines,
    `provider: ${verdict}`,
  ];
}
