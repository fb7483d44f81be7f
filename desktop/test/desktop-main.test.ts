// The desktop app's main process, run for real against the Electron stand-in (the binary cannot be
// downloaded here) and a real backend: the window's security settings, the app:// scheme and its
// CSP, locked navigation, validated IPC, a deep link that pre-fills pairing, the device token in
// safeStorage, the agent in its utility process, pause and resume from the tray, and a quit
// that hands the agent's work back before the app exits.
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Api } from '@jobswipe/backend/testing/api';
import { startTestBackend, type TestBackend } from '@jobswipe/backend/testing/backend';
import { userWith } from '@jobswipe/backend/testing/users';
import type { PairStartResponse } from '@jobswipe/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DesktopApp } from '../src/main/desktop-app.ts';
import { DEFAULT_SETTINGS, type DesktopState, INVOKE } from '../src/shared/ipc.ts';
import { SECURE_WEB_PREFERENCES, safeStorage, standIn } from './support/electron-stand-in.ts';

let backend: TestBackend;
let userData: string;
let rendererDir: string;
let desktop: DesktopApp;
let user: { id: string; api: Api };

const state = () => standIn.invoke(INVOKE.getState, undefined) as Promise<DesktopState>;
const PRELOAD = '/nonexistent/preload.cjs';

beforeAll(async () => {
  backend = await startTestBackend({ PAIR_RATE_LIMIT: '1000' });
  const u = await userWith(backend.api, backend.node.ctx.db.prisma);
  user = { id: u.user.id, api: u.api };
  userData = await mkdtemp(join(tmpdir(), 'jsd-main-'));
  rendererDir = join(userData, 'renderer-files');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>JobSwipe</title>');
  await writeFile(join(userData, 'secret.txt'), 'not for the renderer');
  standIn.userData = userData;
  const started = await DesktopApp.start({
    rendererDir,
    preloadPath: PRELOAD,
    agentHostModule: join(import.meta.dirname, '../src/agent-host/host.ts'),
    iconPath: join(import.meta.dirname, '../resources/icon.png'),
    version: '0.1.0',
    defaultServer: backend.node.url,
  });
  if (!started) throw new Error('the app did not start');
  desktop = started;
});

afterAll(async () => {
  await standIn.close();
  await backend?.close();
  await rm(userData, { recursive: true, force: true });
});

