// This browser as one of the user's executors: the protocol's ExecutorClient over the service
// worker's WebSocket, its leases in chrome.storage.local (so a worker Chrome stopped tells the
// backend what it held when it wakes), its capacity from the user's settings (none while paused or,
// if the user chose so, while the screen is locked). While it holds work the client pings (and
// heartbeats) every 20 s at most, which keeps the worker alive; idle, it stays silent, Chrome may
// stop the worker, and the reconnect alarm starts it again.
import { type ClientEvent, ExecutorClient, type WebSocketLike } from '@jobswipe/protocol/executor-client';
import { browser } from 'wxt/browser';
import { applicationRunner } from './apply-in-tab.ts';
import { closeOrphanTabs } from './applying-window.ts';
import { type Credentials, credentialsItem, leasesItem, type Settings, settingsItem } from './stored.ts';

export interface ExecutorState {
  paired: { server: string; deviceId: string } | null;
  connected: boolean;
  capacity: number;
  running: Array<{ applicationId: string; step: string; percent: number; title: string }>;
  lastError: string | null;
}

function socketUrl(server: string): string {
  return `${server.replace(/^http/, 'ws')}/v1/devices/connect`;
}

export function capacityOf(settings: Settings, idle: string): number {
  if (settings.paused || (settings.pauseWhenLocked && idle === 'locked')) return 0;
  return settings.capacity;
}

export class BrowserExecutor {
  private client: ExecutorClient | null = null;
  private credentials: Credentials | null = null;
  private starting: Promise<void> | null = null;
  private idle = 'active';
  private lastError: string | null = null;
  private readonly titles = new Map<string, string>();

  /** Connects when paired and not connected yet; safe to call on every wake-up. */
  ensureStarted(): Promise<void> {
    this.starting ??= this.start().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  private async start(): Promise<void> {
    if (this.client) return;
    const credentials = await credentialsItem.getValue();
    if (!credentials) return;
    // A fresh worker runs nothing: tabs a stopped one left behind are half-filled forms to close.
    await closeOrphanTabs(new Set());
    this.credentials = credentials;
    const settings = await settingsItem.getValue();
    const client = new ExecutorClient({
      url: socketUrl(credentials.server),
      token: credentials.token,
      kind: 'extension',
      version: browser.runtime.getManifest().version,
      capacity: capacityOf(settings, this.idle),
      pingWhileIdle: false,
      connect: (url) => new WebSocket(url) as unknown as WebSocketLike,
      execute: applicationRunner({ credentials, notify }),
      store: { load: () => leasesItem.getValue(), save: (leases) => leasesItem.setValue(leases) },
      onEvent: (event) => void this.onEvent(event),
    });
    this.client = client;
    await client.start();
  }

  /** Disconnects, handing back what runs here. */
  async stop(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.credentials = null;
    await client?.stop({ handBack: true });
  }

  async applySettings(): Promise<void> {
    this.client?.setCapacity(capacityOf(await settingsItem.getValue(), this.idle));
  }

  setIdleState(state: string): void {
    this.idle = state;
    void this.applySettings();
  }

  async state(): Promise<ExecutorState> {
    const settings = await settingsItem.getValue();
    return {
      paired: this.credentials ? { server: this.credentials.server, deviceId: this.credentials.deviceId } : null,
      connected: this.client?.isConnected ?? false,
      capacity: capacityOf(settings, this.idle),
      running: (this.client?.running ?? []).map((r) => ({ ...r, title: this.titles.get(r.applicationId) ?? '' })),
      lastError: this.lastError,
    };
  }

  private async onEvent(event: ClientEvent): Promise<void> {
    switch (event.type) {
      case 'claimed':
        this.titles.set(event.order.applicationId, `${event.order.job.title ?? ''} · ${event.order.job.company ?? ''}`);
        return;
      case 'finished':
      case 'lost':
        this.titles.delete(event.applicationId);
        return;
      case 'error':
        this.lastError = event.message;
        // The device was revoked on the web (or its token is unknown): this browser is signed out.
        if (event.code === 'unauthenticated') {
          await credentialsItem.setValue(null);
          await leasesItem.setValue([]);
          await this.stop();
        }
        return;
      case 'fatal':
        this.lastError = event.message;
        return;
      default:
        return;
    }
  }
}

function notify(title: string, message: string): void {
  void browser.notifications
    ?.create({ type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message })
    .catch(() => {});
}
