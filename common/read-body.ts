/**
 * Reads an HTTP request body up to a cap while it streams in: an oversized body is never held in
 * memory, and a declared `Content-Length` over the cap is refused before any byte is read. Shared
 * by the proxy's and the skill's node:http adapters.
 */
import type { IncomingMessage } from 'node:http';

/** The body read, or `tooLarge` (and no body) when it passed the cap. */
export interface CappedBody {
  readonly body: Buffer;
  readonly tooLarge: boolean;
}

/** Reads `request`'s body up to `cap` bytes; past it, stops keeping data and resolves at once. */
export function readCappedBody(request: IncomingMessage, cap: number): Promise<CappedBody> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > cap) {
      request.resume(); // discard; the reply goes out now
      resolve({ body: Buffer.alloc(0), tooLarge: true });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    request.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.byteLength;
      if (size > cap) {
        done = true;
        chunks.length = 0;
        resolve({ body: Buffer.alloc(0), tooLarge: true });
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!done) resolve({ body: Buffer.concat(chunks), tooLarge: false });
      done = true;
    });
    request.on('error', (error) => {
      done = true;
      reject(error);
    });
  });
}
