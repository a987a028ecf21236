export * from './amazon-date.js';
export * from './date-period.js';
export * from './envelope.js';
