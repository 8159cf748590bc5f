// Storyboard frames: circling one makes it the shot's start keyframe, so the video step animates
// exactly the approved picture, and marks the video takes made from the old keyframe. The
// frame's image is read and prepared for the library (slow) before the edit; the edit itself
// circles, sets the keyframe and marks, in one transaction.
import type { TakeView } from '../../../shared/domain/jobs';
import { UserError } from '../errors';
import { commitImport } from '../library/commit';
import { libraryCtx } from '../library/ops';
import { prepareFiles, type PreparedImage } from '../library/prepare';
import { mediaStore } from '../media/store';
import { takeFile, type TakesProject } from './queries';
import { markContinuity } from './continuity';

/** The keyframe's source line for a frame ("frame 3"), shown under the keyframe slot. */
export function frameSource(take: Pick<TakeView, 'number'>): string {
  return `frame ${take.number}`;
}

/** Reads the frame's file as a library image ready to become the start keyframe; outside any transaction. */
export async function prepareFrame(project: TakesProject, take: TakeView): Promise<PreparedImage> {
  const shot = project.timeline.shot(take.shotId);
  const label = shot?.label ?? 'shot';
  const file = takeFile(project, take);
  const { prepared, refused } = await prepareFiles(project.db, project.folder, [{ name: `${label}-frame-${take.number}${extOf(file)}`, path: file }]);
  if (!prepared[0]) throw new UserError(`Frame ${take.number} of ${label} cannot be used as its start keyframe: ${refused[0]?.reason ?? 'unknown reason'}`);
  return prepared[0];
}

function extOf(file: string): string {
  const dot = file.lastIndexOf('.');
  return dot > file.lastIndexOf('/') ? file.slice(dot) : '.png';
}

/** Inside the edit: circle the frame and make it the start keyframe; takes from the old keyframe are marked. */
export function commitFrame(project: TakesProject, take: TakeView, image: PreparedImage): void {
  project.takes.select({ id: take.id, shotId: take.shotId }, take.shotId, 'frame');
  commitImport(
    libraryCtx(project),
    mediaStore(project.db, project.folder),
    [image],
    { to: 'keyframe', shotId: take.shotId, which: 'start', source: frameSource(take) },
    [],
  );
  markContinuity(project, take.shotId, 'start', image.working.relPath);
}

/**
 * A frame that just arrived is circled by itself when its shot has neither a circled frame nor a
 * start keyframe: the board fills in and the video step has its picture with no click. Returns
 * whether it did.
 */
export async function circleFirstFrame(project: TakesProject, takeId: string): Promise<boolean> {
  const take = project.takes.get(takeId);
  if (!take || take.kind !== 'frame') return false;
  const taken = () =>
    project.takes.byShot(take.shotId, 'frame').some((t) => t.selected) || project.library.keyframesOf(take.shotId).some((k) => k.which === 'start');
  if (taken()) return false;
  const image = await prepareFrame(project, take);
  return project.db.transaction(() => {
    if (taken() || !project.timeline.shot(take.shotId)) return false;
    commitFrame(project, take, image);
    return true;
  })();
}
