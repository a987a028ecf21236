/**
 * One token request, made the way Alexa makes it: `POST`, a form body
 * (`application/x-www-form-urlencoded;charset=UTF-8`), client authentication by HTTP Basic or in
 * the body, redirects not followed, and timed with a monotonic clock.
 */

/** How the client authenticates (the skill's `accessTokenScheme`). */
export type ClientScheme = 'basic' | 'body';

/** Options of {@link callTokenEndpoint}. */
export interface TokenCallOptions {
  /** The token URL. */
  readonly url: string;
  /** Form parameters (`grant_type`, `code`, ...), client credentials excluded. */
  readonly params: Readonly<Record<string, string>>;
  /** The client id. */
  readonly clientId: string;
  /** The client secret. */
  readonly clientSecret: string;
  /** `basic` (HTTP_BASIC) or `body` (REQUEST_BODY_CREDENTIALS). */
  readonly scheme: ClientScheme;
  /** The HTTP client. Default: global `fetch`. */
  readonly fetch?: typeof fetch;
  /** Monotonic clock in ms. Default `performance.now`. */
  readonly now?: () => number;
  /** Give up after this many ms. Default 10000. */
  readonly timeoutMs?: number;
}

/** What came back (or did not). */
export interface TokenAnswer {
  /** The HTTP status, when an answer came. */
  readonly status: number | undefined;
  /** Response headers, lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The response body as text (never printed). */
  readonly body: string;
  /** Milliseconds from the request to the whole body. */
  readonly elapsedMs: number;
  /** Why no answer came (network failure, timeout). */
  readonly failure: string | undefined;
}

function formEncode(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, '+');
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  const code =
    typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string'
      ? ` (${cause.code})`
      : '';
  return `${error.message}${code}`;
}

/** Sends one token request; never rejects (a failure is in `failure`). */
export async function callTokenEndpoint(options: TokenCallOptions): Promise<TokenAnswer> {
  const now = options.now ?? (() => performance.now());
  const doFetch = options.fetch ?? fetch;
  const body = new URLSearchParams(options.params);
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
    accept: 'application/json',
  };
  if (options.scheme === 'basic') {
    const pair = `${formEncode(options.clientId)}:${formEncode(options.clientSecret)}`;
    headers['authorization'] = `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
  } else {
    body.set('client_id', options.clientId);
    body.set('client_secret', options.clientSecret);
  }
  const started = now();
  try {
    const response = await doFetch(options.url, {
      method: 'POST',
      headers,
      body: body.toString(),
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    const text = await response.text();
    const elapsedMs = now() - started;
    const answerHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      answerHeaders[name.toLowerCase()] = value;
    });
    return {
      status: response.status,
      headers: answerHeaders,
      body: text,
      elapsedMs,
      failure: undefined,
    };
  } catch (error) {
    const elapsedMs = now() - started;
    const name = error instanceof Error ? error.name : '';
    const failure =
      name === 'TimeoutError' || name === 'AbortError'
        ? `no answer within ${options.timeoutMs ?? 10_000} ms`
        : `request failed: ${describe(error)}`;
    return { status: undefined, headers: {}, body: '', elapsedMs, failure };
  }
}
