/**
 * The one upstream call of an exchange: a form POST to the configured token URL, never retried,
 * never redirected, bounded by one deadline that covers the headers and the body.
 */
import { UpstreamResponseError, UpstreamTimeoutError, UpstreamUnreachableError } from './errors.js';
import {
  defaultTransport,
  ResponseTooLargeError,
  TransportTimeoutError,
  type HttpTransport,
} from './http-transport.js';

/** What to send upstream. */
export interface UpstreamRequest {
  /** The token URL, fixed by configuration. */
  readonly url: URL;
  /** A form-urlencoded body. */
  readonly body: string;
  /** The client's `Authorization` header, forwarded unchanged. */
  readonly authorization: string | undefined;
  /** The whole call's deadline, in milliseconds. */
  readonly timeoutMs: number;
}

/** What the upstream answered (a status that is not a redirect, its body text and type). */
export interface UpstreamAnswer {
  readonly status: number;
  readonly text: string;
  readonly contentType?: string | undefined;
}

/** The most of an upstream answer read; a token response is a few KiB at most. */
export const MAX_UPSTREAM_ANSWER_BYTES = 64 * 1024;

/**
 * Sends one request upstream. Throws {@link UpstreamTimeoutError} past the deadline,
 * {@link UpstreamUnreachableError} when no answer comes, and {@link UpstreamResponseError} for a
 * redirect (never followed, so credentials are never sent elsewhere) or an oversized answer.
 */
export async function callUpstream(
  request: UpstreamRequest,
  transport: HttpTransport = defaultTransport,
): Promise<UpstreamAnswer> {
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
    accept: 'application/json',
  };
  if (request.authorization !== undefined) headers.authorization = request.authorization;
  try {
    const answer = await transport(request.url, {
      headers,
      body: request.body,
      timeoutMs: request.timeoutMs,
      maxResponseBytes: MAX_UPSTREAM_ANSWER_BYTES,
    });
    if (answer.status >= 300 && answer.status < 400) {
      throw new UpstreamResponseError(`The upstream redirected (${answer.status})`);
    }
    return answer;
  } catch (error) {
    if (error instanceof UpstreamResponseError) throw error;
    if (error instanceof ResponseTooLargeError) {
      throw new UpstreamResponseError('The upstream answer is too large', { cause: error });
    }
    if (error instanceof TransportTimeoutError) {
      throw new UpstreamTimeoutError(`The upstream did not answer within ${request.timeoutMs} ms`, {
        cause: error,
      });
    }
    throw new UpstreamUnreachableError('The upstream could not be reached', { cause: error });
  }
}
