/**
 * The intents that need no account: Help, Fallback, Stop/Cancel/NavigateHome, SessionEnded.
 * Help and the fallback keep an open question of the skill open.
 */
import {
  getIntentName,
  getRequestType,
  type HandlerInput,
  type RequestHandler,
} from 'ask-sdk-core';
import type { SessionEndedRequest } from 'ask-sdk-model';
import { INTENTS } from './intents.js';
import { requestState } from './state.js';
import { askAgain, openQuestion, QUESTION_WORDS, type OpenQuestion } from './wear-query.js';

const EXAMPLE = 'what should I wear in Chicago tomorrow';

function isIntent(...names: string[]): RequestHandler['canHandle'] {
  return (input) =>
    getRequestType(input.requestEnvelope) === 'IntentRequest' &&
    names.includes(getIntentName(input.requestEnvelope));
}

/** The question the skill asked in this session and has no answer to yet, if any. */
function questionOpen(input: HandlerInput): OpenQuestion | undefined {
  return openQuestion(input.attributesManager.getSessionAttributes());
}

/**
 * Help: what the skill does. While a question of the skill is open ("Which city?"), Help answers
 * and asks it again, so that the bare answer that follows is still heard.
 */
export const helpHandler: RequestHandler = {
  canHandle: isIntent(INTENTS.help),
  handle(input) {
    requestState(input).outcome = 'help';
    const question = questionOpen(input);
    if (question !== undefined) {
      const asked = QUESTION_WORDS[question.slot];
      return askAgain(input, input.responseBuilder, question)
        .speak(`I tell you what to wear and what to bring, from the forecast. ${asked}`)
        .reprompt(asked)
        .getResponse();
    }
    return input.responseBuilder
      .speak(
        `I tell you what to wear and what to bring, from the forecast. Ask me, for example, ${EXAMPLE}. What would you like to know?`,
      )
      .reprompt(`You can say, ${EXAMPLE}.`)
      .getResponse();
  },
};

/** The fallback; while a question of the skill is open, it asks it again. */
export const fallbackHandler: RequestHandler = {
  canHandle: isIntent(INTENTS.fallback),
  handle(input) {
    requestState(input).outcome = 'fallback';
    const question = questionOpen(input);
    if (question !== undefined) {
      const asked = QUESTION_WORDS[question.slot];
      return askAgain(input, input.responseBuilder, question)
        .speak(`Sorry, I didn't get that. ${asked}`)
        .reprompt(asked)
        .getResponse();
    }
    return input.responseBuilder
      .speak(`Sorry, I can't help with that. I can tell you what to wear: try saying, ${EXAMPLE}.`)
      .reprompt(`Try saying, ${EXAMPLE}.`)
      .getResponse();
  },
};

export const stopHandler: RequestHandler = {
  canHandle: isIntent(INTENTS.stop, INTENTS.cancel, INTENTS.navigateHome),
  handle(input) {
    requestState(input).outcome = 'stop';
    return input.responseBuilder.speak('Goodbye.').withShouldEndSession(true).getResponse();
  },
};

export const sessionEndedHandler: RequestHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === 'SessionEndedRequest',
  handle(input) {
    const state = requestState(input);
    const request = input.requestEnvelope.request as SessionEndedRequest;
    state.outcome = 'session-ended';
    state.logger.info('session ended', {
      reason: request.reason,
      ...(request.error ? { errorType: request.error.type } : {}),
    });
    return input.responseBuilder.getResponse();
  },
};
