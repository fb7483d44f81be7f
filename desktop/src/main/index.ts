// The Electron main process's entry point (package.json "main" after `npm run build`): the files
// it names sit beside it in dist/.
import { join } from 'node:path';
import { app } from 'electron';
import { DesktopApp } from './desktop-app.ts';
import { checkForUpdates } from './updates.ts';

const here = import.meta.dirname;

DesktopApp.start({
  rendererDir: join(here, 'renderer'),
  preloadPath: join(here, 'preload.cjs'),
  agentHostModule: join(here, 'agent-host.js'),
  iconPath: join(here, 'icon.png'),
  version: app.getVersion(),
  defaultServer: process.env.JOBSWIPE_SERVER ?? 'https://jobswipe.app',
  resourcesDir: process.resourcesPath,
})
  .then((desktop) => {
    if (desktop) void checkForUpdates((message) => console.warn(message));
  })
  .catch((err: unknown) => {
    console.error('JobSwipe could not start:', err);
    app.exit(1);
  });
