/**
 * The requests answered with an empty response: System.ExceptionEncountered (Alexa refused an
 * earlier response, and allows no speech here), and every request type the skill has no handler
 * for (AudioPlayer and PlaybackController events, Messaging, APL user events...).
 */
import { getRequestType, type RequestHandler } from 'ask-sdk-core';
import type { interfaces } from 'ask-sdk-model';
import { requestState } from './state.js';

/** Logs at error level what Alexa found wrong with the response to `cause.requestId`. */
export const exceptionEncounteredHandler: RequestHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === 'System.ExceptionEncountered',
  handle(input) {
    const state = requestState(input);
    const request = input.requestEnvelope.request as interfaces.system.ExceptionEncounteredRequest;
    state.outcome = 'exception-encountered';
    state.logger.error('Alexa refused an earlier response', {
      errorType: request.error.type,
      ...(request.error.message === undefined ? {} : { errorMessage: request.error.message }),
      causeRequestId: request.cause.requestId,
    });
    return input.responseBuilder.getResponse();
  },
};

/**
 * Any request type without a handler of its own: an empty response, and the request's log line
 * (its type, outcome `ignored`). Register it last. An IntentRequest for an unknown intent is not
 * for it: the user spoke and waits for an answer, which the error handler gives.
 */
export const unhandledRequestHandler: RequestHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) !== 'IntentRequest',
  handle(input) {
    requestState(input).outcome = 'ignored';
    return input.responseBuilder.getResponse();
  },
};
