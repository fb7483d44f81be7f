// How many applications the agent takes at once: the configured capacity, or 0 while the user
// paused it or during quiet hours. Changes are announced at once (the backend is told the new
// capacity); running applications are not stopped.
import { isQuiet, msUntilChange, type QuietHours } from './quiet-hours.ts';

export interface CapacityState {
  /** What the backend is told. */
  capacity: number;
  configured: number;
  paused: boolean;
  quiet: boolean;
  quietHours: string | null;
}

export class Capacity {
  private paused = false;
  private quiet = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners: Array<(state: CapacityState) => void> = [];

  constructor(
    private readonly configured: number,
    private readonly quietHours: QuietHours | null,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.watchQuietHours();
  }

  get state(): CapacityState {
    return {
      capacity: this.paused || this.quiet ? 0 : this.configured,
      configured: this.configured,
      paused: this.paused,
      quiet: this.quiet,
      quietHours: this.quietHours?.text ?? null,
    };
  }

  onChange(listener: (state: CapacityState) => void): void {
    this.listeners.push(listener);
  }

  pause(): void {
    this.update(() => {
      this.paused = true;
    });
  }

  resume(): void {
    this.update(() => {
      this.paused = false;
    });
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private update(change: () => void): void {
    const before = this.state;
    change();
    const after = this.state;
    if (after.paused !== before.paused || after.quiet !== before.quiet) {
      for (const listener of this.listeners) listener(after);
    }
  }

  /** Re-checks the window at each of its boundaries (and again if a timer fired a little early). */
  private watchQuietHours(): void {
    const quietHours = this.quietHours;
    if (!quietHours) return;
    const at = this.now();
    this.update(() => {
      this.quiet = isQuiet(quietHours, at);
    });
    this.timer = setTimeout(() => this.watchQuietHours(), msUntilChange(quietHours, at));
    this.timer.unref();
  }
}
