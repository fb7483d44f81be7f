// One test file's world and Chromium with the built extension: started before its tests, closed
// after them (the browser, its profile, then the backend and practice ATS).
import { afterAll, beforeAll } from 'vitest';
import { type ExtensionBrowser, launchWithExtension, profileDir } from './chromium.ts';
import { type ExtensionWorld, startExtensionWorld } from './world.ts';

export interface ExtensionSession {
  world: ExtensionWorld;
  browser: ExtensionBrowser;
}

/** `env`: more backend settings, computed once the file's own stand-ins have started. */
export function extensionSession(env: () => Promise<Record<string, string>> | Record<string, string> = () => ({})) {
  const session = {} as ExtensionSession;
  let profile: Awaited<ReturnType<typeof profileDir>> | undefined;
  beforeAll(async () => {
    session.world = await startExtensionWorld(await env());
    profile = await profileDir();
    session.browser = await launchWithExtension(profile.dir);
  });
  afterAll(async () => {
    await session.browser?.close();
    await profile?.remove();
    await session.world?.close();
  });
  return session;
}
