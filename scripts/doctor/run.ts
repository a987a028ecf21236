/**
 * The doctor's run: a code exchange (when a code is given) and a refresh (with the given refresh
 * token, else the one the code exchange returned), each checked against Alexa's rules.
 */
import { isLoopbackHost } from '../../common/index.js';
import {
  checkRotation,
  checkTokenAnswer,
  checkTokenUrl,
  type CheckResult,
  type DoctorGrant,
} from './checks.js';
import { DoctorUsageError } from './errors.js';
import { answerBody, diagnoseProvider, type ProviderDiagnosis } from './provider.js';
import { callTokenEndpoint, type ClientScheme, type TokenAnswer } from './token-call.js';

/** Options of {@link runDoctor}. */
export interface DoctorOptions {
  /** The token URL to check (the proxy's Function URL). */
  readonly tokenUrl: string;
  /** The client id Alexa uses. */
  readonly clientId: string;
  /** Its secret. */
  readonly clientSecret: string;
  /** Client authentication. Default `basic` (HTTP_BASIC). */
  readonly scheme?: ClientScheme;
  /** An unused authorization code of the test user. */
  readonly code?: string;
  /** The redirect URI the code was issued for (sent with the code, as Alexa does). */
  readonly redirectUri?: string;
  /** The PKCE verifier, when the code was issued with a challenge. */
  readonly codeVerifier?: string;
  /** A refresh token of the test user (it is spent when rotation is on). */
  readonly refreshToken?: string;
  /** The HTTP client. Default: global `fetch`. */
  readonly fetch?: typeof fetch;
  /** Monotonic clock in ms. Default `performance.now`. */
  readonly now?: () => number;
  /** Give up on one call after this many ms. Default 10000. */
  readonly timeoutMs?: number;
}

/** One row of the report. */
export interface DoctorRow extends CheckResult {
  /** `token URL`, `code exchange` or `refresh`. */
  readonly step: string;
}

/** The report. */
export interface DoctorReport {
  /** Every check, in order. */
  readonly rows: readonly DoctorRow[];
  /** True when no row failed. */
  readonly ok: boolean;
  /** The provider's quirks, and whether the proxy is needed in front of it. */
  readonly provider: ProviderDiagnosis;
}

/**
 * Runs the checks. Throws {@link DoctorUsageError} when neither a code nor a refresh token is
 * given, or the URL is not an absolute http(s) URL.
 */
export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  if (!URL.canParse(options.tokenUrl) || !/^https?:$/.test(new URL(options.tokenUrl).protocol)) {
    throw new DoctorUsageError(
      `the token URL must be an absolute http(s) URL (got "${options.tokenUrl}")`,
    );
  }
  if (options.code === undefined && options.refreshToken === undefined) {
    throw new DoctorUsageError(
      'give a test code (--code, with --redirect-uri) or a refresh token (--refresh-token or DOCTOR_REFRESH_TOKEN)',
    );
  }
  const url = new URL(options.tokenUrl);
  const rows: DoctorRow[] = [
    { step: 'token URL', ...checkTokenUrl(url, isLoopbackHost(url.hostname)) },
  ];
  const call = (grant: DoctorGrant, params: Record<string, string>) =>
    callTokenEndpoint({
      url: options.tokenUrl,
      params: { grant_type: grant, ...params },
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      scheme: options.scheme ?? 'basic',
      fetch: options.fetch,
      now: options.now,
      timeoutMs: options.timeoutMs,
    });

  const answers: TokenAnswer[] = [];
  let refreshToken = options.refreshToken;
  if (options.code !== undefined) {
    const params: Record<string, string> = { code: options.code };
    if (options.redirectUri !== undefined) params['redirect_uri'] = options.redirectUri;
    if (options.codeVerifier !== undefined) params['code_verifier'] = options.codeVerifier;
    const answer = await call('authorization_code', params);
    answers.push(answer);
    rows.push(
      ...checkTokenAnswer(answer, 'authorization_code').map((r) => ({
        step: 'code exchange',
        ...r,
      })),
    );
    if (refreshToken === undefined && answer.status === 200) {
      // JSON or, from a provider that answers forms, a form (the checks report which).
      const issued = answerBody(answer)?.['refresh_token'];
      if (typeof issued === 'string') refreshToken = issued;
    }
  }
  if (refreshToken === undefined) {
    rows.push({
      step: 'refresh',
      check: 'refresh',
      outcome: 'skip',
      detail: 'no refresh token to use',
    });
  } else {
    const answer = await call('refresh_token', { refresh_token: refreshToken });
    answers.push(answer);
    rows.push(...checkTokenAnswer(answer, 'refresh_token').map((r) => ({ step: 'refresh', ...r })));
    if (answer.status === 200)
      rows.push({ step: 'refresh', ...checkRotation(refreshToken, answer) });
  }
  return {
    rows,
    ok: rows.every((row) => row.outcome !== 'fail'),
    provider: diagnoseProvider(answers, refreshToken),
  };
}
