// Quiet hours: a daily window of local time ("22:00-07:00") in which the agent takes no new
// applications. The window may cross midnight; seconds are allowed ("12:00:30-12:05").
export interface QuietHours {
  /** Seconds after local midnight. */
  start: number;
  end: number;
  text: string;
}

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

function secondsOf(time: string, whole: string): number {
  const match = TIME.exec(time.trim());
  const [h, m, s] = match ? [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)] : [99, 0, 0];
  if (h > 23 || m > 59 || s > 59) {
    throw new Error(
      `--quiet-hours "${whole}": "${time}" is not a time of day. Use HH:MM-HH:MM in local time, e.g. 22:00-07:00.`,
    );
  }
  return h * 3600 + m * 60 + s;
}

export function parseQuietHours(text: string): QuietHours {
  const parts = text.split('-');
  if (parts.length !== 2) {
    throw new Error(`--quiet-hours "${text}": expected start-end in local time, e.g. 22:00-07:00.`);
  }
  const start = secondsOf(parts[0]!, text);
  const end = secondsOf(parts[1]!, text);
  if (start === end) {
    throw new Error(`--quiet-hours "${text}": the window is empty (starts when it ends). To stop taking work, pause.`);
  }
  return { start, end, text };
}

function secondsOfDay(at: Date): number {
  return at.getHours() * 3600 + at.getMinutes() * 60 + at.getSeconds();
}

export function isQuiet(quiet: QuietHours, at: Date): boolean {
  const now = secondsOfDay(at);
  return quiet.start < quiet.end ? now >= quiet.start && now < quiet.end : now >= quiet.start || now < quiet.end;
}

/** Milliseconds from `at` until the window next opens or closes. */
export function msUntilChange(quiet: QuietHours, at: Date): number {
  // Tomorrow's boundaries are always ahead, so there is always an answer.
  let best = Number.POSITIVE_INFINITY;
  for (const day of [0, 1]) {
    for (const boundary of [quiet.start, quiet.end]) {
      // Built from calendar fields, so a daylight-saving change moves the boundary with the clock.
      const when = new Date(
        at.getFullYear(),
        at.getMonth(),
        at.getDate() + day,
        Math.floor(boundary / 3600),
        Math.floor((boundary % 3600) / 60),
        boundary % 60,
      );
      const ms = when.getTime() - at.getTime();
      if (ms > 0 && ms < best) best = ms;
    }
  }
  return best;
}
