// A backend node in a process of its own, so a test can SIGKILL it mid-flight. Configured by the
// environment like `npm start`; prints "ready <url>" once it listens.
import { loadConfig } from '../../src/config.ts';
import { startNode } from '../../src/node.ts';

const node = await startNode(loadConfig(), process.env.DATABASE_URL as string);
process.stdout.write(`ready ${node.url}\n`);
process.on('SIGTERM', () => void node.stop().then(() => process.exit(0)));
