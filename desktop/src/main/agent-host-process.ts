// The agent runs in an Electron utility process, not in main: the engine, Playwright and the
// evidence uploads keep their own event loop and heap, so the tray and the window stay responsive
// while it applies, and a crash of the agent leaves the app up to say so and start it again.
// Main keeps the device token (safeStorage) and hands it over in the `start` message only.
import { type UtilityProcess, utilityProcess } from 'electron';
import { type HostCommand, HostMessage } from '../shared/host-messages.ts';

/** How long `stop` waits for the agent to hand back its work before killing it. */
const STOP_TIMEOUT_MS = 20_000;

export class AgentHostProcess {
  private child: UtilityProcess | null = null;
  private exited: Promise<void> = Promise.resolve();

  constructor(
    private readonly modulePath: string,
    private readonly onMessage: (message: HostMessage) => void,
    private readonly onExit: (code: number) => void,
  ) {}

  get running(): boolean {
    return this.child !== null;
  }

  start(command: Extract<HostCommand, { type: 'start' }>): void {
    const child = utilityProcess.fork(this.modulePath, [], { serviceName: 'JobSwipe agent', stdio: 'inherit' });
    this.child = child;
    this.exited = new Promise((resolve) => {
      child.once('exit', (code) => {
        if (this.child === child) this.child = null;
        this.onExit(code);
        resolve();
      });
    });
    child.on('message', (data: unknown) => {
      const parsed = HostMessage.safeParse(data);
      if (parsed.success) this.onMessage(parsed.data);
    });
    child.postMessage(command);
  }

  send(command: Exclude<HostCommand, { type: 'start' }>): void {
    this.child?.postMessage(command);
  }

  /** Asks the agent to hand back what it holds and exit; kills it if it does not in time. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.postMessage({ type: 'stop' } satisfies HostCommand);
    const timer = setTimeout(() => child.kill(), STOP_TIMEOUT_MS);
    await this.exited;
    clearTimeout(timer);
  }
}
