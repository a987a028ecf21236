/**
 * Transports to a skill in another process: an HTTPS-style skill endpoint (the envelope POSTed
 * as JSON), and the Lambda Invoke API (`sam local start-lambda`, or any endpoint that speaks it
 * without AWS signatures).
 */
import type { RequestEnvelope } from 'ask-sdk-model';
import { HarnessOptionError } from '../errors.js';
import { parseResponseEnvelope, TransportError, type Transport } from './transport.js';

/** Options of {@link overHttp} and {@link overLambdaInvoke}. */
export interface HttpTransportOptions {
  /** Deadline of one call, ms. Default 10000 (Alexa waits about 8 s). */
  readonly timeoutMs?: number;
  /** Extra request headers. */
  readonly headers?: Readonly<Record<string, string>>;
}

function urlOf(url: unknown, what: string): URL {
  try {
    const parsed = new URL(String(url));
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      throw new TypeError('not http');
    return parsed;
  } catch (cause) {
    throw new HarnessOptionError(`${what}: an http(s) URL is required`, { cause });
  }
}

async function post(
  url: URL,
  envelope: RequestEnvelope,
  options: HttpTransportOptions,
  from: string,
): Promise<{ status: number; text: string; headers: Headers }> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers },
      body: JSON.stringify(envelope),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      redirect: 'manual',
    });
  } catch (cause) {
    throw new TransportError(`${from} could not be reached (${url.origin})`, undefined, undefined, {
      cause,
    });
  }
  return { status: response.status, text: await response.text(), headers: response.headers };
}

/**
 * A transport that POSTs each envelope as JSON to the skill endpoint at `url` and parses the JSON
 * answer. The envelopes carry no Alexa signature: an endpoint that checks Alexa's request
 * signatures (as every public HTTPS skill endpoint must) refuses them, so drive its local,
 * unverified mode instead.
 */
export function overHttp(url: string, options: HttpTransportOptions = {}): Transport {
  const target = urlOf(url, 'overHttp(url)');
  return async (envelope) => {
    const { status, text } = await post(target, envelope, options, 'The skill endpoint');
    if (status < 200 || status > 299) {
      throw new TransportError(`The skill endpoint answered ${status}`, status, text);
    }
    return parseResponseEnvelope(text, 'The skill endpoint', status);
  };
}

/**
 * A transport through the Lambda Invoke API at `endpoint` (`sam local start-lambda` listens on
 * `http://127.0.0.1:3001`): `POST <endpoint>/2015-03-31/functions/<functionName>/invocations`.
 * The calls are not signed: for a deployed function, wrap the AWS SDK's `InvokeCommand` in
 * {@link inProcess} instead (see the README).
 */
export function overLambdaInvoke(
  endpoint: string,
  functionName: string,
  options: HttpTransportOptions = {},
): Transport {
  const base = urlOf(endpoint, 'overLambdaInvoke(endpoint)');
  if (typeof functionName !== 'string' || functionName === '') {
    throw new HarnessOptionError(
      'overLambdaInvoke(endpoint, functionName): functionName is required',
    );
  }
  const target = new URL(
    `2015-03-31/functions/${encodeURIComponent(functionName)}/invocations`,
    base.href.endsWith('/') ? base : `${base.href}/`,
  );
  return async (envelope) => {
    const from = `Lambda function ${functionName}`;
    const { status, text, headers } = await post(target, envelope, options, from);
    if (status < 200 || status > 299) {
      throw new TransportError(`The Lambda Invoke API answered ${status}`, status, text);
    }
    const functionError = headers.get('x-amz-function-error');
    if (functionError !== null) {
      throw new TransportError(`${from} failed (${functionError})`, status, text);
    }
    return parseResponseEnvelope(text, from, status);
  };
}
