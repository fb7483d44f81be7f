import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: {
    // The Electron binary cannot be downloaded here: the main process runs against a stand-in.
    alias: { electron: fileURLToPath(new URL('./test/support/electron-stand-in.ts', import.meta.url)) },
  },
  test: {
    name: 'desktop',
    include: ['test/**/*.test.ts'],
    // Each agent runs its own Chromium: one test file at a time keeps it to one browser.
    fileParallelism: false,
    // An agent is a child process (npm, tsx, then the engine and a browser): on a busy two-core
    // machine its start alone can take several seconds.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    expect: { poll: { timeout: 60_000, interval: 100 } },
  },
});
