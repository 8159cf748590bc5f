// Circling a take, and frame chaining: a shot whose keyframe is "the last frame of shot 2"
// follows shot 2's circled take. The frames are read and imported (slow) before the edit; the
// edit then circles the take, swaps the chained keyframes and marks the takes made from the
// old keyframe "continuity stale" — all one undoable step, so undo puts everything back.
import fs from 'node:fs';
import { type ChainRow } from '../db/repos/reviewRepo';
import { UserError } from '../errors';
import { commitImport } from '../library/commit';
import { libraryCtx } from '../library/ops';
import { prepareFiles, type PreparedImage } from '../library/prepare';
import { extractTakeFrame, takeFrameSource, type FrameWhich } from '../library/takeFrame';
import { mediaStore } from '../media/store';
import { takeFile, takeOrThrow, type TakesProject } from './queries';
import { followTake, shotOrThrow } from './review';
import { markContinuity } from './continuity';
import { commitFrame, prepareFrame } from './frames';
import type { TakeView } from '../../../shared/domain/jobs';

interface PreparedChain {
  chain: ChainRow;
  image: PreparedImage;
}

export interface PreparedSelection {
  shotId: string;
  takeId: string | null;
  chains: PreparedChain[];
  /** A storyboard frame to circle, with its image ready to become the start keyframe. */
  frame?: { take: TakeView; image: PreparedImage };
}

/** Checks the choice and reads the frames chained shots will take; outside any transaction. */
export async function prepareSelection(project: TakesProject, shotId: string, takeId: string | null): Promise<PreparedSelection> {
  const shot = shotOrThrow(project, shotId);
  if (!takeId) return { shotId, takeId, chains: [] };
  const take = takeOrThrow(project, takeId);
  if (take.shotId !== shotId) throw new UserError(`Take ${take.number} belongs to another shot, not ${shot.label}. Refresh the take list.`);
  if (project.reviews.review(takeId).rejected) throw new UserError(`Take ${take.number} of ${shot.label} is rejected. Restore it before circling it.`);
  if (take.kind === 'frame') return { shotId, takeId, chains: [], frame: { take, image: await prepareFrame(project, take) } };
  // Circling the take already circled changes nothing downstream either.
  const chains = take.selected ? [] : project.reviews.chainsFrom(shotId);
  if (chains.length === 0) return { shotId, takeId, chains: [] };

  const video = takeFile(project, take);
  const frames = new Map<FrameWhich, PreparedImage>();
  for (const which of new Set(chains.map((c) => c.from_frame))) {
    const png = await extractTakeFrame(project.folder, shot, which, () => ({ path: video }));
    try {
      const { prepared, refused } = await prepareFiles(project.db, project.folder, [{ name: `${shot.label}-T${take.number}-${which}-frame.png`, path: png }]);
      if (!prepared[0])
        throw new UserError(`The ${which} frame of take ${take.number} could not be used as a keyframe: ${refused[0]?.reason ?? 'unknown reason'}`);
      frames.set(which, prepared[0]);
    } finally {
      fs.rmSync(png, { force: true });
    }
  }
  return { shotId, takeId, chains: chains.map((chain) => ({ chain, image: frames.get(chain.from_frame)! })) };
}

/** Inside the edit: circle, follow, chain. Returns the labels of the shots whose keyframe changed. */
export function commitSelection(project: TakesProject, sel: PreparedSelection): string[] {
  const shot = shotOrThrow(project, sel.shotId);
  if (sel.frame) {
    commitFrame(project, sel.frame.take, sel.frame.image);
    return [];
  }
  project.takes.select(sel.takeId ? { id: sel.takeId, shotId: sel.shotId } : null, sel.shotId);
  followTake(project, sel.shotId, sel.takeId);
  const reviews = project.reviews;
  const ctx = libraryCtx(project);
  const store = mediaStore(project.db, project.folder);
  const chained: string[] = [];
  for (const { chain, image } of sel.chains) {
    const target = project.timeline.shot(chain.shot_id);
    if (!target) continue;
    const source = takeFrameSource(shot.label, chain.from_frame);
    commitImport(ctx, store, [image], { to: 'keyframe', shotId: target.id, which: chain.which, source }, []);
    reviews.linkKeyframe(target.id, chain.which, { shotId: shot.id, frame: chain.from_frame });
    markContinuity(project, target.id, chain.which, image.working.relPath);
    chained.push(target.label);
  }
  return chained;
}
