import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../core/testing/tmp.testkit';
import { devhostShowInFolder } from './showInFolder';

const tmp = useTmpDir();

describe('the devhost: show in folder', () => {
  it('runs xdg-open on the folder of the file where there is a desktop session', async () => {
    const dir = tmp();
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    const called = path.join(dir, 'called');
    fs.writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > '${called}'\n`, { mode: 0o755 });
    const file = path.join(dir, 'board.pdf');
    fs.writeFileSync(file, '');
    await devhostShowInFolder({ DISPLAY: ':0', PATH: bin }, 'linux')(file);
    await expect.poll(() => fs.existsSync(called) && fs.readFileSync(called, 'utf8')).toBe(dir);
  });

  it('says where the file is when it cannot open a file manager', async () => {
    const file = path.join(tmp(), 'board.pdf');
    fs.writeFileSync(file, '');
    await expect(devhostShowInFolder({}, 'linux')(file)).rejects.toThrow(`cannot open a file manager (no desktop session). The file is at ${file}`);
    await expect(devhostShowInFolder({ DISPLAY: ':0', PATH: tmp() }, 'linux')(file)).rejects.toThrow(/xdg-open is not installed\). The file is at/);
  });
});
