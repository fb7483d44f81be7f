// Every window the app opens comes from here, with Electron's security checklist applied: an
// isolated, sandboxed renderer without Node, the preload as the only bridge, content only from
// the app's own scheme (strict CSP), navigation and new windows refused, no permissions granted.
import { BrowserWindow, type BrowserWindowConstructorOptions, shell, type WebContents } from 'electron';

/** The renderer's origin: files of the built renderer, served by `app-protocol.ts`. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://jobswipe`;
export const APP_URL = `${APP_ORIGIN}/index.html`;

/** No inline script, nothing from the network: the window talks to main through the preload only. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function appWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 1000,
    height: 720,
    minWidth: 560,
    minHeight: 480,
    show: false,
    title: 'JobSwipe',
    autoHideMenuBar: true,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  };
}

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** Links the user may follow out of the app open in their own browser; only https ones. */
function openOutside(url: string): void {
  if (url.startsWith('https://')) void shell.openExternal(url);
}

/**
 * Locks one web contents to the app: navigation elsewhere is prevented, new windows are denied
 * (https links go to the user's browser), webviews refused. Applied to every web contents main
 * sees created, so none escapes it. `onBlocked` is told each refusal (logged for support).
 */
export function lockToApp(contents: WebContents, onBlocked: (what: string, url: string) => void): void {
  const refuse = (what: string) => (event: { preventDefault(): void }, url: string) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    onBlocked(what, url);
  };
  contents.on('will-navigate', refuse('navigation'));
  contents.on('will-redirect', refuse('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    onBlocked('webview', '');
  });
  contents.setWindowOpenHandler(({ url }) => {
    onBlocked('new window', url);
    openOutside(url);
    return { action: 'deny' };
  });
}

export function createAppWindow(preload: string): BrowserWindow {
  const window = new BrowserWindow(appWindowOptions(preload));
  // Permissions (camera, notifications from the page, ...): the window needs none.
  window.webContents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  window.webContents.session.setPermissionCheckHandler(() => false);
  return window;
}
