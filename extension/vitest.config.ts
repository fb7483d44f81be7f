import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'extension',
    include: ['test/**/*.test.ts'],
    // The tests load the built extension: build it once first.
    globalSetup: ['test/support/build-extension.ts'],
    // Each test runs its own Chromium: one file at a time keeps it to one browser.
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 120_000,
    expect: { poll: { timeout: 120_000, interval: 250 } },
  },
});
