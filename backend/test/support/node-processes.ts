// Starts and kills backend nodes as child processes (see node-process.ts).
import { fileURLToPath } from 'node:url';
import { type EntryProcess, startEntryProcess } from './entry-process.ts';

const script = fileURLToPath(new URL('./node-process.ts', import.meta.url));

export interface NodeProcess extends EntryProcess {
  url: string;
}

export async function spawnNode(env: Record<string, string>): Promise<NodeProcess> {
  const started = await startEntryProcess(script, { ...process.env, ...env }, (line) => line.startsWith('ready '));
  return { ...started, url: started.readyLine.slice('ready '.length).trim() };
}