describe('the main process', () => {
  it('opens one window with the security checklist applied, and an icon in the tray', () => {
    expect(standIn.windows).toHaveLength(1);
    for (const window of standIn.windows) {
      expect(window.options).toMatchObject({
        show: false,
        webPreferences: {
          preload: PRELOAD,
          ...SECURE_WEB_PREFERENCES,
        },
      });
    }
    expect(standIn.loadedUrls).toEqual(['app://jobswipe/index.html']);
    expect(standIn.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(standIn.protocolClients).toEqual(['jobswipe']);
    expect(standIn.tray.image.isEmpty()).toBe(false);
    // Not paired yet: the window is shown and the tray says so.
    expect(standIn.window.isVisible()).toBe(true);
    expect(standIn.tray.tooltip).toBe('JobSwipe: Not paired: open JobSwipe to pair this computer');
    expect(standIn.tray.menu.map((i) => i.id)).toEqual(['status', undefined, 'open', 'pause', undefined, 'quit']);
  });

  it('serves only the renderer folder on app://jobswipe, each answer with the strict CSP', async () => {
    const serve = standIn.protocolHandlers.get('app')!;
    const page = await serve(new Request('app://jobswipe/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).not.toContain('unsafe');
    expect((await serve(new Request('app://jobswipe/..%2Fsecret.txt'))).status).toBe(404);
    expect((await serve(new Request('app://jobswipe/%2E%2E/secret.txt'))).status).toBe(404);
    expect((await serve(new Request('app://elsewhere/index.html'))).status).toBe(404);
  });

  it('keeps every web contents on the app: other origins, new windows and permissions are refused', () => {
    const contents = standIn.window.webContents;
    const navigate = (url: string) => {
      let prevented = false;
      contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('https://evil.example/phish')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('app://jobswipe/index.html#settings')).toBe(false);
    expect(contents.windowOpenHandler?.({ url: 'https://jobswipe.app/help' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    // https links go to the user's own browser; nothing else does.
    expect(standIn.opened).toEqual(['https://jobswipe.app/help']);
    let granted: boolean | null = null;
    standIn.permissionRequestHandlers[0]?.(contents, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
    expect(standIn.permissionCheckHandlers[0]?.()).toBe(false);
  });

  it('answers only the app page, and refuses payloads that do not fit, saying where', async () => {
    await expect(standIn.invoke(INVOKE.getState, undefined, 'https://evil.example/')).rejects.toThrow(
      'may only be called by the JobSwipe window',
    );
    await expect(standIn.invoke(INVOKE.setPaused, 'yes')).rejects.toThrow('jobswipe:set-paused was refused');
    await expect(
      standIn.invoke(INVOKE.saveSettings, { ...DEFAULT_SETTINGS, capacity: 50, quietHours: 'late' }),
    ).rejects.toThrow(/capacity: at most 10; quietHours: write it as HH:MM-HH:MM/);
    await expect(
      standIn.invoke(INVOKE.saveSettings, { ...DEFAULT_SETTINGS, browser: 'custom', browserPath: null }),
    ).rejects.toThrow('browserPath: give the path of the Chromium to use');
    await expect(standIn.invoke(INVOKE.answer, { applicationId: '42', answers: [] })).rejects.toThrow(
      /applicationId: the application the answers are for; answers: /,
    );
    await expect(standIn.invoke(INVOKE.pair, { code: 'AB', server: 'not a url' })).rejects.toThrow(
      /code: the code from the Devices page; server: the JobSwipe address/,
    );
  });

  it('a jobswipe://pair link pre-fills pairing; confirming it pairs and keeps the token in safeStorage', async () => {
    const start = await user.api.post<PairStartResponse>('/v1/devices/pair/start');
    standIn.app.emit('second-instance', {}, ['/opt/JobSwipe/jobswipe', `jobswipe://pair?code=${start.body.code}`], '/');
    const offered = await state();
    expect(offered.pairingOffer).toEqual({ code: start.body.code, server: backend.node.url });
    expect(offered.paired).toBeNull();

    const paired = (await standIn.invoke(INVOKE.pair, offered.pairingOffer)) as DesktopState;
    expect(paired.paired?.server).toBe(backend.node.url);
    expect(paired.pairingOffer).toBeNull();

    const device = await backend.node.ctx.db.prisma.device.findFirstOrThrow({ where: { userId: user.id } });
    expect(paired.paired?.deviceId).toBe(device.id);
    const file = join(userData, 'device-token.bin');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const sealed = await readFile(file);
    const { token } = JSON.parse(safeStorage.decryptString(sealed)) as { token: string };
    expect(token.length).toBeGreaterThan(10);
    expect(sealed.includes(Buffer.from(token))).toBe(false);
    expect(sealed.includes(Buffer.from(device.id))).toBe(false);
  });

  it('says plainly when the chosen browser is missing, and starts the agent once one is given', async () => {
    // The defaults choose the user's Chrome, which this machine does not have.
    await expect.poll(async () => (await state()).problem).toContain('Google Chrome is not installed on this computer');
    expect(standIn.tray.tooltip).toContain('Needs you: Google Chrome is not installed');

    await standIn.invoke(INVOKE.saveSettings, {
      ...DEFAULT_SETTINGS,
      browser: 'custom',
      browserPath: '/usr/bin/chromium',
      launchAtLogin: true,
    });
    expect(standIn.loginItem).toEqual({ openAtLogin: true });
    expect(JSON.parse(await readFile(join(userData, 'settings.json'), 'utf8'))).toMatchObject({ browser: 'custom' });
    await expect.poll(async () => (await state()).connection).toBe('connected');
    expect((await state()).problem).toBeNull();
    expect(standIn.tray.tooltip).toBe('JobSwipe: Idle: waiting for your next right-swipe');
    expect(backend.node.gateway.connected(user.id).map((d) => d.capacity)).toEqual([1]);
    // The agent runs in its own process, not in main.
    const host = standIn.utilityProcesses.at(-1)!;
    expect(host.pid).not.toBe(process.pid);
  });

  it('pause from the tray: the backend sees capacity 0 and the tray says paused; resume gives it back', async () => {
    standIn.tray.click('pause');
    await expect.poll(() => backend.node.gateway.connected(user.id)[0]?.capacity).toBe(0);
    expect(standIn.tray.tooltip).toBe('JobSwipe: Paused: no new applications');
    expect(standIn.tray.menu.map((i) => i.id)).toContain('resume');
    standIn.tray.click('resume');
    await expect.poll(() => backend.node.gateway.connected(user.id)[0]?.capacity).toBe(1);
    expect(standIn.tray.tooltip).toBe('JobSwipe: Idle: waiting for your next right-swipe');
  });

  it('closing the window hides it (the app stays in the tray)', () => {
    standIn.window.close();
    expect(standIn.window.isDestroyed()).toBe(false);
    expect(standIn.window.isVisible()).toBe(false);
  });

  it('quit from the tray stops the agent (it hands back what it holds) before the app quits', async () => {
    const host = standIn.utilityProcesses.at(-1)!;
    standIn.tray.click('quit');
    await standIn.quitted;
    expect(host.exitCode).toBe(0);
    expect(standIn.quitCalls).toBe(1);
    expect(standIn.tray.destroyed).toBe(true);
    await expect.poll(() => backend.node.gateway.connected(user.id)).toEqual([]);
    expect(desktop.state().connection).toBe('not-started');
  });
});
