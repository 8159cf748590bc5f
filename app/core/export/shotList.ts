// The shot list CSV on its own, at any time — before any take exists — for the app and the CLI.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors';
import type { Project } from '../project/project';
import { shotListCsv } from './formats/csv';
import { exportFileNames } from './planCut';

/** Writes the shot list to `target` (a file, or a folder to put `<Title>_shotlist.csv` in); returns the file. */
export function writeShotList(project: Project, target: string): { path: string; shots: number } {
  const snapshot = project.snapshot();
  const where = path.resolve(target);
  const file = fs.statSync(where, { throwIfNoEntry: false })?.isDirectory() ? path.join(where, exportFileNames(snapshot.project.title).shotListCsv) : where;
  if (!fs.statSync(path.dirname(file), { throwIfNoEntry: false })?.isDirectory()) {
    throw new UserError(`The folder "${path.dirname(file)}" does not exist. Create it or choose another.`);
  }
  const csv = shotListCsv(snapshot, Object.fromEntries(project.reviews.spendByShot()));
  // Through a temp file beside it, so a failed write leaves no half CSV under the name.
  const temp = `${file}.partial-${process.pid}`;
  try {
    fs.writeFileSync(temp, csv);
    fs.renameSync(temp, file);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
  return { path: file, shots: snapshot.shots.length };
}
