// Updates for a packaged app, with electron-updater: the feed is the one the build was published
// to (electron-builder.yml, JOBSWIPE_UPDATE_URL at build time), or JOBSWIPE_UPDATE_FEED at run
// time (a staging feed, a company mirror). A check that fails is logged and tried at next start.
import { app } from 'electron';

export async function checkForUpdates(log: (message: string) => void): Promise<void> {
  if (!app.isPackaged) return;
  // Loaded only here: electron-updater needs the real Electron, not a development run.
  const { default: updater } = await import('electron-updater');
  const feed = process.env.JOBSWIPE_UPDATE_FEED;
  if (feed) updater.autoUpdater.setFeedURL({ provider: 'generic', url: feed });
  try {
    await updater.autoUpdater.checkForUpdatesAndNotify();
  } catch (err) {
    log(`update check failed: ${(err as Error).message}`);
  }
}
