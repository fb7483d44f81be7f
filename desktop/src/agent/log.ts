// Structured log records: one object per event, with the fields that find it again (the
// application's id and correlation id). Where they go is the sink's business: JSON lines on
// stdout, or the terminal view's message list.
export type Level = 'debug' | 'info' | 'warn' | 'error';

export interface LogRecord {
  time: string;
  level: Level;
  msg: string;
  [field: string]: unknown;
}

export type LogSink = (record: LogRecord) => void;

export class Logger {
  constructor(
    private readonly sink: LogSink,
    private readonly fields: Record<string, unknown> = {},
  ) {}

  /** A logger that adds `fields` to every record. */
  child(fields: Record<string, unknown>): Logger {
    return new Logger(this.sink, { ...this.fields, ...fields });
  }

  debug(msg: string, fields?: Record<string, unknown>): void {
    this.write('debug', msg, fields);
  }
  info(msg: string, fields?: Record<string, unknown>): void {
    this.write('info', msg, fields);
  }
  warn(msg: string, fields?: Record<string, unknown>): void {
    this.write('warn', msg, fields);
  }
  error(msg: string, fields?: Record<string, unknown>): void {
    this.write('error', msg, fields);
  }

  private write(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
    this.sink({ time: new Date().toISOString(), level, msg, ...this.fields, ...fields });
  }
}

/** One JSON object per line. */
export function jsonLines(stream: NodeJS.WritableStream): LogSink {
  return (record) => {
    stream.write(`${JSON.stringify(record)}\n`);
  };
}
