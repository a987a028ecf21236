/**
 * The skill's `fetch`: its upstream calls (the key set, Open-Meteo, the Alexa APIs) over node:http
 * and node:https through a keep-alive pool (common/pooled-agent.ts), shared with nothing else.
 *
 * Why not the global `fetch`: its first call loads undici, about 60 ms of a cold start's first
 * request (`npm run bench:cold-start -- --breakdown`), and so does touching `Response`; node:http is
 * already loaded. It implements the part of `fetch` the skill's clients use, no more:
 * - `method`, `headers` (a plain object), `body` (a string), `signal`;
 * - redirects are never followed: `redirect: 'manual'` answers the 3xx as it is, `'error'` rejects
 *   with a TypeError as fetch does, and `'follow'` is refused (no caller wants it);
 * - the answer has `status`, `ok`, `statusText`, `url`, `headers.get()`/`has()`, a body (null for
 *   204, 205 and 304), `text()`, `json()` and `arrayBuffer()`;
 * - the body is the part of a web `ReadableStream` the clients use: `getReader()` (`read`, `cancel`,
 *   `releaseLock`), `for await` and `cancel()`, over the node stream. A real web stream
 *   (`Readable.toWeb`) loads Node's web streams on the first answer, about 6 ms of a cold start's
 *   first request;
 * - an abort, before or after the headers, rejects (or errors the body) with the signal's reason,
 *   as fetch does: a timeout signal gives a `TimeoutError`;
 * - a network failure rejects with `TypeError('fetch failed')` whose cause is the error.
 */
import http from 'node:http';
import { pooledAgent, type PooledAgent } from './pooled-agent.js';

/** The `fetch` subset described above, typed as `fetch` so that callers need not know. */
export type HttpFetch = typeof fetch;

/** Options of {@link createHttpFetch}. */
export interface HttpFetchOptions {
  /** An idle connection older than this is not reused, in milliseconds. Default 4000. */
  readonly idleMs?: number;
  /** Wall clock in epoch milliseconds. Default `Date.now`. */
  readonly now?: () => number;
}

const NULL_BODY = new Set([204, 205, 304]);

