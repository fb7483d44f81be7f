// Progress as the executors report it: a step name from APPLY_STEPS and a percent that only grows.
import type { ApplyStep, Progress } from '@jobswipe/protocol';

const PERCENT: Record<ApplyStep, number> = {
  open: 5,
  detect: 10,
  login: 15,
  fill: 25,
  upload: 40,
  review: 80,
  submitting: 90,
  confirm: 95,
  verify: 50,
};

export type ProgressCallback = (progress: Progress) => void | Promise<void>;

/** Reports steps in order; awaits the callback, so the `submitting` checkpoint is recorded before the click. */
export class ProgressReporter {
  private last = 0;
  constructor(private readonly callback: ProgressCallback | undefined) {}

  async report(step: ApplyStep, message?: string, percent = PERCENT[step]): Promise<void> {
    this.last = Math.min(100, Math.max(this.last, percent));
    const progress: Progress = message ? { step, percent: this.last, message } : { step, percent: this.last };
    await this.callback?.(progress);
  }

  /** Each further wizard page moves the bar a little, never past review. */
  async page(step: 'fill' | 'upload', pages: number, message: string): Promise<void> {
    await this.report(step, message, Math.min(PERCENT.review - 5, PERCENT[step] + pages * 8));
  }
}
