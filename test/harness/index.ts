/** The test harness: tokens, requests, utterances, conversations, assertions, transports, mocks. */
export * from './alexa-api.js';
export * from './assertions.js';
export * from './chai-alexa.js';
export * from './conversation.js';
export * from './model.js';
export * from './network-error.js';
export * from './open-meteo.js';
export * from './requests.js';
export * from './spoken-dates.js';
export * from './test-skill.js';
export * from './token-presets.js';
export * from './tokens.js';
export * from './transports.js';
export * from './utterances.js';
