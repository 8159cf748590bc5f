// Work in progress beside where its result goes: a half-written export folder, an animatic being
// joined, the segments it is joined from. Kept in the destination's parent (not the system temp
// folder) so the final rename never crosses a file system, and named with the pid of the process
// that made it, so the next run can tell leftovers of a killed process (kill -9, a crash, a power
// cut) from the work of one still running, and remove them.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const SCRATCH = /^\.shotline-[a-z-]+?-(\d+)-[0-9a-f]{8}(?:\.[a-z0-9]+)?$/;

/** A fresh scratch path in `dir`: `.shotline-<kind>-<pid>-<random><ext>`. */
export function scratchPath(dir: string, kind: string, ext = ''): string {
  return path.join(dir, `.shotline-${kind}-${process.pid}-${randomBytes(4).toString('hex')}${ext}`);
}

/** A fresh scratch folder in `dir`, made. */
export function scratchDir(dir: string, kind: string): string {
  const folder = scratchPath(dir, kind);
  fs.mkdirSync(folder, { recursive: true });
  return folder;
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, under another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the scratch entries in `dir` whose process is gone, but those `held` says are still
 * wanted (a file a durable job will go on with); returns their names.
 */
export function sweepScratch(dir: string, held: (name: string) => boolean = () => false): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const swept: string[] = [];
  for (const name of names) {
    const pid = Number(SCRATCH.exec(name)?.[1] ?? NaN);
    if (!Number.isInteger(pid) || pid === process.pid || running(pid) || held(name)) continue;
    fs.rmSync(path.join(dir, name), { recursive: true, force: true });
    swept.push(name);
  }
  return swept;
}
