// The app as it ships: built once per test file (main, agent host, preload, renderer) into a
// folder of the file's own, started with the built preload and renderer. The agent host runs
// from its TypeScript source (the stand-in's utility process loads it with tsx), so a failure
// points at the source line.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { CHROMIUM_ARGS, chromiumExecutable } from '@jobswipe/automations/runner/browser';
import { type Browser, chromium } from 'playwright-core';
import { buildDesktop } from '../../build.ts';
import type { DesktopAppOptions } from '../../src/main/desktop-app.ts';

const DESKTOP = join(import.meta.dirname, '..', '..');

export interface BuiltDesktop {
  dist: string;
  options(defaultServer: string): DesktopAppOptions;
  remove(): Promise<void>;
}

export async function buildDesktopForTest(name: string): Promise<BuiltDesktop> {
  const dist = join(DESKTOP, `dist-test-${name}`);
  await buildDesktop(dist);
  return {
    dist,
    options: (defaultServer) => ({
      rendererDir: join(dist, 'renderer'),
      preloadPath: join(dist, 'preload.cjs'),
      agentHostModule: join(DESKTOP, 'src', 'agent-host', 'host.ts'),
      iconPath: join(dist, 'icon.png'),
      version: '0.1.0',
      defaultServer,
    }),
    remove: () => rm(dist, { recursive: true, force: true }),
  };
}

/** The Chromium the stand-in shows the app's window in (the test's, not the agent's). */
export function launchWindowBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumExecutable(), headless: true, args: CHROMIUM_ARGS });
}
