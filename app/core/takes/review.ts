// The user's decisions about takes. Rating, rejecting and fitting are plain edits the caller runs
// as one undoable step; deleting is not an edit: it is explicit, confirmed, and removes the row
// (and the file, once nothing else refers to it).
import fs from 'node:fs';
import { pickTake } from '../../../shared/domain/playback';
import type { FitMode, ShotFit, TakeRating } from '../../../shared/domain/takes';
import { TIMELINE_FPS } from '../../../shared/domain/timecode';
import type { Shot } from '../../../shared/domain/types';
import { UserError } from '../errors';
import { libraryCtx, shotOrThrow as libraryShotOrThrow } from '../library/ops';
import { projectMediaPath } from '../media/projectPath';
import { takeName, takeOrThrow, type TakesProject } from './queries';

/** The library's check, with the words it uses (the shot may come back with Ctrl+Z). */
export function shotOrThrow(project: TakesProject, shotId: string): Shot {
  return libraryShotOrThrow(libraryCtx(project), shotId);
}

/** Seconds, on the 24 fps grid the cut uses, so the plan and the take agree to the frame. */
const onGrid = (s: number) => Math.max(1 / TIMELINE_FPS, Math.round(s * TIMELINE_FPS) / TIMELINE_FPS);

export function rateTake(project: TakesProject, takeId: string, patch: Partial<TakeRating>): TakeRating {
  takeOrThrow(project, takeId);
  const reviews = project.reviews;
  reviews.rate(takeId, patch);
  return reviews.review(takeId).rating;
}

/** A rejected take cannot stay circled: the cut would play a take the user threw out. */
export function rejectTake(project: TakesProject, takeId: string, rejected: boolean): void {
  const take = takeOrThrow(project, takeId);
  const reviews = project.reviews;
  reviews.setRejected(takeId, rejected);
  if (rejected && take.selected) project.takes.select(null, take.shotId);
}

/** When the plan follows the take, the shot's planned duration becomes the take's length. */
export function followTake(project: TakesProject, shotId: string, takeId: string | null): void {
  if (project.reviews.fit(shotId)?.mode !== 'retime-plan' || !takeId) return;
  const take = project.takes.get(takeId);
  if (take?.durationS) project.reviews.setPlannedDuration(shotId, onGrid(take.durationS));
}

export function setFit(project: TakesProject, shotId: string, mode: FitMode | null, trimInS?: number): ShotFit {
  shotOrThrow(project, shotId);
  const reviews = project.reviews;
  const now = reviews.fit(shotId)!;
  const trim = mode === 'trim' ? onGridOrZero(trimInS ?? now.trimInS) : 0;
  if (mode === 'retime-plan') {
    const take = circledOrNewest(project, shotId);
    if (!take) throw new UserError('This shot has no take yet, so there is no length to follow. Generate a take first.');
    reviews.setFit(shotId, mode, 0);
    followTake(project, shotId, take);
  } else {
    reviews.setFit(shotId, mode, trim);
  }
  return reviews.fit(shotId)!;
}

const onGridOrZero = (s: number) => (s > 0 ? Math.round(s * TIMELINE_FPS) / TIMELINE_FPS : 0);

/** The take the cut plays for a shot: circled, else newest not rejected (the player's rule). */
export function circledOrNewest(project: TakesProject, shotId: string): string | null {
  const reviews = project.reviews.reviews();
  const takes = project.takes.byShot(shotId).map((t) => ({ ...t, rejected: reviews.get(t.id)?.rejected ?? false }));
  return pickTake(takes)?.take.id ?? null;
}

/**
 * Deletes a take for good. The circled take is refused unless `force`: losing the take in the
 * cut should take two decisions. Returns whether its video file went too (it stays while any
 * other row, or a row an undo could bring back, refers to the same file).
 */
export function deleteTake(project: TakesProject, takeId: string, force = false): { fileRemoved: boolean; relPaths: string[] } {
  const take = takeOrThrow(project, takeId);
  if (take.selected && !force) {
    throw new UserError(`${capital(takeName(project, take))} is the circled take in the cut. Circle another take first, or confirm deleting the circled take.`);
  }
  const relPaths = project.db.transaction(() => project.reviews.deleteTake(takeId))();
  // Files go only after the rows are committed: a crash in between leaves a harmless stray file.
  // A record leading outside the project's media (a tampered project) deletes nothing there.
  for (const rel of relPaths) {
    const file = (() => {
      try {
        return projectMediaPath(project.folder, rel, 'The take');
      } catch {
        return null;
      }
    })();
    if (file) fs.rmSync(file, { force: true });
  }
  return { fileRemoved: relPaths.includes(take.relPath), relPaths };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
