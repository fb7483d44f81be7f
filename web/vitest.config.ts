import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'web',
    include: ['test/**/*.test.ts'],
    // One production build shared by every browser test, made only when the sources changed.
    globalSetup: ['test/support/build-once.ts'],
    testTimeout: 60_000,
    // The machine is shared (2 cores): a page under load may take a while, never forever.
    expect: { poll: { timeout: 20_000, interval: 100 } },
    hookTimeout: 120_000,
  },
});
