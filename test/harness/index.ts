/**
 * This skill's own test helpers, on top of the harness package (`alexa-skill-harness`, imported
 * by its name): the weather skill under test, its tenant and verifier verdicts, requests and
 * conversations at the fixed clock, nock stand-ins for the Alexa APIs and Open-Meteo.
 */
export * from './alexa-api.js';
export * from './assertions.js';
export * from './conversation.js';
export * from './network-error.js';
export * from './open-meteo.js';
export * from './requests.js';
export * from './test-skill.js';
export * from './token-presets.js';
export * from './tokens.js';
