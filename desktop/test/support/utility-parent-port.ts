// STAND-IN (part of electron-stand-in.ts): what Electron gives a utility process, `process.parentPort`,
// over the Node IPC channel of the child process that stands for it.
type Listener = (event: { data: unknown; ports: [] }) => void;

const parentPort = {
  on(event: 'message', listener: Listener): void {
    if (event === 'message') process.on('message', (data) => listener({ data, ports: [] }));
  },
  postMessage(message: unknown): void {
    if (process.connected) process.send?.(message);
  },
};

Object.defineProperty(process, 'parentPort', { value: parentPort });
