export * from './errors.js';
export * from './redact.js';
export * from './retry.js';
export * from './poll.js';
