// STAND-IN for the `electron` module (the Electron binary cannot be downloaded on these machines):
// the vitest config aliases `electron` to this file, so the real main-process code runs against
// it unchanged. It is the outermost boundary only: each API does what Electron documents, and
// records what the app asked of it for the tests to assert.
// - BrowserWindow: a real Chromium page (Playwright). The app's `app://` scheme is served by the
//   handler the app registered with `protocol.handle`, through a loopback HTTP origin that stands
//   for `app://jobswipe`. The real built preload runs in the page before the renderer, with
//   `require('electron')` giving a renderer-side stand-in whose `ipcRenderer.invoke` reaches the
//   app's real `ipcMain` handlers (over a Playwright binding) and whose `contextBridge` defines
//   the API on the page's window. What it cannot give: a separate isolated world for the preload.
//   Navigations and `window.open` are put to the app's `will-navigate` listeners and window-open
//   handler, and blocked when the app says so, as Electron does.
// - utilityProcess: a Node child process (tsx loads the TypeScript) with `process.parentPort`.
// - safeStorage: AES-256-GCM with a key only this process holds (the keychain's part).
// - Tray, Menu, Notification, shell, nativeImage: recorded.
import { type ChildProcess, fork } from 'node:child_process';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';

const PARENT_PORT = fileURLToPath(new URL('./utility-parent-port.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

interface Preventable {
  defaultPrevented: boolean;
  preventDefault(): void;
}

function preventable(): Preventable {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

type Handler = (event: unknown, ...args: unknown[]) => unknown;
type OpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export interface MenuItemRecord {
  id?: string;
  label?: string;
  type?: string;
  enabled?: boolean;
  click?: () => void;
}

// ---- app ------------------------------------------------------------------------------------

class StandInApp extends EventEmitter {
  isPackaged = false;

  requestSingleInstanceLock(): boolean {
    return standIn.lockAvailable;
  }

  whenReady(): Promise<void> {
    standIn.ready = true;
    return Promise.resolve();
  }

  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`stand-in: getPath(${name}) is not provided`);
    if (!standIn.userData) throw new Error('stand-in: set standIn.userData first');
    return standIn.userData;
  }

  getVersion(): string {
    return '0.1.0';
  }

  setAsDefaultProtocolClient(scheme: string): boolean {
    standIn.protocolClients.push(scheme);
    return true;
  }

  setLoginItemSettings(settings: { openAtLogin: boolean }): void {
    standIn.loginItem = settings;
  }

  /** As Electron: `before-quit` may prevent it; otherwise the app quits. */
  quit(): void {
    const event = preventable();
    this.emit('before-quit', event);
    if (event.defaultPrevented) return;
    this.emit('will-quit', preventable());
    standIn.quitCalls += 1;
    standIn.resolveQuit();
  }

  exit(code = 0): void {
    standIn.exitCode = code;
    standIn.resolveQuit();
  }
}

// ---- windows --------------------------------------------------------------------------------

let nextId = 1;

class StandInWebContents extends EventEmitter {
  readonly id = nextId++;
  page: Page | null = null;
  windowOpenHandler: OpenHandler | null = null;
  /** True while the app's own loadURL navigates (Electron emits no will-navigate for it). */
  loading = false;
  destroyed = false;
  readonly session = {
    setPermissionRequestHandler: (handler: unknown) => {
      standIn.permissionRequestHandlers.push(handler as StandIn['permissionRequestHandlers'][number]);
    },
    setPermissionCheckHandler: (handler: unknown) => {
      standIn.permissionCheckHandlers.push(handler as StandIn['permissionCheckHandlers'][number]);
    },
  };

  setWindowOpenHandler(handler: OpenHandler): void {
    this.windowOpenHandler = handler;
  }

  send(channel: string, ...args: unknown[]): void {
    standIn.sent.push({ channel, args });
    const page = this.page;
    if (!page || page.isClosed()) return;
    page
      .evaluate(([c, a]) => (window as unknown as StandInWindow).__standInPush?.(c, a), [channel, args] as const)
      .catch(() => {});
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  getURL(): string {
    return this.page ? toApp(this.page.url()) : '';
  }
}

interface StandInWindow {
  __standInPush?: (channel: string, args: unknown[]) => void;
}

class StandInBrowserWindow extends EventEmitter {
  readonly webContents = new StandInWebContents();
  private visible = false;
  private destroyed = false;

  constructor(readonly options: Record<string, unknown>) {
    super();
    standIn.windows.push(this);
    standIn.windowOptions.push(options);
    standIn.app.emit('web-contents-created', preventable(), this.webContents);
  }

  async loadURL(url: string): Promise<void> {
    standIn.loadedUrls.push(url);
    if (!standIn.browser) return;
    const page = await standIn.openPage(this);
    this.webContents.loading = true;
    try {
      await page.goto(toHttp(url));
    } finally {
      this.webContents.loading = false;
    }
  }

  show(): void {
    this.visible = true;
    this.emit('show');
  }

  hide(): void {
    this.visible = false;
    this.emit('hide');
  }

  focus(): void {
    this.emit('focus');
  }

  isVisible(): boolean {
    return this.visible;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  close(): void {
    const event = preventable();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

// ---- the app:// scheme over loopback --------------------------------------------------------

function toHttp(url: string): string {
  if (!url.startsWith('app://jobswipe')) return url;
  return `${standIn.origin}${url.slice('app://jobswipe'.length)}`;
}

function toApp(url: string): string {
  return standIn.origin && url.startsWith(standIn.origin) ? `app://jobswipe${url.slice(standIn.origin.length)}` : url;
}

/** The renderer-side `electron` module the preload gets: contextBridge and ipcRenderer. */
const RENDERER_STAND_IN = `(() => {
  const listeners = new Map();
  window.__standInPush = (channel, args) => {
    for (const listener of listeners.get(channel) ?? []) listener({}, ...args);
  };
  const invoke = window.__standInInvoke;
  window.__electronRendererStandIn = {
    contextBridge: {
      exposeInMainWorld(key, api) {
        Object.defineProperty(window, key, { value: Object.freeze({ ...api }), enumerable: true });
      },
    },
    ipcRenderer: {
      invoke: (channel, ...args) => invoke(channel, args),
      on(channel, listener) {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel).add(listener);
      },
      removeListener(channel, listener) {
        listeners.get(channel)?.delete(listener);
      },
    },
  };
})();`;

function preloadScript(preloadPath: string): string {
  const source = readFileSync(preloadPath, 'utf8');
  return `if (window.top === window) {
${RENDERER_STAND_IN}
(function () {
  const require = (name) => {
    if (name === 'electron') return window.__electronRendererStandIn;
    throw new Error('a sandboxed preload cannot require ' + name);
  };
  const module = { exports: {} };
  const exports = module.exports;
${source}
})();
delete window.__electronRendererStandIn;
}`;
}

// ---- utility processes ----------------------------------------------------------------------

class StandInUtilityProcess extends EventEmitter {
  readonly output: string[] = [];
  private readonly child: ChildProcess;

  constructor(modulePath: string, args: string[], options: { env?: NodeJS.ProcessEnv }) {
    super();
    this.child = fork(modulePath, args, {
      cwd: REPO_ROOT,
      execArgv: ['--import', 'tsx', '--import', PARENT_PORT],
      env: { ...process.env, ...standIn.utilityEnv, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    for (const stream of [this.child.stdout, this.child.stderr]) {
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => this.output.push(chunk));
    }
    this.child.on('message', (message) => this.emit('message', message));
    this.child.on('spawn', () => this.emit('spawn'));
    this.child.on('exit', (code, signal) => {
      this.exitCode = code ?? (signal ? 1 : 0);
      this.emit('exit', this.exitCode);
    });
  }

  exitCode: number | null = null;

  get pid(): number | undefined {
    return this.child.pid;
  }

  postMessage(message: unknown): void {
    if (this.child.connected) this.child.send(message as object);
  }

  kill(): boolean {
    return this.child.kill('SIGKILL');
  }

  get transcript(): string {
    return this.output.join('');
  }
}

// ---- tray, menus, notifications -------------------------------------------------------------

class StandInTray extends EventEmitter {
  tooltip = '';
  menu: MenuItemRecord[] = [];
  destroyed = false;

  constructor(readonly image: { path: string; isEmpty(): boolean }) {
    super();
    standIn.trays.push(this);
  }

  setToolTip(text: string): void {
    this.tooltip = text;
  }

  setContextMenu(menu: { items: MenuItemRecord[] }): void {
    this.menu = menu.items;
  }

  destroy(): void {
    this.destroyed = true;
  }

  /** Clicks the menu item with this id, as the user would. */
  click(id: string): void {
    const item = this.menu.find((i) => i.id === id);
    if (!item?.click || item.enabled === false) {
      throw new Error(`stand-in: no enabled tray item "${id}" in ${JSON.stringify(this.menu.map((i) => i.id))}`);
    }
    item.click();
  }
}

class StandInNotification extends EventEmitter {
  static isSupported(): boolean {
    return true;
  }

  constructor(readonly options: { title: string; body: string }) {
    super();
  }

  show(): void {
    standIn.notifications.push({ title: this.options.title, body: this.options.body });
  }
}

// ---- the control surface for tests ----------------------------------------------------------

class StandIn {
  readonly app = new StandInApp();
  lockAvailable = true;
  ready = false;
  userData: string | null = null;
  /** Added to every utility process's environment (e.g. which Chromium the agent finds). */
  utilityEnv: NodeJS.ProcessEnv = {};
  browser: Browser | null = null;
  origin = '';
  windows: StandInBrowserWindow[] = [];
  /** The options of every window any app process created, restarts included. */
  windowOptions: Array<Record<string, unknown>> = [];
  trays: StandInTray[] = [];
  loadedUrls: string[] = [];
  notifications: Array<{ title: string; body: string }> = [];
  sent: Array<{ channel: string; args: unknown[] }> = [];
  protocolClients: string[] = [];
  privilegedSchemes: unknown[] = [];
  protocolHandlers = new Map<string, (request: Request) => Promise<Response> | Response>();
  ipcHandlers = new Map<string, Handler>();
  utilityProcesses: StandInUtilityProcess[] = [];
  opened: string[] = [];
  /** Navigations and new windows the app refused, as the page attempted them. */
  blocked: Array<{ kind: 'navigation' | 'window'; url: string }> = [];
  permissionRequestHandlers: Array<(wc: unknown, permission: string, callback: (granted: boolean) => void) => void> =
    [];
  permissionCheckHandlers: Array<(...args: unknown[]) => boolean> = [];
  loginItem: { openAtLogin: boolean } | null = null;
  quitCalls = 0;
  exitCode: number | null = null;
  readonly key = randomBytes(32);
  keychainAvailable = true;
  private server: Server | null = null;
  private context: BrowserContext | null = null;
  private quitWaiter: () => void = () => {};
  /** Resolves when the app quit (or exited). */
  quitted: Promise<void> = this.newQuitPromise();

  private newQuitPromise(): Promise<void> {
    return new Promise((resolve) => {
      this.quitWaiter = resolve;
    });
  }

  resolveQuit(): void {
    this.quitWaiter();
  }

  get tray(): StandInTray {
    const tray = this.trays.at(-1);
    if (!tray) throw new Error('stand-in: the app made no tray');
    return tray;
  }

  get window(): StandInBrowserWindow {
    const window = this.windows.at(-1);
    if (!window) throw new Error('stand-in: the app opened no window');
    return window;
  }

  /** Calls an `ipcMain.handle` handler as a page at `url` would. */
  invoke(channel: string, payload: unknown, url = 'app://jobswipe/index.html'): Promise<unknown> {
    const handler = this.ipcHandlers.get(channel);
    if (!handler) return Promise.reject(new Error(`stand-in: no handler for ${channel}`));
    return Promise.resolve().then(() =>
      handler({ sender: this.windows[0]?.webContents, senderFrame: { url } }, payload),
    );
  }

  /** The page a window shows, with the app's scheme, preload and locks wired in. */
  async openPage(window: StandInBrowserWindow): Promise<Page> {
    const browser = this.browser;
    if (!browser) throw new Error('stand-in: no browser');
    await this.serveAppScheme();
    if (!this.context) {
      this.context = await browser.newContext({ viewport: { width: 1000, height: 720 } });
      await this.context.exposeBinding('__standInInvoke', ({ page }, channel: string, args: unknown[]) => {
        const handler = this.ipcHandlers.get(channel);
        if (!handler) throw new Error(`No handler registered for '${channel}'`);
        const sender = this.windows.find((w) => w.webContents.page === page)?.webContents;
        return handler({ sender, senderFrame: { url: toApp(page.url()) } }, ...args);
      });
      await this.context.route('**/*', (route) => this.route(route));
      this.context.on('page', () => {
        if (this.closeUnowned) void this.closeUnownedPages();
      });
    }
    const preload = (window.options.webPreferences as { preload?: string } | undefined)?.preload;
    this.creating = true;
    const page = await this.context.newPage().finally(() => {
      this.creating = false;
    });
    if (preload) await page.addInitScript({ content: preloadScript(preload) });
    window.webContents.page = page;
    return page;
  }

  private async route(route: Route): Promise<void> {
    const request = route.request();
    if (request.isNavigationRequest()) {
      const url = toApp(request.url());
      let page: Page | null = null;
      try {
        page = request.frame().page();
      } catch {
        // No frame yet: the first navigation of a window the page opened (window.open).
      }
      if (!page) return this.windowOpen(route, url);
      const owner = this.windows.find((w) => w.webContents.page === page);
      if (owner && request.frame() === page.mainFrame() && !owner.webContents.loading) {
        const event = preventable();
        owner.webContents.emit('will-navigate', event, url);
        if (event.defaultPrevented) {
          this.blocked.push({ kind: 'navigation', url });
          // As a prevented will-navigate does: the navigation is cancelled, the page stays.
          return route.abort('aborted');
        }
      }
    }
    if (!request.url().startsWith(this.origin)) return route.abort('blockedbyclient');
    return route.continue();
  }

  /** Asks the focused window's window-open handler, as Electron does before opening anything. */
  private async windowOpen(route: Route, url: string): Promise<void> {
    const opener = this.windows.find((w) => !w.isDestroyed())?.webContents;
    const decision = opener?.windowOpenHandler?.({ url }) ?? { action: 'allow' };
    if (decision.action === 'allow') return route.continue();
    this.blocked.push({ kind: 'window', url });
    this.closeUnowned = true;
    await route.abort('aborted');
    await this.closeUnownedPages();
  }

  private closeUnowned = false;

  private async closeUnownedPages(): Promise<void> {
    for (const page of this.context?.pages() ?? []) {
      if (!this.windows.some((w) => w.webContents.page === page) && !this.creating) await page.close();
    }
  }

  /** True while a window's own page is being created (it is not a popup). */
  private creating = false;

  private async serveAppScheme(): Promise<void> {
    if (this.server) return;
    const server = createServer((req, res) => {
      const handler = this.protocolHandlers.get('app');
      if (!handler) {
        res.writeHead(404).end();
        return;
      }
      void Promise.resolve(handler(new Request(`app://jobswipe${req.url ?? '/'}`))).then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /**
   * The app process started again: what Electron kept for the old one (handlers, listeners,
   * windows, the tray) is gone; the keychain (safeStorage's key) and the user's files stay.
   */
  async restart(): Promise<void> {
    for (const window of this.windows) await window.webContents.page?.close();
    this.app.removeAllListeners();
    this.ipcHandlers.clear();
    this.protocolHandlers.clear();
    this.windows = [];
    this.trays = [];
    this.ready = false;
    this.quitCalls = 0;
    this.quitted = this.newQuitPromise();
  }

  /** Kills what the stand-in started: utility processes, pages, the loopback server. */
  async close(): Promise<void> {
    for (const child of this.utilityProcesses) if (child.exitCode === null) child.kill();
    await this.context?.close().catch(() => {});
    this.context = null;
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }
}

export const standIn = new StandIn();

// ---- the module's exports, as Electron names them --------------------------------------------

export const app = standIn.app;
export const BrowserWindow = StandInBrowserWindow;
export const Tray = StandInTray;
export const Notification = StandInNotification;

export const Menu = {
  buildFromTemplate: (items: MenuItemRecord[]) => ({ items }),
};

export const nativeImage = {
  createFromPath: (path: string) => ({ path, isEmpty: () => !existsSync(path) }),
};

export const shell = {
  openExternal: async (url: string) => {
    standIn.opened.push(url);
  },
};

export const ipcMain = {
  handle(channel: string, handler: Handler): void {
    if (standIn.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    standIn.ipcHandlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    standIn.ipcHandlers.delete(channel);
  },
};

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    if (standIn.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    standIn.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response): void {
    standIn.protocolHandlers.set(scheme, handler);
  },
};

export const utilityProcess = {
  fork(modulePath: string, args: string[] = [], options: { env?: NodeJS.ProcessEnv } = {}) {
    const child = new StandInUtilityProcess(modulePath, args, options);
    standIn.utilityProcesses.push(child);
    return child;
  },
};

export const safeStorage = {
  isEncryptionAvailable: () => standIn.keychainAvailable,
  getSelectedStorageBackend: () => (standIn.keychainAvailable ? 'gnome_libsecret' : 'basic_text'),
  encryptString(text: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', standIn.key, iv);
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  },
  decryptString(sealed: Buffer): string {
    const decipher = createDecipheriv('aes-256-gcm', standIn.key, sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
  },
};

export default {
  app,
  BrowserWindow,
  Tray,
  Notification,
  Menu,
  nativeImage,
  shell,
  ipcMain,
  protocol,
  utilityProcess,
  safeStorage,
};

/** What every window's webPreferences must say (Electron's security checklist), for the tests to assert. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
} as const;
