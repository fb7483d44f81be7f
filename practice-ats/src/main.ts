// `npm run practice-ats`: the practice ATS on PRACTICE_ATS_PORT (default 4100) until SIGINT/SIGTERM.
import { startPracticeAts } from './server.ts';

function log(level: 'info' | 'error', msg: string, extra: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ level, time: new Date().toISOString(), msg, ...extra }));
}

const rawPort = process.env.PRACTICE_ATS_PORT ?? '4100';
const port = Number(rawPort);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  log('error', `PRACTICE_ATS_PORT must be a port number (0-65535), got "${rawPort}".`);
  process.exit(2);
}

const ats = await startPracticeAts({ port, host: process.env.PRACTICE_ATS_HOST ?? '127.0.0.1' });
log('info', 'practice ATS listening', { url: ats.url, data: process.env.PRACTICE_ATS_DATA ?? null });

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    log('info', 'practice ATS stopping', { signal });
    await ats.close();
    process.exit(0);
  });
}
