/**
 * One structured line per request: request id, type, intent, outcome, latency. The outcome is one
 * word: `welcome`, `advice`, `which-city`, `ask-permission`, `unsupported-date`, `weather:<code>`,
 * `link-account`, `key-set-unavailable`, `help`, `fallback`, `stop`, `session-ended`,
 * `can-fulfill:<YES|NO|MAYBE>`, `exception-encountered`, `ignored` (a request type the skill has
 * no handler for), `error` (the error handler's), or `unknown` (no handler set one).
 */
import {
  getRequestType,
  type HandlerInput,
  type RequestInterceptor,
  type ResponseInterceptor,
} from 'ask-sdk-core';
import type { Logger } from '../../common/logger.js';
import type { SkillDependencies } from './state.js';
import { setRequestState } from './state.js';

const KEY = 'whatShouldIWear';

/** Opens the request's state with a logger bound to its request id. Runs first. */
export function createStateInterceptor(
  deps: Pick<SkillDependencies, 'logger' | 'now'>,
): RequestInterceptor {
  return {
    process(input) {
      setRequestState(input, {
        startedAt: deps.now(),
        logger: deps.logger.child({ requestId: input.requestEnvelope.request.requestId }),
        outcome: 'unknown',
      });
    },
  };
}

/** Writes the request's line after the handler answered. */
export function createLogLineInterceptor(
  deps: Pick<SkillDependencies, 'logger' | 'now'>,
): ResponseInterceptor {
  return {
    process(input) {
      logRequestLine(input, deps.logger, undefined, undefined, deps.now);
    },
  };
}

/** The line itself; the error handler writes it too, with the error's name and code. */
export function logRequestLine(
  input: HandlerInput,
  fallback: Logger,
  outcome?: string,
  error?: unknown,
  now: () => number = Date.now,
): void {
  const state = input.attributesManager.getRequestAttributes()[KEY] as
    { startedAt: number; logger: Logger; outcome: string } | undefined;
  const envelope = input.requestEnvelope;
  const request = envelope.request;
  // Members in the line's order, each optional one added only when there (no spread objects).
  const fields: Record<string, unknown> = { requestType: getRequestType(envelope) };
  if (request.type === 'IntentRequest' || request.type === 'CanFulfillIntentRequest') {
    fields['intent'] = request.intent.name;
  }
  fields['locale'] = envelope.request.locale;
  fields['outcome'] = outcome ?? state?.outcome ?? 'unknown';
  if (state) fields['latencyMs'] = now() - state.startedAt;
  if (error !== undefined) fields['error'] = error;
  const logger = state?.logger ?? fallback.child({ requestId: envelope.request.requestId });
  if (error === undefined) logger.info('request', fields);
  else logger.error('request failed', fields);
}
