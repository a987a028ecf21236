export * from './env.js';
export * from './logger.js';
export * from './options.js';
export * from './http-server.js';
export * from './errors.js';
export * from './redact.js';
export * from './json.js';
