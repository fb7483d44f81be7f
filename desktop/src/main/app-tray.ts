// The tray icon: its tooltip says what the app is doing (the window's header says the same), and
// its menu opens the window, pauses or resumes, and quits (handing back held work first).
import { Menu, type MenuItemConstructorOptions, nativeImage, Tray } from 'electron';
import type { DesktopState } from '../shared/ipc.ts';

export interface TrayActions {
  open(): void;
  setPaused(paused: boolean): void;
  quit(): void;
}

export class AppTray {
  private readonly tray: Tray;
  private shown = '';

  constructor(
    iconPath: string,
    private readonly actions: TrayActions,
  ) {
    this.tray = new Tray(nativeImage.createFromPath(iconPath));
    this.tray.on('click', () => actions.open());
  }

  update(state: DesktopState): void {
    const key = JSON.stringify([state.summary, state.paused, state.paired !== null]);
    if (key === this.shown) return;
    this.shown = key;
    this.tray.setToolTip(`JobSwipe: ${state.summary}`);
    this.tray.setContextMenu(Menu.buildFromTemplate(this.menu(state)));
  }

  private menu(state: DesktopState): MenuItemConstructorOptions[] {
    return [
      { id: 'status', label: state.summary, enabled: false },
      { type: 'separator' },
      { id: 'open', label: 'Open JobSwipe', click: () => this.actions.open() },
      state.paused
        ? {
            id: 'resume',
            label: 'Resume applying',
            enabled: state.paired !== null,
            click: () => this.actions.setPaused(false),
          }
        : {
            id: 'pause',
            label: 'Pause applying',
            enabled: state.paired !== null,
            click: () => this.actions.setPaused(true),
          },
      { type: 'separator' },
      { id: 'quit', label: 'Quit JobSwipe', click: () => this.actions.quit() },
    ];
  }

  destroy(): void {
    this.tray.destroy();
  }
}
