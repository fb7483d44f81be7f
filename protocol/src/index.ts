// The shared contract. The executor protocol and the web's live events have their own entry
// points (`@jobswipe/protocol/device`, `@jobswipe/protocol/events`): their message names are short.
export * from './answer-usage.ts';
export * from './api.ts';
export * from './automation.ts';
export * from './domain.ts';
export * from './errors.ts';
export * from './form-questions.ts';
export * from './job-catalog.ts';
export * from './model-answers.ts';
export * from './questions.ts';
export * from './sensitive.ts';
export * from './status.ts';
export * from './tracker.ts';
