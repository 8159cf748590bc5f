// "Show in folder" under the devhost, which is for development only: xdg-open on the file's folder
// where there is a desktop session to show it in; elsewhere (CI, a server, macOS, Windows) a user
// error that says where the file is, so the button still ends in something useful.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../core/errors';

export function devhostShowInFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform) {
  return async (file: string): Promise<void> => {
    const cannot = (why: string) => new UserError(`The development host cannot open a file manager (${why}). The file is at ${file}`);
    if (platform !== 'linux' || !(env.DISPLAY || env.WAYLAND_DISPLAY)) throw cannot('no desktop session');
    const folder = fs.statSync(file).isDirectory() ? file : path.dirname(file);
    const child = spawn('xdg-open', [folder], { env, detached: true, stdio: 'ignore' });
    // Resolved once it has started: a file manager runs on its own, and xdg-open may wait for it.
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', (err: NodeJS.ErrnoException) => reject(err.code === 'ENOENT' ? cannot('xdg-open is not installed') : err));
    });
    child.unref();
  };
}
