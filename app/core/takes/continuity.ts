// Continuity: a video take made from a start or end keyframe that is no longer the shot's is
// marked "from an older frame", whether the keyframe changed by chaining or by circling a frame.
import { readSnapshot } from '../jobs/request';
import type { TakesProject } from './queries';

/** A take is stale when the keyframe it was made from is not the shot's keyframe now. */
export function markContinuity(project: TakesProject, shotId: string, which: 'start' | 'end', keyframeRelPath: string): void {
  const reviews = project.reviews;
  for (const take of project.takes.byShot(shotId)) {
    const request = reviews.requestJson(take.id);
    const snap = request ? readSnapshot(request) : null;
    const used = which === 'start' ? snap?.startFrame?.relPath : snap?.endFrame?.relPath;
    reviews.setStale(take.id, used !== keyframeRelPath);
  }
}
