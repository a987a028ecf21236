/**
 * The proxy's HTTP client: one POST over node:http or node:https through a keep-alive agent.
 *
 * Why not global `fetch`: node:http never follows a redirect (nothing to turn off), costs about a
 * fifth of fetch's CPU per call (`npm run bench:proxy`), and does not load undici on a cold start.
 * Idle connections are dropped by wall-clock age before each call: a Lambda frozen between
 * invocations runs no timers, and a connection the server closed meanwhile would fail an exchange
 * that must never be retried.
 */
import http from 'node:http';
import https from 'node:https';
import { pooledAgent } from '../common/pooled-agent.js';

/** One POST to send. */
export interface TransportRequest {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The whole call's deadline (connection, headers and body), in milliseconds. */
  readonly timeoutMs: number;
  /** Answers with more body bytes than this fail with {@link ResponseTooLargeError}. */
  readonly maxResponseBytes: number;
}

/** What came back: the status, the body as text (UTF-8) and its content type. */
export interface TransportAnswer {
  readonly status: number;
  readonly text: string;
  /** The `Content-Type` header, when the answer had one. */
  readonly contentType?: string | undefined;
}

/** Sends one POST to `url`; rejects when no whole answer arrives. Injectable for tests. */
export type HttpTransport = (url: URL, request: TransportRequest) => Promise<TransportAnswer>;

/** The answer's body went past `maxResponseBytes`; the connection is dropped. */
export class ResponseTooLargeError extends Error {
  override readonly name = 'ResponseTooLargeError';
}

/** No whole answer within `timeoutMs`; the connection is dropped. */
export class TransportTimeoutError extends Error {
  override readonly name = 'TransportTimeoutError';
}

/** Options of {@link createHttpTransport}. */
export interface HttpTransportOptions {
  /** An idle connection older than this is not reused, in milliseconds. Default 4000. */
  readonly idleMs?: number;
  /** Wall clock in epoch milliseconds. Default `Date.now`. */
  readonly now?: () => number;
}

/** Creates a transport with its own connection pools (one for http, one for https). */
export function createHttpTransport(options: HttpTransportOptions = {}): HttpTransport {
  const idleMs = options.idleMs ?? 4000;
  const now = options.now ?? Date.now;
  const pools = {
    'http:': pooledAgent(http.Agent, idleMs, now),
    'https:': pooledAgent(https.Agent, idleMs, now),
  };
  return (url, request) => {
    const pool = url.protocol === 'https:' ? pools['https:'] : pools['http:'];
    pool.prune();
    return post(url.protocol === 'https:' ? https.request : http.request, url, pool.agent, request);
  };
}

function post(
  send: typeof http.request,
  url: URL,
  agent: http.Agent,
  request: TransportRequest,
): Promise<TransportAnswer> {
  return new Promise<TransportAnswer>((resolve, reject) => {
    let req: http.ClientRequest | undefined;
    let settled = false;
    // The deadline is a timer that destroys the request: cheaper than an AbortSignal, which
    // node:http wraps in listeners on every call.
    const timer = setTimeout(() => {
      fail(new TransportTimeoutError(`No answer within ${request.timeoutMs} ms`));
    }, request.timeoutMs);
    /** Settles first, then drops the connection: the destroy's own errors then change nothing. */
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(error instanceof Error ? error : new Error(String(error)));
      req?.destroy();
    };
    try {
      req = send(
        url,
        {
          method: 'POST',
          agent,
          headers: { ...request.headers, 'content-length': Buffer.byteLength(request.body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > request.maxResponseBytes) {
              fail(
                new ResponseTooLargeError(`The answer is over ${request.maxResponseBytes} bytes`),
              );
            } else {
              chunks.push(chunk);
            }
          });
          res.on('end', () => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            resolve({
              status: res.statusCode ?? 0,
              text: decoder.decode(Buffer.concat(chunks)),
              contentType: res.headers['content-type'],
            });
          });
          res.on('error', fail);
          res.on('close', () => {
            if (!res.complete) fail(new Error('The connection closed before the answer ended'));
          });
        },
      );
    } catch (error) {
      // A header node:http refuses (a control character, say) throws before anything is sent.
      fail(error);
      return;
    }
    req.on('error', fail);
    req.end(request.body);
  });
}

// Strips a UTF-8 byte order mark, as fetch's text() does; bad bytes become U+FFFD.
const decoder = new TextDecoder();

let shared: HttpTransport | undefined;

/** The process-wide transport (created on first use, so importing opens nothing). */
export const defaultTransport: HttpTransport = (url, request) => {
  shared ??= createHttpTransport();
  return shared(url, request);
};
