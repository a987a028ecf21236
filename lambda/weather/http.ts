/**
 * One GET to the weather service returning parsed JSON: a per-call deadline, no redirects
 * followed (the URL may carry the API key), a capped body, and every failure turned into a
 * {@link WeatherUnavailableError} with its cause.
 */
import { WeatherUnavailableError } from './errors.js';

/** Options of {@link getJson}. */
export interface GetJsonOptions {
  /** Deadline of this call, headers and body, in milliseconds. */
  readonly timeoutMs: number;
  /** Largest body accepted, in bytes. */
  readonly maxBytes: number;
  /** The fetch implementation. */
  readonly fetch: typeof fetch;
  /** What is being fetched, for messages ("geocoding", "forecast"); never the URL. */
  readonly what: string;
}

/** Fetches `url` and returns its JSON body, or throws {@link WeatherUnavailableError}. */
export async function getJson(url: URL, options: GetJsonOptions): Promise<unknown> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let response: Response;
  try {
    response = await options.fetch(url, {
      redirect: 'manual',
      signal,
      headers: { accept: 'application/json' },
    });
  } catch (cause) {
    throw failure(cause, signal, options, 'could not be reached');
  }
  if (response.status < 200 || response.status > 299) {
    const detail = await errorReason(response, options.maxBytes, signal);
    throw new WeatherUnavailableError(
      'http-status',
      `The ${options.what} service answered HTTP ${response.status}${detail}`,
      { status: response.status },
    );
  }
  let text: string;
  try {
    text = await readCapped(response, options.maxBytes);
  } catch (cause) {
    if (cause instanceof WeatherUnavailableError) throw cause;
    throw failure(cause, signal, options, 'broke off its answer');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new WeatherUnavailableError(
      'invalid-response',
      `The ${options.what} service answered something that is not JSON`,
      { cause },
    );
  }
}

function failure(
  cause: unknown,
  signal: AbortSignal,
  options: GetJsonOptions,
  otherwise: string,
): WeatherUnavailableError {
  return signal.aborted
    ? new WeatherUnavailableError(
        'timeout',
        `The ${options.what} service did not answer within ${options.timeoutMs} ms`,
        { cause },
      )
    : new WeatherUnavailableError('network', `The ${options.what} service ${otherwise}`, {
        cause,
      });
}

/** Open-Meteo explains errors as `{"error": true, "reason": "..."}`; a short extract, if any. */
async function errorReason(
  response: Response,
  maxBytes: number,
  signal: AbortSignal,
): Promise<string> {
  try {
    if (signal.aborted) {
      await response.body?.cancel().catch(() => undefined);
      return '';
    }
    const body = JSON.parse(await readCapped(response, Math.min(maxBytes, 16_384))) as unknown;
    const reason = (body as { reason?: unknown } | null)?.reason;
    return typeof reason === 'string' ? `: ${reason.slice(0, 200)}` : '';
  } catch {
    await response.body?.cancel().catch(() => undefined);
    return '';
  }
}

/** The body as text, refusing more than `maxBytes`. */
async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(maxBytes);
  }
  if (response.body === null) return '';
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function tooLarge(maxBytes: number): WeatherUnavailableError {
  return new WeatherUnavailableError(
    'invalid-response',
    `The answer is larger than ${maxBytes} bytes`,
  );
}
