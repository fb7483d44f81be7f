// The desktop app's main process: one instance per user, a tray icon, one window, and the agent
// in a utility process. It owns what the user sees (the state pushed to the window and the
// tray), the device token (safeStorage) and the settings, and on quit it waits for the agent to
// hand back what it holds before the app exits.
import { appendFile, mkdir, rename, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { type ApplicationSummary, HELD_STATUSES } from '@jobswipe/protocol';
import { PAIR_LINK_SCHEME } from '@jobswipe/protocol/pair-link';
import { app, type BrowserWindow, Notification, protocol } from 'electron';
import { bundledChromium } from '../agent/bundled-chromium.ts';
import { DeviceApi } from '../agent/device-api.ts';
import { pairDevice, serverUrl } from '../agent/pairing.ts';
import type { DeviceCredentials } from '../agent/token-store.ts';
import type { EndedMessage, HostMessage, HostStatus } from '../shared/host-messages.ts';
import {
  type AnswerRequest,
  type DesktopState,
  type EvidenceRequest,
  type LogEntry,
  type NeedsYouItem,
  type PairRequest,
  PUSH,
  type QueuedApplication,
  type ResultEvidence,
  type Settings,
  type TrayStatus,
} from '../shared/ipc.ts';
import { AgentHostProcess } from './agent-host-process.ts';
import { rendererFiles } from './app-protocol.ts';
import { AppTray } from './app-tray.ts';
import { APP_SCHEME, APP_URL, createAppWindow, lockToApp } from './app-window.ts';
import { type PairLink, pairLinkInArgs, parsePairLink } from './deep-link.ts';
import { registerIpc } from './ipc-handlers.ts';
import { Pace, startTimes } from './pace.ts';
import { SafeStorageTokenStore } from './safe-token-store.ts';
import { SettingsStore } from './settings-store.ts';
import { TodayResults } from './today-results.ts';

export interface DesktopAppOptions {
  /** The built renderer (index.html and its assets). */
  rendererDir: string;
  /** The built preload script. */
  preloadPath: string;
  /** The agent host's entry module, forked as a utility process. */
  agentHostModule: string;
  iconPath: string;
  version: string;
  /** The JobSwipe server a pairing link or code goes to when it names none. */
  defaultServer: string;
  /** The app's resources folder (Electron's process.resourcesPath), where a bundled Chromium sits. */
  resourcesDir?: string;
}

const LOG_LINES = 500;
/** How often the queue and the questions are fetched again (also after each change here). */
const REFRESH_MS = 30_000;
/** Ends of an application that say nothing of how long one takes here (handed back, taken away). */
const UNTIMED = new Set(['QUEUED', 'TAKEN_AWAY']);
/** Evidence shown in the window: the screenshots (a saved page stays on the web). */
const SHOWN_EVIDENCE = /^image\/(png|jpeg)$/;
const LOG_FILE_MAX = 5 * 1024 * 1024;
/** Settings the running agent was started with; a change restarts it once nothing runs. */
const AGENT_SETTINGS = ['capacity', 'quietHours', 'browser', 'browserPath', 'headful'] as const;

export class DesktopApp {
  private window: BrowserWindow | null = null;
  private tray: AppTray | null = null;
  private readonly host: AgentHostProcess;
  private readonly tokens: SafeStorageTokenStore;
  private readonly settingsStore: SettingsStore;
  private readonly pace: Pace;
  /** The latest live thumbnail of each application running here (memory only). */
  private readonly thumbnails = new Map<string, string>();
  private readonly logFile: string;
  private readonly agentDir: string;
  /** The Chromium packaged with the app, if this build has one. */
  private readonly bundledChromium: string | null;
  private credentials: DeviceCredentials | null = null;
  private settings!: Settings;
  private hostStatus: HostStatus | null = null;
  private readonly today: TodayResults;
  private pairingOffer: DesktopState['pairingOffer'] = null;
  private problem: string | null = null;
  private paused = false;
  private queue: QueuedApplication[] = [];
  private queueTotal = 0;
  private needsYou: NeedsYouItem[] = [];
  /** Applications the user was already notified about needing them. */
  private readonly notifiedNeedsYou = new Set<string>();
  private refreshTimer: ReturnType<typeof setInterval> | null = null;
  private refreshing: Promise<void> | null = null;
  private readonly logLines: LogEntry[] = [];
  /** The agent should be restarted (new settings or credentials) as soon as nothing runs. */
  private restartWanted = false;
  /** The host is being stopped on purpose (a restart or quit), not crashing. */
  private stoppingHost = false;
  private quitting: 'no' | 'stopping' | 'done' = 'no';

  private constructor(private readonly options: DesktopAppOptions) {
    const data = app.getPath('userData');
    this.tokens = new SafeStorageTokenStore(join(data, 'device-token.bin'));
    this.settingsStore = new SettingsStore(join(data, 'settings.json'));
    this.pace = new Pace(join(data, 'pace.json'));
    this.today = new TodayResults(join(data, 'today.json'));
    this.logFile = join(data, 'logs', 'agent.log');
    this.agentDir = join(data, 'agent');
    this.bundledChromium = bundledChromium(options.resourcesDir);
    this.host = new AgentHostProcess(
      options.agentHostModule,
      (message) => this.onHostMessage(message),
      (code) => this.onHostExit(code),
    );
  }

  /** Starts the app; null when another instance already runs (it gets this one's deep link). */
  static async start(options: DesktopAppOptions): Promise<DesktopApp | null> {
    if (!app.requestSingleInstanceLock()) {
      app.quit();
      return null;
    }
    // Before `ready`: the renderer's scheme behaves like https (standard, secure, fetch allowed).
    protocol.registerSchemesAsPrivileged([
      { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    app.setAsDefaultProtocolClient(PAIR_LINK_SCHEME);
    const desktop = new DesktopApp(options);
    desktop.listen();
    await app.whenReady();
    await desktop.ready();
    return desktop;
  }

  private listen(): void {
    app.on('second-instance', (_event, argv) => this.openFrom(pairLinkInArgs(argv)));
    // macOS delivers deep links as an event, also to a running app.
    app.on('open-url', (event, url) => {
      event.preventDefault();
      this.openFrom(parsePairLink(url));
    });
    app.on('web-contents-created', (_event, contents) =>
      lockToApp(contents, (what, url) => this.addLog('warn', `blocked ${what} to another origin`, url)),
    );
    // The app lives in the tray: closing the window does not quit it.
    app.on('window-all-closed', () => {});
    app.on('before-quit', (event) => {
      if (this.quitting === 'done') return;
      event.preventDefault();
      void this.quit();
    });
  }

  private async ready(): Promise<void> {
    protocol.handle(APP_SCHEME, rendererFiles(this.options.rendererDir));
    registerIpc({
      state: () => this.state(),
      log: () => [...this.logLines],
      pair: (request) => this.pair(request),
      setPaused: (paused) => this.setPaused(paused),
      saveSettings: (settings) => this.saveSettings(settings),
      answer: (request) => this.answer(request),
      evidence: (request) => this.evidence(request),
    });
    this.settings = await this.settingsStore.load();
    await Promise.all([this.pace.load(), this.today.load()]);
    try {
      this.credentials = await this.tokens.load();
    } catch (err) {
      this.problem = (err as Error).message;
    }
    this.tray = new AppTray(this.options.iconPath, {
      open: () => this.showWindow(),
      setPaused: (paused) => this.setPaused(paused),
      quit: () => app.quit(),
    });
    this.window = createAppWindow(this.options.preloadPath);
    this.window.on('close', (event) => {
      if (this.quitting !== 'done') {
        event.preventDefault();
        this.window?.hide();
      }
    });
    this.window.on('focus', () => void this.refresh());
    // Live thumbnails only while someone can see them.
    this.window.on('show', () => this.host.send({ type: 'thumbnails', wanted: true }));
    this.window.on('hide', () => this.host.send({ type: 'thumbnails', wanted: false }));
    this.refreshTimer = setInterval(() => void this.refresh(), REFRESH_MS);
    await this.window.loadURL(APP_URL);
    const link = pairLinkInArgs(process.argv);
    if (link || !this.credentials) this.openFrom(link);
    if (this.credentials) this.startAgent();
    this.publish();
  }

  state(): DesktopState {
    const host = this.hostStatus;
    const [status, summary] = this.summary();
    return {
      status,
      summary,
      paired: this.credentials
        ? { server: this.credentials.server, device: this.credentials.name, deviceId: this.credentials.deviceId }
        : null,
      pairingOffer: this.pairingOffer,
      problem: this.problem,
      paused: this.paused,
      connection: host?.connection ?? 'not-started',
      running: (host?.running ?? []).map((r) => ({ ...r, thumbnail: this.thumbnails.get(r.applicationId) ?? null })),
      today: this.today.list,
      queue: this.queue,
      queueTotal: this.queueTotal,
      paceMs: this.pace.perApplicationMs,
      needsYou: this.needsYou,
      settings: this.settings,
      bundledChromium: this.bundledChromium !== null,
      offers: host?.offers ?? 0,
    };
  }

  private summary(): [TrayStatus, string] {
    const host = this.hostStatus;
    if (!this.credentials) return ['not-paired', 'Not paired: open JobSwipe to pair this computer'];
    if (this.problem) return ['needs-you', `Needs you: ${this.problem}`];
    if (this.needsYou.length > 0) {
      const n = this.needsYou.length;
      return ['needs-you', `Needs you: ${n} application${n === 1 ? ' waits' : 's wait'} for your answer`];
    }
    if (this.paused) return ['paused', 'Paused: no new applications'];
    if (host?.connection !== 'connected') return ['offline', `Offline: connecting to ${this.credentials.server}`];
    const current = host.running[0];
    if (current) {
      return ['applying', `Applying to ${current.title} at ${current.company} (${current.step}, ${current.percent}%)`];
    }
    return ['idle', 'Idle: waiting for your next right-swipe'];
  }

  private publish(): void {
    const state = this.state();
    this.tray?.update(state);
    if (this.window && !this.window.isDestroyed()) this.window.webContents.send(PUSH.state, state);
  }

  private showWindow(): void {
    if (!this.window || this.window.isDestroyed()) return;
    this.window.show();
    this.window.focus();
  }

  private openFrom(link: PairLink | null): void {
    if (link)
      this.pairingOffer = {
        code: link.code,
        server: link.server ?? this.credentials?.server ?? this.options.defaultServer,
      };
    this.showWindow();
    this.publish();
  }

  private async pair(request: PairRequest): Promise<DesktopState> {
    let server: string;
    try {
      server = serverUrl(request.server);
      this.credentials = await pairDevice({
        server,
        code: request.code,
        name: hostname(),
        version: this.options.version,
        store: this.tokens,
      });
    } catch (err) {
      this.problem = (err as Error).message;
      this.publish();
      throw err;
    }
    this.pairingOffer = null;
    this.problem = null;
    this.addLog('info', `paired with ${server} as "${this.credentials.name}"`);
    await this.restartAgent();
    await this.refresh();
    return this.state();
  }

  private async answer(request: AnswerRequest): Promise<DesktopState> {
    if (!this.credentials) throw new Error('Pair this computer first.');
    await new DeviceApi(this.credentials).answer(request.applicationId, { answers: request.answers });
    this.addLog('info', 'answers sent; the application is queued again', request.applicationId);
    await this.refresh();
    return this.state();
  }

  /** A result's confirmation, model answers and screenshots, through the evidence API the web uses. */
  private async evidence(request: EvidenceRequest): Promise<ResultEvidence> {
    if (!this.credentials) throw new Error('Pair this computer first.');
    const api = new DeviceApi(this.credentials);
    const detail = await api.application(request.applicationId);
    const screenshots = await Promise.all(
      detail.evidence
        .filter((e) => SHOWN_EVIDENCE.test(e.mime))
        .map(async (e) => {
          const file = await api.evidence(e.url);
          return {
            id: e.id,
            kind: e.kind,
            attempt: e.attempt,
            image: `data:${e.mime};base64,${file.bytes.toString('base64')}`,
          };
        }),
    );
    return {
      applicationId: detail.id,
      confirmation: detail.confirmation,
      modelAnswers: detail.filled.filter((f) => f.source === 'ai').map(({ field, value }) => ({ field, value })),
      screenshots,
    };
  }

  /** The queue and the questions from the device API; a failure is logged (offline is shown already). */
  private refresh(): Promise<void> {
    const credentials = this.credentials;
    if (!credentials || this.quitting !== 'no') return Promise.resolve();
    this.refreshing ??= (async () => {
      try {
        const api = new DeviceApi(credentials);
        const [queue, questions] = await Promise.all([api.queue(), api.questions()]);
        this.queue = this.withEtas(queue.items);
        this.queueTotal = queue.total;
        this.needsYou = questions.items.map((a) => ({
          applicationId: a.id,
          company: a.job.company,
          title: a.job.title,
          reason: a.lastError,
          questions: a.attention ?? [],
        }));
        for (const item of this.needsYou) {
          if (this.notifiedNeedsYou.has(item.applicationId)) continue;
          this.notifiedNeedsYou.add(item.applicationId);
          this.notify(
            'JobSwipe needs you',
            `${item.title} at ${item.company} needs an answer from you before it can be sent.`,
          );
        }
      } catch (err) {
        this.addLog('warn', 'could not load the queue and questions', (err as Error).message);
      } finally {
        this.refreshing = null;
      }
      this.publish();
    })();
    return this.refreshing;
  }

  /**
   * About when each of the device lane's waiting applications starts here, from this computer's
   * measured pace; none while paused or before one application has run here, and none for those
   * held now or on the server lane.
   */
  private withEtas(items: ApplicationSummary[]): QueuedApplication[] {
    const paceMs = this.pace.perApplicationMs;
    const waits = (a: ApplicationSummary) =>
      a.lane === 'device' && !(HELD_STATUSES as readonly string[]).includes(a.status);
    const waiting = items.filter(waits);
    const starts =
      paceMs && !this.paused ? startTimes(waiting, this.hostStatus?.running ?? [], this.settings.capacity, paceMs) : [];
    const startOf = new Map(waiting.map((a, i) => [a.id, starts[i]]));
    return items.map((a) => {
      const start = startOf.get(a.id);
      return {
        applicationId: a.id,
        company: a.job.company,
        title: a.job.title,
        status: a.status,
        lane: a.lane,
        etaAt: start === undefined ? null : new Date(start).toISOString(),
      };
    });
  }

  private setPaused(paused: boolean): DesktopState {
    this.paused = paused;
    this.host.send({ type: paused ? 'pause' : 'resume' });
    void this.refresh();
    this.addLog('info', paused ? 'paused by the user' : 'resumed by the user');
    this.publish();
    return this.state();
  }

  private async saveSettings(settings: Settings): Promise<DesktopState> {
    const before = this.settings;
    await this.settingsStore.save(settings);
    this.settings = settings;
    if (settings.launchAtLogin !== before.launchAtLogin)
      app.setLoginItemSettings({ openAtLogin: settings.launchAtLogin });
    if (AGENT_SETTINGS.some((key) => settings[key] !== before[key]) && this.credentials) {
      this.restartWanted = true;
      await this.restartWhenIdle();
    }
    this.publish();
    return this.state();
  }

  private startAgent(): void {
    if (!this.credentials || this.quitting !== 'no') return;
    this.problem = null;
    this.host.start({
      type: 'start',
      credentials: this.credentials,
      settings: this.settings,
      agentDir: this.agentDir,
      bundledChromium: this.bundledChromium,
      version: this.options.version,
      paused: this.paused,
      thumbnails: Boolean(this.window?.isVisible()),
    });
  }

  private async restartAgent(): Promise<void> {
    this.restartWanted = false;
    this.stoppingHost = true;
    await this.host.stop();
    this.stoppingHost = false;
    this.startAgent();
    this.publish();
  }

  /** Restarts the agent for new settings, but never under a running application. */
  private async restartWhenIdle(): Promise<void> {
    if (this.restartWanted && (this.hostStatus?.running.length ?? 0) === 0) await this.restartAgent();
  }

  private onHostMessage(message: HostMessage): void {
    switch (message.type) {
      case 'status': {
        const connectedNow = message.status.connection === 'connected' && this.hostStatus?.connection !== 'connected';
        this.hostStatus = message.status;
        for (const id of this.thumbnails.keys())
          if (!message.status.running.some((r) => r.applicationId === id)) this.thumbnails.delete(id);
        if (connectedNow) void this.refresh();
        void this.restartWhenIdle();
        break;
      }
      case 'log':
        this.pushLog(message.record);
        return;
      case 'ended':
        this.ended(message.application);
        void this.refresh();
        break;
      case 'thumbnail':
        if (!this.hostStatus?.running.some((r) => r.applicationId === message.applicationId)) return;
        this.thumbnails.set(message.applicationId, message.dataUrl);
        break;
      case 'failed':
        this.problem = message.message;
        this.addLog('error', message.message);
        break;
      case 'refused':
        this.problem = `The server refused this device (${message.message}). Pair it again.`;
        this.credentials = null;
        break;
      case 'stopped':
        break;
    }
    this.publish();
  }

  private onHostExit(code: number): void {
    this.hostStatus = null;
    if (!this.stoppingHost && this.quitting === 'no' && code !== 0) {
      this.addLog('error', `the agent stopped unexpectedly (exit code ${code}); starting it again`);
      this.startAgent();
    }
    this.publish();
  }

  private ended(result: EndedMessage): void {
    this.thumbnails.delete(result.applicationId);
    if (result.startedAt && !UNTIMED.has(result.status))
      void this.pace.record(Date.parse(result.at) - Date.parse(result.startedAt));
    void this.today.add(result);
    const job = `${result.title} at ${result.company}`;
    if (result.status === 'SUBMITTED') this.notify('Application submitted', job);
    else if (result.errorClass === 'blocked') {
      this.notify(
        'Application blocked',
        `${job}: the site stopped it (a CAPTCHA or a block). Open JobSwipe to see what to do.`,
      );
    } else if (result.status === 'NEEDS_ATTENTION' && !this.notifiedNeedsYou.has(result.applicationId)) {
      this.notifiedNeedsYou.add(result.applicationId);
      this.notify('JobSwipe needs you', `${job} needs an answer from you before it can be sent.`);
    }
  }

  private notify(title: string, body: string): void {
    if (!Notification.isSupported()) return;
    const notification = new Notification({ title, body });
    notification.on('click', () => this.showWindow());
    notification.show();
  }

  private addLog(level: LogEntry['level'], msg: string, detail?: string): void {
    this.pushLog({ time: new Date().toISOString(), level, msg: detail ? `${msg}: ${detail}` : msg });
  }

  private pushLog(entry: LogEntry): void {
    this.logLines.push(entry);
    this.logLines.splice(0, Math.max(0, this.logLines.length - LOG_LINES));
    if (this.window && !this.window.isDestroyed()) this.window.webContents.send(PUSH.log, entry);
    void this.appendLogFile(entry);
  }

  /** The log for support: JSON lines in the app's data folder, one older file kept. */
  private async appendLogFile(entry: LogEntry): Promise<void> {
    try {
      await mkdir(join(this.logFile, '..'), { recursive: true });
      const size = await stat(this.logFile).then(
        (s) => s.size,
        () => 0,
      );
      if (size > LOG_FILE_MAX) await rename(this.logFile, `${this.logFile}.1`);
      await appendFile(this.logFile, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
    } catch {
      // The log file is a convenience; the window still shows every line.
    }
  }

  /** Hands back what the agent holds, then lets the app exit. */
  async quit(): Promise<void> {
    if (this.quitting !== 'no') return;
    this.quitting = 'stopping';
    this.addLog('info', 'quitting: handing back what this device holds');
    this.publish();
    this.stoppingHost = true;
    if (this.refreshTimer) clearInterval(this.refreshTimer);
    await this.host.stop();
    this.tray?.destroy();
    this.quitting = 'done';
    app.quit();
  }
}
