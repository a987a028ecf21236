/**
 * A connection failure for nock's `replyWithError`, as Node raises it: an `Error` with a `code`.
 * nock 14 delivers a plain object to `fetch` but never to a node:http request (nock/nock#2789),
 * so every stand-in uses a real `Error` whichever client is under test.
 */
export function networkError(code: 'ECONNREFUSED' | 'ECONNRESET', message?: string): Error {
  const text = message ?? (code === 'ECONNREFUSED' ? 'connect ECONNREFUSED' : 'socket hang up');
  return Object.assign(new Error(text), { code });
}
