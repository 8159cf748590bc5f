import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startDevhost } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5199' },
    'user-data': { type: 'string' },
    'projects-dir': { type: 'string' },
    open: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(`Usage: tsx app/devhost/main.ts [--port 5199] [--user-data DIR] [--projects-dir DIR]
Serves the built renderer (npm run build:renderer) with the real core on 127.0.0.1.`);
  process.exit(0);
}

const userDataDir = values['user-data'] ?? path.join(os.tmpdir(), 'shotline-devhost');
const host = await startDevhost({
  port: Number(values.port),
  userDataDir,
  projectsDir: values['projects-dir'] ?? path.join(userDataDir, 'Projects'),
  openPath: values.open,
});
console.log(`Shotline devhost: ${host.url}`);
const stop = () => void host.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
