#!/usr/bin/env node
// `npm start`'s last step: runs Electron on the built app. Electron downloads its own binary the
// first time (about 100 MB); when that fails (offline, a proxy) the user gets one line with the
// fix instead of the installer's stack trace. Arguments are passed to Electron.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { diagnose, failureMessage } from './native/messages.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(path.join(root, 'package.json'));
const electronDir = path.dirname(require.resolve('electron/package.json'));

/** The Electron binary, downloading it first if this is the first run; exits with one line when it cannot. */
function electronBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  const have = () => existsSync(pathFile) && existsSync(path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8')));
  if (!have() && !process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    console.log('start: downloading the Electron app (about 100 MB, once)…');
    const r = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { encoding: 'utf8' });
    if (r.status !== 0 || !have()) {
      const { detail } = diagnose(`${r.stdout ?? ''}${r.stderr ?? ''}${r.error?.message ?? ''}`);
      console.error(`start: ${failureMessage('electron-download', process.platform, detail)}`);
      process.exit(1);
    }
  }
  return require('electron');
}

const child = spawn(electronBinary(), process.argv.slice(2), { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
