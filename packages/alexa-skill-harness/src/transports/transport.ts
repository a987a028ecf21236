/** What every transport is, and how a transport fails. */
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { HarnessError } from '../errors.js';

/** Sends one request envelope and resolves to the skill's response envelope. */
export type Transport = (envelope: RequestEnvelope) => Promise<ResponseEnvelope>;

/** The skill could not be reached, or answered something other than a response envelope. */
export class TransportError extends HarnessError {
  override readonly name = 'TransportError';
  readonly code = 'ERR_TRANSPORT';
  constructor(
    message: string,
    /** The HTTP status, when the transport is HTTP and an answer came. */
    readonly status?: number,
    /** The answer's text, when one came. */
    readonly body?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Parses a JSON response envelope, or throws {@link TransportError} quoting what came. */
export function parseResponseEnvelope(
  text: string,
  from: string,
  status?: number,
): ResponseEnvelope {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new TransportError(`${from} answered something that is not JSON`, status, text, {
      cause,
    });
  }
  if (typeof (parsed as { response?: unknown } | null)?.response !== 'object') {
    throw new TransportError(`${from} answered JSON that is not a response envelope`, status, text);
  }
  return parsed as ResponseEnvelope;
}
