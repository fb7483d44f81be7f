// The live view when the agent runs in a terminal: connection, capacity, each running
// application with its step and a percent bar, offer and claim counts, the last results and the
// last messages, redrawn in place a few times a second at most.
import type { AgentStatus } from './agent-status.ts';
import type { LogRecord } from './log.ts';

const BAR = 20;
const MESSAGES = 4;
const REDRAW_MS = 100;

const MARK: Record<string, string> = { SUBMITTED: '✓', QUEUED: '↺', NEEDS_ATTENTION: '!', CANCELLED: '×' };

function bar(percent: number): string {
  const full = Math.round((Math.max(0, Math.min(100, percent)) / 100) * BAR);
  return `[${'█'.repeat(full)}${'░'.repeat(BAR - full)}] ${String(percent).padStart(3)}%`;
}

function clock(iso: string): string {
  return new Date(iso).toTimeString().slice(0, 8);
}

function connectionLine(status: AgentStatus): string {
  if (status.connection === 'connected') return 'connected';
  if (status.connection !== 'reconnecting') return status.connection;
  const retry = status.retryInMs === null ? '' : `, retrying in ${Math.ceil(status.retryInMs / 1000)} s`;
  return `not connected${status.connectionError ? ` (${status.connectionError})` : ''}${retry}`;
}

function capacityLine(status: AgentStatus): string {
  const { capacity } = status;
  const why = [capacity.paused ? 'paused' : null, capacity.quiet ? `quiet hours ${capacity.quietHours}` : null]
    .filter(Boolean)
    .join(', ');
  return `Capacity ${capacity.capacity}${why ? ` (${why}; configured ${capacity.configured})` : ''}`;
}

/** The view as lines, each cut to `width` columns. */
export function renderStatus(status: AgentStatus, messages: LogRecord[], width: number): string[] {
  const lines = [
    `JobSwipe agent · ${status.device} → ${status.server} · ${connectionLine(status)}`,
    `${capacityLine(status)} · browser ${status.browser}`,
    `Offers ${status.offers} · claimed ${status.claimed} · running ${status.running.length}`,
    '',
  ];
  if (status.running.length === 0) lines.push('Waiting for applications…');
  for (const app of status.running) {
    const notes = [`attempt ${app.attempt + 1}`, app.verifyFirst ? 'checking for an earlier submission' : null];
    lines.push(`▶ ${app.company} — ${app.title}`);
    lines.push(`  ${app.step.padEnd(10)} ${bar(app.percent)}  ${notes.filter(Boolean).join(' · ')}`);
  }
  if (status.recent.length) {
    lines.push('', 'Last results');
    for (const ended of status.recent) {
      const who = ended.company ? `${ended.company} — ${ended.title}` : ended.title;
      lines.push(`  ${MARK[ended.status] ?? '·'} ${ended.status.padEnd(16)} ${who}  ${clock(ended.at)}`);
    }
  }
  if (messages.length) {
    lines.push('', 'Messages');
    for (const m of messages) {
      const error = typeof m.error === 'string' ? `: ${m.error}` : '';
      lines.push(`  ${clock(m.time)} ${m.level.padEnd(5)} ${m.msg}${error}`);
    }
  }
  return lines.map((line) => (line.length > width ? `${line.slice(0, Math.max(0, width - 1))}…` : line));
}

export class TerminalView {
  private readonly messages: LogRecord[] = [];
  private drawn = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    /** Null until the agent has started. */
    private readonly status: () => AgentStatus | null,
  ) {}

  /** The log sink: warnings, errors and notable events show under "Messages". */
  message(record: LogRecord): void {
    if (record.level === 'debug') return;
    this.messages.push(record);
    this.messages.splice(0, Math.max(0, this.messages.length - MESSAGES));
    this.update();
  }

  update(): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.draw();
    }, REDRAW_MS);
  }

  /** Draws the last state and leaves the cursor below it. */
  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.draw();
    this.stream.write('\x1b[?25h');
  }

  private draw(): void {
    const status = this.status();
    const width = this.stream.columns || 100;
    const lines = status ? renderStatus(status, this.messages, width) : ['Starting the JobSwipe agent…'];
    // Back to where the last frame began, clear below, draw anew; the cursor is hidden meanwhile.
    const up = this.drawn ? `\x1b[${this.drawn}F` : '';
    this.stream.write(`\x1b[?25l${up}\x1b[0J${lines.join('\n')}\n`);
    this.drawn = lines.length;
  }
}
