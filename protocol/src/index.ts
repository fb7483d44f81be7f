export * from './api.ts';
export * from './automation.ts';
export * from './domain.ts';
export * from './errors.ts';
export * from './questions.ts';
export * from './status.ts';
