// The agent host: the entry point of the utility process the main process forks. It runs the same
// agent as `npm run agent` (the engine, Playwright and the user's browser stay out of the main
// process, whose event loop drives the tray and the window), reports its status, log and ended
// applications to main, and on `stop` hands back what it holds before exiting.

import type { Agent } from '../agent/agent.ts';
import { agentPaths, ensureAgentDir } from '../agent/agent-dir.ts';
import type { AgentStatus, EndedApplication } from '../agent/agent-status.ts';
import { Logger, type LogRecord } from '../agent/log.ts';
import { parseQuietHours } from '../agent/quiet-hours.ts';
import { HostCommand, type HostMessage, type HostStatus } from '../shared/host-messages.ts';
import { browserChoiceOf } from './browser-choice.ts';

/** Electron's `process.parentPort` in a utility process, as far as the host uses it. */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

const port = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!port) throw new Error('The agent host runs in an Electron utility process (process.parentPort is missing).');

function post(message: HostMessage): void {
  port?.postMessage(message);
}

let agent: Agent | null = null;
let starting: Promise<void> = Promise.resolve();
let stopping: Promise<void> | null = null;
/** The user's last word on pausing, kept for an agent still starting. */
let paused = false;
/** The window is shown: the running applications' live thumbnails are wanted. */
let thumbnailsWanted = false;
/** Ended applications already reported (the board keeps the last few). */
const reported = new Set<string>();
/** The engine's failure class per application, from its "attempt ended" record. */
const errorClasses = new Map<string, string | null>();

function statusOf(snapshot: AgentStatus): HostStatus {
  return {
    connection: snapshot.connection,
    connectionError: snapshot.connectionError,
    paused: snapshot.capacity.paused,
    capacity: snapshot.capacity.capacity,
    offers: snapshot.offers,
    running: snapshot.running.map(({ applicationId, company, title, step, percent, attempt, startedAt }) => ({
      applicationId,
      company,
      title,
      step,
      percent,
      attempt,
      startedAt,
    })),
    browser: snapshot.browser,
  };
}

function reportEnded(recent: EndedApplication[]): void {
  for (const ended of [...recent].reverse()) {
    const key = `${ended.applicationId}@${ended.at}`;
    if (reported.has(key)) continue;
    reported.add(key);
    post({
      type: 'ended',
      application: { ...ended, errorClass: errorClasses.get(ended.applicationId) ?? null },
    });
    errorClasses.delete(ended.applicationId);
  }
}

function onLog(record: LogRecord): void {
  if (record.msg === 'attempt ended' && typeof record.applicationId === 'string') {
    errorClasses.set(record.applicationId, typeof record.errorClass === 'string' ? record.errorClass : null);
  }
  post({
    type: 'log',
    record: {
      time: record.time,
      level: record.level,
      msg: record.msg,
      ...(typeof record.applicationId === 'string' ? { applicationId: record.applicationId } : {}),
    },
  });
}

async function start(command: Extract<HostCommand, { type: 'start' }>): Promise<void> {
  const log = new Logger(onLog);
  try {
    const paths = agentPaths({ JOBSWIPE_AGENT_DIR: command.agentDir });
    await ensureAgentDir(paths);
    const { settings } = command;
    const browser = browserChoiceOf(settings, command.bundledChromium);
    const { Agent } = await import('../agent/agent.ts');
    agent = await Agent.start({
      paths,
      credentials: command.credentials,
      version: command.version,
      capacity: settings.capacity,
      quietHours: settings.quietHours ? parseQuietHours(settings.quietHours) : null,
      browser,
      log,
      thumbnails: {
        wanted: () => thumbnailsWanted,
        show: (applicationId, dataUrl) => post({ type: 'thumbnail', applicationId, dataUrl }),
      },
      onStatus: () => {
        if (!agent) return;
        const snapshot = agent.board.snapshot;
        reportEnded(snapshot.recent);
        post({ type: 'status', status: statusOf(snapshot) });
      },
    });
    if (paused) agent.pause();
    post({ type: 'status', status: statusOf(agent.board.snapshot) });
    void agent.fatal.then((reason) => {
      post({ type: 'refused', message: reason });
      void stop();
    });
  } catch (err) {
    post({ type: 'failed', message: (err as Error).message });
  }
}

function stop(): Promise<void> {
  stopping ??= (async () => {
    await starting;
    await agent?.stop();
    post({ type: 'stopped' });
    process.exit(0);
  })();
  return stopping;
}

port.on('message', ({ data }) => {
  const parsed = HostCommand.safeParse(data);
  if (!parsed.success) {
    post({ type: 'log', record: { time: new Date().toISOString(), level: 'error', msg: 'unknown command from main' } });
    return;
  }
  const command = parsed.data;
  switch (command.type) {
    case 'start':
      paused = command.paused;
      thumbnailsWanted = command.thumbnails;
      starting = start(command);
      break;
    case 'pause':
      paused = true;
      agent?.pause();
      break;
    case 'resume':
      paused = false;
      agent?.resume();
      break;
    case 'thumbnails':
      thumbnailsWanted = command.wanted;
      break;
    case 'stop':
      void stop();
      break;
  }
});
