// The agent's command line: `pair <code>`, `run` (the default), `pause`, `resume`, `status`, each
// with its options; anything else is an error that says what was wrong and shows the usage.
import { parseArgs } from 'node:util';
import type { ControlCommand } from './control-socket.ts';
import { parseQuietHours, type QuietHours } from './quiet-hours.ts';

export const USAGE = `Usage: npm run agent -- [command] [options]

Commands:
  run (default)          connect and apply to what you swiped right on
    --capacity <n>       applications at once (1-10, default 1)
    --quiet-hours <a-b>  no new applications in this daily window of local time, e.g. 22:00-07:00
    --chrome <path>      browser to use when Chrome is not installed (default: JOBSWIPE_CHROME, else CHROMIUM_PATH, else /usr/bin/chromium)
    --headful            show the browser window (default when there is a display)
    --headless           never show it (default when there is no display)
  pair <code>            pair this machine with your account (the code from the site's Devices page)
    --server <url>       the JobSwipe address (default: JOBSWIPE_SERVER, else http://localhost:3000)
    --name <name>        how this device is listed (default: this computer's name)
  pause | resume         stop taking new applications, or start again (the running agent)
  status                 what the running agent is doing, as JSON

Environment: JOBSWIPE_AGENT_DIR (default ~/.jobswipe-agent) holds the credentials, held leases and
browser profile.`;

export type CliCommand =
  | {
      command: 'run';
      capacity: number;
      quietHours: QuietHours | null;
      chrome: string | undefined;
      headful: boolean;
      headless: boolean;
    }
  | { command: 'pair'; code: string; server: string | undefined; name: string | undefined }
  | { command: ControlCommand }
  | { command: 'help' };

export class UsageError extends Error {
  constructor(message: string) {
    super(`${message}\n\n${USAGE}`);
    this.name = 'UsageError';
  }
}

const OPTIONS = {
  capacity: { type: 'string' },
  'quiet-hours': { type: 'string' },
  chrome: { type: 'string' },
  headful: { type: 'boolean' },
  headless: { type: 'boolean' },
  server: { type: 'string' },
  name: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const ALLOWED: Record<string, Array<keyof typeof OPTIONS>> = {
  run: ['capacity', 'quiet-hours', 'chrome', 'headful', 'headless'],
  pair: ['server', 'name'],
  pause: [],
  resume: [],
  status: [],
};

function capacityOf(text: string | undefined): number {
  if (text === undefined) return 1;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 10) {
    throw new UsageError(`--capacity "${text}" must be a whole number from 1 to 10.`);
  }
  return n;
}

export function parseCli(argv: string[]): CliCommand {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  const [command = 'run', ...rest] = positionals;
  const allowed = ALLOWED[command];
  if (!allowed) throw new UsageError(`Unknown command "${command}".`);
  for (const option of Object.keys(values) as Array<keyof typeof OPTIONS>) {
    if (!allowed.includes(option)) throw new UsageError(`--${option} does not go with "${command}".`);
  }
  if (command === 'pair') {
    if (rest.length !== 1) throw new UsageError('pair takes one code: npm run agent -- pair <code>.');
    return { command, code: rest[0]!, server: values.server, name: values.name };
  }
  if (rest.length) throw new UsageError(`"${command}" takes no arguments; got "${rest.join(' ')}".`);
  if (command === 'run') {
    let quietHours: QuietHours | null = null;
    try {
      quietHours = values['quiet-hours'] === undefined ? null : parseQuietHours(values['quiet-hours']);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    return {
      command,
      capacity: capacityOf(values.capacity),
      quietHours,
      chrome: values.chrome,
      headful: values.headful ?? false,
      headless: values.headless ?? false,
    };
  }
  return { command: command as ControlCommand };
}
