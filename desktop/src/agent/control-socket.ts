// The running agent's control socket (a Unix socket in the agent dir, a named pipe on Windows):
// `pause`, `resume` and `status` from another terminal, one JSON line each way. It also keeps a
// second agent from starting on the same agent dir.
import { chmod, rm } from 'node:fs/promises';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { z } from 'zod';

export const ControlCommand = z.enum(['pause', 'resume', 'status']);
export type ControlCommand = z.infer<typeof ControlCommand>;

const ControlRequest = z.object({ command: ControlCommand });
const ControlReply = z.union([
  z.object({ ok: z.literal(true), status: z.record(z.string(), z.unknown()) }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type ControlReply = z.infer<typeof ControlReply>;

const REPLY_TIMEOUT_MS = 5_000;
const MAX_LINE = 64 * 1024;

export class NoAgentRunning extends Error {
  constructor(path: string) {
    super(`No agent is running here (nothing answers on ${path}). Start it with \`npm run agent\`.`);
    this.name = 'NoAgentRunning';
  }
}

function isAbsent(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ECONNREFUSED';
}

/** Sends one command to the running agent and returns what it answered. */
export async function sendControl(path: string, command: ControlCommand): Promise<ControlReply> {
  const socket = await new Promise<Socket>((resolve, reject) => {
    const s = connect(path);
    s.once('connect', () => resolve(s));
    s.once('error', (err) => reject(isAbsent(err) ? new NoAgentRunning(path) : err));
  });
  try {
    socket.write(`${JSON.stringify({ command })}\n`);
    const line = await firstLine(socket, `The agent did not answer "${command}" in time.`);
    return ControlReply.parse(JSON.parse(line));
  } finally {
    socket.destroy();
  }
}

export interface ControlServer {
  close(): Promise<void>;
}

/**
 * Listens for commands. Refuses to start when another agent already answers on `path`; a socket
 * file left behind by an agent that crashed is removed.
 */
export async function listenForControl(
  path: string,
  handle: (command: ControlCommand) => Record<string, unknown>,
): Promise<ControlServer> {
  try {
    await sendControl(path, 'status');
    throw new Error(
      `Another agent is already running with this agent dir (it answers on ${path}). ` +
        'Stop it first, or give the second one its own JOBSWIPE_AGENT_DIR.',
    );
  } catch (err) {
    if (!(err instanceof NoAgentRunning)) throw err;
  }
  if (process.platform !== 'win32') await rm(path, { force: true });
  const server = createServer((socket) => serve(socket, handle));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  if (process.platform !== 'win32') await chmod(path, 0o600);
  return { close: () => closeServer(server) };
}

function serve(socket: Socket, handle: (command: ControlCommand) => Record<string, unknown>): void {
  firstLine(socket, 'The command did not arrive in time.').then(
    (line) => socket.end(`${JSON.stringify(answer(line, handle))}\n`),
    () => socket.destroy(),
  );
}

/** The first line the peer sends (without its newline). */
function firstLine(socket: Socket, timeoutMessage: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(timeoutMessage)), REPLY_TIMEOUT_MS);
    socket.setEncoding('utf8');
    socket.once('error', reject);
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      const end = buffer.indexOf('\n');
      if (end >= 0) {
        clearTimeout(timer);
        resolve(buffer.slice(0, end));
      } else if (buffer.length > MAX_LINE) {
        clearTimeout(timer);
        reject(new Error('The line is too long.'));
      }
    });
  });
}

function answer(line: string, handle: (command: ControlCommand) => Record<string, unknown>): ControlReply {
  let request: ReturnType<typeof ControlRequest.safeParse>;
  try {
    request = ControlRequest.safeParse(JSON.parse(line));
  } catch {
    return { ok: false, error: 'Send one JSON line: {"command": "pause" | "resume" | "status"}.' };
  }
  if (!request.success) {
    return { ok: false, error: `Unknown command; use one of: ${ControlCommand.options.join(', ')}.` };
  }
  return { ok: true, status: handle(request.data.command) };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
