// The shot list CSV on its own, at any time — before any take exists — for the app and the CLI.
import type { Project } from '../project/project';
import { shotListCsv } from './formats/csv';
import { outputFile, writeAtomically } from './outputFile';
import { exportFileNames } from './planCut';

/** Writes the shot list to `target` (a file, or a folder to put `<Title>_shotlist.csv` in); returns the file. */
export function writeShotList(project: Project, target: string): { path: string; shots: number } {
  const snapshot = project.snapshot();
  const file = outputFile(target, exportFileNames(snapshot.project.title).shotListCsv);
  writeAtomically(file, shotListCsv(snapshot, Object.fromEntries(project.reviews.spendByShot())));
  return { path: file, shots: snapshot.shots.length };
}
