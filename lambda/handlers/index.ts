export {
  AUTH_OUTCOMES,
  createAuthInterceptor,
  needsAccount,
  refuseWithoutAccount,
} from './account-linking.js';
export { createErrorHandler } from './errors.js';
export { launchHandler } from './launch.js';
export { createLogLineInterceptor, createStateInterceptor } from './logging.js';
export { fallbackHandler, helpHandler, sessionEndedHandler, stopHandler } from './simple.js';
export type { AuthState, SkillDependencies } from './state.js';
export { ADDRESS_PERMISSION, createWhatShouldIWearHandler } from './what-should-i-wear.js';
export { HANDLED_INTENTS, INTENTS } from './intents.js';
