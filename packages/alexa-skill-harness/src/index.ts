/**
 * alexa-skill-harness: tests for Alexa skills that read like the conversation, with real tokens
 * and a key set on loopback, the Alexa APIs mocked on loopback, utterances resolved through the
 * interaction model, and the same suite in-process, over HTTP or against a live tenant.
 */
export * from './alexa-api/index.js';
export * from './assertions/index.js';
export {
  Conversation,
  conversation,
  ConversationStateError,
  type AccessTokenSource,
  type ConversationOptions,
  type Turn,
} from './conversation.js';
export { HarnessError, HarnessOptionError } from './errors.js';
export { type LoopbackServer } from './loopback.js';
export * from './requests.js';
export * from './tokens/index.js';
export * from './transports/index.js';
export * from './utterances/index.js';
