// `npm run agent`: the headless desktop agent's entry point. Exit codes: 0 done, 1 an error
// (bad usage, an unreachable server when pairing, a damaged file), 2 not paired yet, 3 the
// server refused this device (revoked): pair again.
import { hostname } from 'node:os';
import pkg from '../../package.json' with { type: 'json' };
import type { Agent } from './agent.ts';
import { type BrowserChoice, chooseBrowser } from './agent-browser.ts';
import { agentPaths, ensureAgentDir } from './agent-dir.ts';
import { type CliCommand, parseCli, USAGE, UsageError } from './cli-args.ts';
import { NoAgentRunning, sendControl } from './control-socket.ts';
import { jsonLines, Logger } from './log.ts';
import { pairDevice, serverUrl } from './pairing.ts';
import { TerminalView } from './terminal-view.ts';
import { FileTokenStore } from './token-store.ts';

const NOT_PAIRED = 2;
const REFUSED = 3;
/** A shutdown that takes longer than this is cut short. */
const SHUTDOWN_MS = 15_000;

class Exit extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

async function pair(command: Extract<CliCommand, { command: 'pair' }>): Promise<void> {
  const paths = agentPaths();
  await ensureAgentDir(paths);
  const store = new FileTokenStore(paths.credentials);
  const server = serverUrl(command.server ?? process.env.JOBSWIPE_SERVER ?? 'http://localhost:3000');
  const earlier = await store.load().catch(() => null);
  const paired = await pairDevice({
    server,
    code: command.code,
    name: command.name ?? hostname(),
    version: pkg.version,
    store,
  });
  const replaced = earlier ? ' (this replaces the earlier pairing)' : '';
  console.log(`Paired as "${paired.name}" with ${server}, device ${paired.deviceId}${replaced}.`);
  console.log(`Credentials saved in ${store.location}. Start applying with: npm run agent`);
}

async function run(command: Extract<CliCommand, { command: 'run' }>): Promise<number> {
  const paths = agentPaths();
  const credentials = await new FileTokenStore(paths.credentials).load();
  if (!credentials) {
    throw new Exit(
      `This device is not paired yet (no credentials in ${paths.credentials}). On the JobSwipe site open ` +
        'Devices, choose "Pair a device", then run: npm run agent -- pair <code> --server <JobSwipe address>',
      NOT_PAIRED,
    );
  }
  await ensureAgentDir(paths);
  let browser: BrowserChoice;
  try {
    browser = chooseBrowser({ chrome: command.chrome, headful: command.headful, headless: command.headless });
  } catch (err) {
    throw new Exit((err as Error).message, 1);
  }
  // Listening from the start, and after the first: a terminal's Ctrl-C reaches npm, tsx and the
  // agent, and each passes it on, so the same signal can arrive more than once.
  const signalled = new Promise<{ signal: string }>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => resolve({ signal }));
  });
  let agent: Agent | null = null;
  const view = process.stdout.isTTY ? new TerminalView(process.stdout, () => agent?.board.snapshot ?? null) : null;
  const log = new Logger(view ? (record) => view.message(record) : jsonLines(process.stdout));
  try {
    // Loaded here, not at the top: the engine and the browser driver take a while to load, and
    // `pair`, `pause` and `resume` need neither.
    const { Agent } = await import('./agent.ts');
    agent = await Agent.start({
      paths,
      credentials,
      version: pkg.version,
      capacity: command.capacity,
      quietHours: command.quietHours,
      browser,
      log,
      onStatus: () => view?.update(),
    });
    const ended = await Promise.race([signalled, agent.fatal.then((reason) => ({ reason }))]);
    if ('signal' in ended) log.info('shutting down: handing back what this device holds', { signal: ended.signal });
    setTimeout(() => {
      log.error('shutdown took too long; exiting now');
      process.exit(1);
    }, SHUTDOWN_MS).unref();
    await agent.stop();
    if ('reason' in ended) {
      throw new Exit(`The server refused this device: ${ended.reason} Run: npm run agent -- pair <code>`, REFUSED);
    }
    return 0;
  } finally {
    view?.close();
  }
}

async function control(command: 'pause' | 'resume' | 'status'): Promise<void> {
  const reply = await sendControl(agentPaths().controlSocket, command);
  if (!reply.ok) throw new Exit(reply.error, 1);
  if (command === 'status') console.log(JSON.stringify(reply.status, null, 2));
  else if (command === 'pause') console.log('Paused: no new applications until you resume (running ones finish).');
  else console.log('Resumed: taking applications again.');
}

async function main(argv: string[]): Promise<number> {
  const command = parseCli(argv);
  switch (command.command) {
    case 'help':
      console.log(USAGE);
      return 0;
    case 'pair':
      await pair(command);
      return 0;
    case 'run':
      return run(command);
    default:
      await control(command.command);
      return 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    const known = err instanceof Exit || err instanceof UsageError || err instanceof NoAgentRunning;
    console.error(known ? (err as Error).message : `The agent stopped on an error: ${(err as Error).message}`);
    process.exit(err instanceof Exit ? err.code : 1);
  },
);
