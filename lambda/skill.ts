/**
 * `createSkill(dependencies)`: wiring only. No environment, no I/O at import; tests inject the
 * verifier, weather provider, Alexa API client, clock and logger.
 */
import { SkillBuilders } from 'ask-sdk-core';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { assertIsRequestEnvelope } from './request/index.js';
import {
  createAuthInterceptor,
  createCanFulfillHandler,
  createConsentAnswerHandler,
  createErrorHandler,
  createLogLineInterceptor,
  createStateInterceptor,
  createWhatShouldIWearHandler,
  exceptionEncounteredHandler,
  fallbackHandler,
  helpHandler,
  launchHandler,
  sessionEndedHandler,
  stopHandler,
  unhandledRequestHandler,
  type SkillDependencies,
} from './handlers/index.js';

export type { SkillDependencies } from './handlers/index.js';

/** A request addressed to another skill than the configured `SKILL_ID`. */
export class SkillIdMismatchError extends Error {
  override readonly name = 'SkillIdMismatchError';
  readonly code = 'ERR_SKILL_ID_MISMATCH';
}

/** The skill: `invoke(event, context)` answers one Alexa request envelope. */
export interface WhatShouldIWearSkill {
  /** Answers `event`; rejects with `InvalidRequestEnvelopeError` or `SkillIdMismatchError` before any handler runs. */
  invoke(event: unknown, context?: unknown): Promise<ResponseEnvelope>;
}

/** Builds the skill from its dependencies. */
export function createSkill(deps: SkillDependencies): WhatShouldIWearSkill {
  const builder = SkillBuilders.custom()
    .addRequestInterceptors(createStateInterceptor(deps), createAuthInterceptor(deps))
    // ask-sdk takes the first handler that can (awaiting each one's canHandle): the skill's usual
    // request first, the catch-all for unknown request types last. The others' request types
    // do not overlap, so their order only decides how soon each is found.
    .addRequestHandlers(
      createWhatShouldIWearHandler(deps),
      createCanFulfillHandler(deps),
      exceptionEncounteredHandler,
      launchHandler,
      createConsentAnswerHandler(deps),
      helpHandler,
      stopHandler,
      fallbackHandler,
      sessionEndedHandler,
      unhandledRequestHandler,
    )
    .addResponseInterceptors(createLogLineInterceptor(deps))
    .addErrorHandlers(createErrorHandler(deps))
    .withCustomUserAgent('what-should-i-wear');
  if (deps.skillId !== undefined) builder.withSkillId(deps.skillId);
  const skill = builder.create();

  return {
    async invoke(event, context) {
      try {
        assertIsRequestEnvelope(event);
      } catch (error) {
        deps.logger.warn('request refused: malformed envelope', { error });
        throw error;
      }
      if (deps.skillId !== undefined) {
        const addressed = addressedSkill(event);
        if (addressed !== deps.skillId) {
          deps.logger.warn('request refused: addressed to another skill', {
            addressedTo: addressed,
          });
          throw new SkillIdMismatchError('The request is addressed to another skill');
        }
      }
      return skill.invoke(event, context);
    },
  };
}

/** The skill id a request is addressed to, read defensively: the envelope is not trusted yet. */
function addressedSkill(event: unknown): unknown {
  const at = (value: unknown, key: string): unknown =>
    typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)[key]
      : undefined;
  return (
    at(at(at(at(event, 'context'), 'System'), 'application'), 'applicationId') ??
    at(at(at(event, 'session'), 'application'), 'applicationId')
  );
}
