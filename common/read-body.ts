/**
 * Reads an HTTP request body up to a cap while it streams in: an oversized body is never held in
 * memory, and a declared `Content-Length` over the cap is refused before any byte is read. Shared
 * by the proxy's and the skill's node:http adapters.
 */
import type { IncomingMessage } from 'node:http';

/**
 * The body read; or `tooLarge` (and no body) when it passed the cap; or `timedOut` (and no body)
 * when it had not all arrived by the deadline.
 */
export interface CappedBody {
  readonly body: Buffer;
  readonly tooLarge: boolean;
  readonly timedOut: boolean;
}

/** The default deadline of a whole body read, ms: Alexa and Auth0 send a few KB at once. */
export const DEFAULT_BODY_TIMEOUT_MS = 5000;

const EMPTY = Buffer.alloc(0);

/**
 * Reads `request`'s body up to `cap` bytes; past it, stops keeping data and resolves at once.
 * The whole read is bounded by `timeoutMs` from the call: a body that stalls or trickles resolves
 * as `timedOut` then (the caller answers and closes the connection), whatever the server's own
 * timeouts, which Node checks only every `connectionsCheckingInterval`.
 */
export function readCappedBody(
  request: IncomingMessage,
  cap: number,
  timeoutMs: number = DEFAULT_BODY_TIMEOUT_MS,
): Promise<CappedBody> {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (result: CappedBody): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => {
      request.pause();
      finish({ body: EMPTY, tooLarge: false, timedOut: true });
    }, timeoutMs);
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > cap) {
      request.resume(); // discard; the reply goes out now
      finish({ body: EMPTY, tooLarge: true, timedOut: false });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.byteLength;
      if (size > cap) {
        chunks.length = 0;
        finish({ body: EMPTY, tooLarge: true, timedOut: false });
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      finish({ body: Buffer.concat(chunks), tooLarge: false, timedOut: false });
    });
    request.on('error', (error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      reject(error);
    });
  });
}
