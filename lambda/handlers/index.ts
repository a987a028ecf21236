export {
  AUTH_OUTCOMES,
  createAuthInterceptor,
  needsAccount,
  refuseWithoutAccount,
} from './account-linking.js';
export { canFulfillIntent, createCanFulfillHandler, type SlotAnswer } from './can-fulfill.js';
export { createErrorHandler } from './errors.js';
export { launchHandler } from './launch.js';
export { createLogLineInterceptor, createStateInterceptor } from './logging.js';
export { fallbackHandler, helpHandler, sessionEndedHandler, stopHandler } from './simple.js';
export { exceptionEncounteredHandler, unhandledRequestHandler } from './silent.js';
export type { AuthState, SkillDependencies } from './state.js';
export {
  ADDRESS_PERMISSION,
  createConsentAnswerHandler,
  createWhatShouldIWearHandler,
} from './what-should-i-wear.js';
export {
  ADDRESS_CONSENT_SCOPE,
  ASKED_BY_VOICE,
  CONSENT_TOKEN,
  CONSENT_URI,
} from './address-consent.js';
export { HANDLED_INTENTS, INTENTS } from './intents.js';
