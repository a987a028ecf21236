/** Parses a request body into an Alexa request envelope, with the skill's own shape check. */
import type { RequestEnvelope } from 'ask-sdk-model';
import { assertIsRequestEnvelope, InvalidRequestEnvelopeError } from '../request/index.js';
import { RequestBodyError } from './errors.js';

/** Parses `text` as a request envelope; throws `ERR_BODY_MALFORMED` when it is not one. */
export function parseRequestEnvelope(text: string): RequestEnvelope {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new RequestBodyError('ERR_BODY_MALFORMED', 'The body is not JSON', { cause });
  }
  try {
    assertIsRequestEnvelope(value);
  } catch (cause) {
    if (!(cause instanceof InvalidRequestEnvelopeError)) throw cause;
    throw new RequestBodyError(
      'ERR_BODY_MALFORMED',
      `The body is not an Alexa request envelope: ${cause.message}`,
      { cause },
    );
  }
  return value;
}
