// A small live picture of the page the agent applies in, for the desktop window only. Taken every
// few seconds while the application runs and someone looks (the window is shown), never two at
// once, scaled down by Chromium itself to a thumbnail, and handed over in memory: it is never written to disk nor sent to the server (what
// the backend keeps of an attempt is its evidence, taken by the engine).
import type { Page } from 'playwright-core';

/** How often the picture is renewed while an application runs. */
export const THUMBNAIL_EVERY_MS = 2_000;
/** Width of the thumbnail, in pixels; the height follows the page's viewport. */
export const THUMBNAIL_WIDTH = 320;
/** A capture that takes longer (a tab in the background, a busy page) is given up. */
const CAPTURE_TIMEOUT_MS = 5_000;

/** Who shows the thumbnails: whether one is wanted now, and where it goes (a JPEG data URL). */
export interface ThumbnailSink {
  wanted(): boolean;
  show(applicationId: string, dataUrl: string): void;
}

/** Starts sending the thumbnail of `page` (running `applicationId`) to `sink`; returns the stop. */
export function watchPage(page: Page, applicationId: string, sink: ThumbnailSink, everyMs = THUMBNAIL_EVERY_MS) {
  let stopped = false;
  let inFlight: Promise<void> = Promise.resolve();
  const cdp = page.context().newCDPSession(page);
  const take = async () => {
    if (page.isClosed() || !sink.wanted()) return;
    try {
      const { width, height } = page.viewportSize() ?? { width: 1280, height: 900 };
      const session = await cdp;
      const shot = await Promise.race([
        session.send('Page.captureScreenshot', {
          format: 'jpeg',
          quality: 60,
          clip: { x: 0, y: 0, width, height, scale: THUMBNAIL_WIDTH / width },
        }),
        new Promise<null>((resolve) => setTimeout(() => resolve(null), CAPTURE_TIMEOUT_MS).unref()),
      ]);
      if (shot?.data) sink.show(applicationId, `data:image/jpeg;base64,${shot.data}`);
    } catch {
      // The page navigated or closed mid-capture: the next tick takes the new one.
    }
  };
  let busy = false;
  const capture = () => {
    if (busy || stopped) return inFlight;
    busy = true;
    inFlight = take().finally(() => {
      busy = false;
    });
    return inFlight;
  };
  const timer = setInterval(() => void capture(), everyMs);
  void capture();
  /** Stops, after one last picture (the page as the application ends), so even a run shorter than a tick is seen. */
  return async (): Promise<void> => {
    clearInterval(timer);
    await inFlight;
    if (!stopped) await capture();
    stopped = true;
    await cdp.then((s) => s.detach()).catch(() => {});
  };
}
