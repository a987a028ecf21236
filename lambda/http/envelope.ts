/** Narrows a parsed body to an Alexa request envelope, as far as the endpoint relies on it. */
import type { RequestEnvelope } from 'ask-sdk-model';
import { RequestBodyError } from './errors.js';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Parses `text` as a request envelope; throws `ERR_BODY_MALFORMED` when it is not one. */
export function parseRequestEnvelope(text: string): RequestEnvelope {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new RequestBodyError('ERR_BODY_MALFORMED', 'The body is not JSON', { cause });
  }
  assertIsRequestEnvelope(value);
  return value;
}

/** Asserts that `value` has a `request` with a string `type` and a `context` object. */
export function assertIsRequestEnvelope(value: unknown): asserts value is RequestEnvelope {
  if (
    !isObject(value) ||
    !isObject(value.request) ||
    typeof value.request.type !== 'string' ||
    !isObject(value.context)
  ) {
    throw new RequestBodyError(
      'ERR_BODY_MALFORMED',
      'The body is not an Alexa request envelope (request.type and context are required)',
    );
  }
}