/** A fetch with its own connection pools (one for http, one for https). */
export function createHttpFetch(options: HttpFetchOptions = {}): HttpFetch {
  const idleMs = options.idleMs ?? 4000;
  const now = options.now ?? Date.now;
  type Pool = PooledAgent & { readonly send: typeof http.request };
  const plain: Pool = { ...pooledAgent(http.Agent, idleMs, now), send: http.request };
  // node:https (and TLS with it) is loaded on the first https call, not with the bundle.
  let secure: Promise<Pool> | undefined;
  const poolFor = (protocol: string): Pool | Promise<Pool> =>
    protocol === 'http:'
      ? plain
      : (secure ??= import('node:https').then(({ default: https }) => ({
          ...pooledAgent(https.Agent, idleMs, now),
          send: https.request,
        })));
  return async (input, init = {}) => {
    const pool = await poolFor(protocolOf(input));
    return new Promise((resolve, reject) => {
      const url = new URL(
        typeof input === 'string' || input instanceof URL ? input : (input as { url: string }).url,
      );
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new TypeError(`fetch: ${url.protocol} is not http or https`);
      }
      if (init.redirect === 'follow') {
        throw new TypeError('fetch: this client never follows redirects');
      }
      const { signal } = init;
      if (signal?.aborted === true) {
        reject(reasonOf(signal));
        return;
      }
      pool.prune();
      const send = pool.send;
      let answered: http.IncomingMessage | undefined;
      const onAbort = () => {
        const reason = reasonOf(signal);
        if (answered === undefined) reject(reason);
        request.destroy();
        answered?.destroy(reason);
      };
      const request = send(
        url,
        { method: init.method ?? 'GET', agent: pool.agent, headers: plainHeaders(init.headers) },
        (res) => {
          answered = res;
          const status = res.statusCode ?? 0;
          res.once('close', () => signal?.removeEventListener('abort', onAbort));
          if (init.redirect === 'error' && status >= 300 && status < 400) {
            res.destroy();
            reject(new TypeError('fetch failed', { cause: new Error(`redirect (${status})`) }));
            return;
          }
          resolve(answerOf(res, status, url));
        },
      );
      request.on('error', (cause) => {
        if (signal?.aborted === true) return; // already rejected with the reason
        reject(new TypeError('fetch failed', { cause }));
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      request.end(typeof init.body === 'string' ? init.body : undefined);
    });
  };
}

/** The scheme of `input` (`http:`, `https:`, ...); the call checks it. */
function protocolOf(input: Parameters<typeof fetch>[0]): string {
  const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  return href.startsWith('http:') ? 'http:' : 'https:';
}

/** Why `signal` aborted, as an Error (a DOMException, as fetch gives it, unless told otherwise). */
function reasonOf(signal: AbortSignal | null | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error
    ? reason
    : new DOMException('This operation was aborted', 'AbortError');
}

/** Headers given as a plain object (what the skill's clients pass). */
function plainHeaders(headers: RequestInit['headers']): Record<string, string> {
  if (headers === undefined) return {};
  if (Array.isArray(headers) || typeof (headers as Headers).get === 'function') {
    throw new TypeError('fetch: pass headers as a plain object');
  }
  return headers as Record<string, string>;
}

/** What {@link bodyOf} gives: the web `ReadableStream` members the skill's clients use. */
interface NodeBody extends AsyncIterable<Uint8Array> {
  readonly locked: boolean;
  cancel(): Promise<void>;
  getReader(): {
    read(): Promise<{ done: true; value: undefined } | { done: false; value: Uint8Array }>;
    cancel(): Promise<void>;
    releaseLock(): void;
  };
}

/**
 * The body of `res` as a {@link NodeBody}; `claim` is called when it is first read (it throws when
 * the body was already read, as fetch's does).
 */
function bodyOf(res: http.IncomingMessage, claim: () => void): NodeBody {
  let chunks: AsyncIterator<Uint8Array> | undefined;
  const iterator = (): AsyncIterator<Uint8Array> => {
    if (chunks !== undefined) throw new TypeError('fetch: the body is locked to a reader');
    claim();
    return (chunks = res[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>);
  };
  const cancel = (): Promise<void> => {
    res.destroy();
    return Promise.resolve();
  };
  return {
    get locked() {
      return chunks !== undefined;
    },
    cancel,
    getReader: () => {
      const reading = iterator();
      return {
        read: async () => {
          const step = await reading.next();
          return step.done === true
            ? { done: true as const, value: undefined }
            : { done: false as const, value: step.value };
        },
        cancel,
        releaseLock: () => undefined,
      };
    },
    [Symbol.asyncIterator]: iterator,
  };
}

function answerOf(res: http.IncomingMessage, status: number, url: URL): Response {
  let used = false;
  const claim = (): void => {
    if (used) throw new TypeError('fetch: the body was already read');
    used = true;
  };
  const body = NULL_BODY.has(status) ? (res.resume(), null) : bodyOf(res, claim);
  const bytes = async (): Promise<Buffer> => {
    if (body === null) {
      claim();
      return Buffer.alloc(0);
    }
    const chunks: Uint8Array[] = [];
    for await (const chunk of body) chunks.push(chunk);
    return Buffer.concat(chunks);
  };
  const header = (name: string): string | null => {
    const value = res.headers[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  };
  const answer = {
    status,
    ok: status >= 200 && status <= 299,
    statusText: res.statusMessage ?? '',
    url: url.href,
    redirected: false,
    headers: { get: header, has: (name: string) => header(name) !== null },
    body,
    get bodyUsed() {
      return used;
    },
    text: async () => (await bytes()).toString('utf8'),
    json: async (): Promise<unknown> => JSON.parse((await bytes()).toString('utf8')),
    arrayBuffer: async () => {
      const data = await bytes();
      return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
    },
  };
  return answer as unknown as Response;
}

let shared: HttpFetch | undefined;

/** The process's one {@link createHttpFetch}, made on first use: the skill's default `fetch`. */
export function defaultHttpFetch(): HttpFetch {
  return (shared ??= createHttpFetch());
}
