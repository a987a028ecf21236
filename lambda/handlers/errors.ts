/** The last resort: never speaks internals, always logs what happened (without secrets). */
import type { ErrorHandler } from 'ask-sdk-core';
import type { Logger } from '../../common/logger.js';
import { logRequestLine } from './logging.js';

export function createErrorHandler(deps: { logger: Logger; now: () => number }): ErrorHandler {
  return {
    canHandle: () => true,
    handle(input, error) {
      logRequestLine(input, deps.logger, 'error', error, deps.now);
      return input.responseBuilder
        .speak('Sorry, something went wrong on my side. Please try again in a moment.')
        .withShouldEndSession(true)
        .getResponse();
    },
  };
}
