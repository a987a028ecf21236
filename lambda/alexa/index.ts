export * from './alexa-api.js';
export * from './errors.js';
