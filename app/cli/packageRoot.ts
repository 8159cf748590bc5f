// Where Shotline's own files (package.json, assets/) are. The CLI runs both from its sources
// (app/cli/…) and from the bundle (dist/cli/shotline.mjs), at different depths, so the root is
// found by walking up to the package.json that names Shotline rather than by a fixed `../..`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'shotline') return dir;
    if (path.dirname(dir) === dir) throw new Error(`Shotline's package.json was not found above ${from}`);
  }
}

export const PACKAGE_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));
