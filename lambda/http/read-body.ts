/**
 * Reads a request body up to a cap while it streams in: an oversized body is never held in
 * memory, and a declared `Content-Length` over the cap is refused before any byte is read.
 */
import type { IncomingMessage } from 'node:http';
import { RequestBodyError } from './errors.js';

/** Resolves with the body as UTF-8 text; rejects with `ERR_BODY_TOO_LARGE` past `cap` bytes. */
export function readCappedBody(request: IncomingMessage, cap: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const tooLarge = (): RequestBodyError =>
      new RequestBodyError('ERR_BODY_TOO_LARGE', `The body is over ${cap} bytes`);
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > cap) {
      request.resume();
      reject(tooLarge());
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
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks).toString('utf8'));
      done = true;
    });
    request.on('error', (error) => {
      done = true;
      reject(error);
    });
  });
}
