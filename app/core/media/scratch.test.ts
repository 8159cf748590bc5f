import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../testing/tmp.testkit';
import { scratchDir, scratchPath, sweepScratch } from './scratch';

describe('scratch work', () => {
  const tmp = useTmpDir();

  it('sweeps what a process that is gone left, and keeps live work and everything else', () => {
    const dir = tmp();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const leftovers = [`.shotline-export-${gone}-0123abcd`, `.shotline-cut-${gone}-89abcdef.mp4`];
    for (const name of leftovers) fs.mkdirSync(path.join(dir, name));
    const mine = scratchDir(dir, 'export');
    fs.writeFileSync(scratchPath(dir, 'cut', '.mp4'), 'live');
    fs.mkdirSync(path.join(dir, 'Film_Resolve'));
    fs.writeFileSync(path.join(dir, `.shotline-notes-${gone}.txt`), 'not ours: no random part');
    expect(sweepScratch(dir).sort()).toEqual([...leftovers].sort());
    expect(fs.readdirSync(dir)).toContain(path.basename(mine));
    expect(fs.readdirSync(dir)).toHaveLength(4);
  });

  it('names scratch work with this process and a kind', () => {
    expect(path.basename(scratchPath('/x', 'cut', '.mp4'))).toMatch(new RegExp(`^\\.shotline-cut-${process.pid}-[0-9a-f]{8}\\.mp4$`));
  });
});
