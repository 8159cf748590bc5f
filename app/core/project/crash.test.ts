import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../testing/tmp.testkit';
import { openProject } from './project';
import { createProjectFolder } from './projectFiles';

const tmp = useTmpDir();

/** Starts the edit loop and SIGKILLs it after `after` acknowledged commits. */
function killDuringEdits(folder: string, after: number): Promise<number> {
  return new Promise((resolve, reject) => {
    // node itself, not the tsx wrapper, so SIGKILL hits the process that holds the db.
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('app/core/testing/editLoop.testkit.ts'), folder], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let acked = 0;
    let buf = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buf += chunk.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!;
      for (const line of lines) acked = Math.max(acked, Number(line));
      if (acked >= after) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', () => resolve(acked));
  });
}

describe('killed mid-edit', () => {
  it('reopens with every committed edit, twice in a row', async () => {
    const folder = createProjectFolder(tmp(), 'Crash', {
      createdBy: 'test',
      setup: (db) => db.prepare("INSERT INTO scenes VALUES ('s1', 1, 'Scene 1', 0)").run(),
    });
    let total = 0;
    for (const after of [40, 25]) {
      const acked = await killDuringEdits(folder, after);
      // The loop really ran (a child that failed to start acknowledges nothing).
      expect(acked).toBeGreaterThanOrEqual(after);
      total += acked;
      const p = openProject(folder);
      expect(p.db.pragma('integrity_check', { simple: true })).toBe('ok');
      const shots = p.timeline.shots();
      // Every acknowledged edit is there; at most the one in flight may be too.
      expect(shots.length).toBeGreaterThanOrEqual(total);
      expect(shots.every((s) => s.durationS === 3 && s.notes.length === 2000)).toBe(true);
      total = shots.length;
      p.close();
    }
  });
});
