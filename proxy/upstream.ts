/**
 * The one upstream call of an exchange: a form POST to the configured token URL, never retried,
 * never redirected, bounded by one deadline that covers the headers and the body.
 */
import { UpstreamResponseError, UpstreamTimeoutError, UpstreamUnreachableError } from './errors.js';

/** The subset of `fetch` the proxy uses (injectable for tests and benchmarks). */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** What to send upstream. */
export interface UpstreamRequest {
  /** The token URL, fixed by configuration. */
  readonly url: string;
  /** A form-urlencoded body. */
  readonly body: string;
  /** The client's `Authorization` header, forwarded unchanged. */
  readonly authorization: string | undefined;
  /** The whole call's deadline, in milliseconds. */
  readonly timeoutMs: number;
}

/** What the upstream answered (a status that is not a redirect, and its body text). */
export interface UpstreamAnswer {
  readonly status: number;
  readonly text: string;
}

/** Global `fetch`, looked up at call time (so that interceptors installed later are honoured). */
export const globalFetch: FetchLike = (url, init) => globalThis.fetch(url, init);

/**
 * Sends one request upstream. Throws {@link UpstreamTimeoutError} past the deadline,
 * {@link UpstreamUnreachableError} when no answer comes, and {@link UpstreamResponseError} for a
 * redirect (never followed, so credentials are never sent elsewhere).
 */
export async function callUpstream(
  request: UpstreamRequest,
  fetchImpl: FetchLike = globalFetch,
): Promise<UpstreamAnswer> {
  // One deadline for headers and body; a cleared timer costs less than AbortSignal.timeout's.
  const controller = new AbortController();
  const { signal } = controller;
  const timer = setTimeout(() => {
    controller.abort(new DOMException('The upstream call timed out', 'TimeoutError'));
  }, request.timeoutMs);
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
    accept: 'application/json',
  };
  if (request.authorization !== undefined) headers.authorization = request.authorization;
  try {
    const response = await fetchImpl(request.url, {
      method: 'POST',
      headers,
      body: request.body,
      redirect: 'manual',
      signal,
    });
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      await response.body?.cancel();
      throw new UpstreamResponseError(`The upstream redirected (${response.status})`);
    }
    return { status: response.status, text: await response.text() };
  } catch (error) {
    if (error instanceof UpstreamResponseError) throw error;
    if (signal.aborted) {
      throw new UpstreamTimeoutError(`The upstream did not answer within ${request.timeoutMs} ms`, {
        cause: error,
      });
    }
    throw new UpstreamUnreachableError('The upstream could not be reached', { cause: error });
  } finally {
    clearTimeout(timer);
  }
}
