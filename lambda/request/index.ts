export * from './amazon-date.js';
export * from './envelope.js';
