/**
 * The key-set fetch that jwks-rsa calls (its `fetcher` option): one GET with a real deadline
 * (jwks-rsa's own `timeout` only limits socket idleness), no redirects followed, a capped body,
 * and only RSA signing keys usable for RS256 kept. A set with no such key is a failed fetch.
 */

/** A JSON Web Key as the set publishes it; only the members read here are typed. */
export interface PublicJwk {
  readonly kty: 'RSA';
  readonly kid?: string;
  readonly use?: string;
  readonly alg?: string;
  readonly n: string;
  readonly e: string;
}

/** Why a fetch failed; jwks-rsa marks any fetcher error as "endpoint unavailable". */
export class KeySetFetchError extends Error {
  override readonly name = 'KeySetFetchError';
}

export interface KeySetFetchOptions {
  /** Deadline for the whole fetch, headers and body, in milliseconds. */
  readonly timeoutMs: number;
  /** Largest body accepted, in bytes. */
  readonly maxBytes: number;
  /** The fetch implementation (Node's global `fetch` by default). */
  readonly fetch: typeof fetch;
}

/** Fetches `uri` and returns its usable signing keys, or throws {@link KeySetFetchError}. */
export async function fetchKeySet(
  uri: string,
  options: KeySetFetchOptions,
): Promise<{ keys: PublicJwk[] }> {
  let response: Response;
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    response = await options.fetch(uri, {
      redirect: 'manual',
      signal,
      headers: { accept: 'application/json' },
    });
  } catch (cause) {
    throw new KeySetFetchError(describeFailure(cause, signal, options.timeoutMs), { cause });
  }
  if (response.status < 200 || response.status > 299) {
    await response.body?.cancel().catch(() => undefined);
    throw new KeySetFetchError(`The key set answered HTTP ${response.status}`);
  }
  let body: unknown;
  try {
    body = JSON.parse(await readCapped(response, options.maxBytes));
  } catch (cause) {
    if (cause instanceof KeySetFetchError) throw cause;
    throw new KeySetFetchError(describeFailure(cause, signal, options.timeoutMs, 'is not JSON'), {
      cause,
    });
  }
  const keys = usableKeys(body);
  if (keys.length === 0) throw new KeySetFetchError('The key set holds no RSA signing key');
  return { keys };
}

/** The RSA keys of a JWKS document that may sign RS256 tokens. */
export function usableKeys(body: unknown): PublicJwk[] {
  // Any JSON value: a primitive's `keys` is undefined, as is a missing member.
  const keys: unknown = (body as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) throw new KeySetFetchError('The key set has no "keys" array');
  return keys.filter(isUsableKey);
}

/** The smallest RSA modulus accepted, in bits (NIST: 2048 at least since 2013). */
export const MIN_RSA_BITS = 2048;

/** The bit length of a base64url big-endian integer (an RSA modulus `n`); 0 for zero. */
export function bitLength(base64url: string): number {
  const bytes = Buffer.from(base64url, 'base64url');
  let i = 0;
  while (bytes[i] === 0) i += 1; // past the end, bytes[i] is undefined
  const first = bytes[i];
  return first === undefined ? 0 : (bytes.length - i - 1) * 8 + (32 - Math.clz32(first));
}

/**
 * An RSA public key for signatures with RS256, of at least {@link MIN_RSA_BITS} bits: a weaker
 * key is left out of the set, so a token signed with it is refused as signed by an unknown key
 * (it was a raw TypeError from node:crypto).
 */
function isUsableKey(key: unknown): key is PublicJwk {
  if (typeof key !== 'object' || key === null) return false;
  const { kty, use, alg, kid, n, e, d } = key as Record<string, unknown>;
  return (
    kty === 'RSA' &&
    (use === undefined || use === 'sig') &&
    (alg === undefined || alg === 'RS256') &&
    (kid === undefined || (typeof kid === 'string' && kid !== '')) &&
    typeof n === 'string' &&
    typeof e === 'string' &&
    d === undefined &&
    bitLength(n) >= MIN_RSA_BITS
  );
}

async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new KeySetFetchError(`The key set is larger than ${maxBytes} bytes`);
  }
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new KeySetFetchError(`The key set is larger than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function describeFailure(
  cause: unknown,
  signal: AbortSignal,
  timeoutMs: number,
  otherwise = 'could not be fetched',
): string {
  return signal.aborted
    ? `The key set did not answer within ${timeoutMs} ms`
    : `The key set ${otherwise}`;
}
