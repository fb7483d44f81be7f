import { defineConfig } from 'vitest/config';

// One `npm test` for every workspace; each workspace's own vitest.config.ts says how it runs.
export default defineConfig({
  test: {
    projects: ['*/vitest.config.ts'],
    // Two test files at a time even on two cores: most of a file's time is spent waiting on
    // browsers, servers and timers, not computing (one at a time the suite took 22 min here).
    maxWorkers: 2,
  },
});
