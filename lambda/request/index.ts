export * from './amazon-date.js';
