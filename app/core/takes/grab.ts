// Grabbing a frame of a take as a still: a full-size PNG imported through the library, so it can
// be the next shot's keyframe or a library image like any other.
import fs from 'node:fs';
import type { ImportSummary, ImportTarget, LibraryKind } from '../../../shared/domain/library';
import { TIMELINE_FPS } from '../../../shared/domain/timecode';
import { UserError } from '../errors';
import { commitImport } from '../library/commit';
import { importImages, type ImportOptions } from '../library/importer';
import { libraryCtx } from '../library/ops';
import { prepareFiles } from '../library/prepare';
import { runFfmpeg } from '../media/ffmpeg';
import { mediaStore, mediaTempPath } from '../media/store';
import { takeFile, takeName, takeOrThrow, type TakesProject } from './queries';

export type GrabTarget =
  | { to: 'keyframe'; shotId: string; which: 'start' | 'end' }
  | { to: 'library' }
  | { to: 'item'; kind: LibraryKind; name?: string }
  | { to: 'existing'; itemId: string };

/** Writes the frame shown at `atS` (clamped into the take) as a PNG; returns its path. */
export async function frameAt(video: string, atS: number, durationS: number | null, dest: string): Promise<void> {
  const last = durationS ? Math.max(0, durationS - 1 / TIMELINE_FPS) : atS;
  // -ss before -i seeks to the nearest keyframe and then decodes up to the exact time.
  await runFfmpeg(['-ss', Math.min(Math.max(0, atS), last).toFixed(3), '-i', video, '-frames:v', '1', '-f', 'image2', '-c:v', 'png', '-y', dest]);
  if (!fs.existsSync(dest) || fs.statSync(dest).size === 0) throw new UserError('No frame could be read at that time; the take may be damaged.');
}

/** A loose library image needs no item; the library's import has no such drop target, so it is committed here. */
async function importLoose(project: TakesProject, png: string, name: string, commit: ImportOptions['commit']): Promise<ImportSummary> {
  const { prepared, refused } = await prepareFiles(project.db, project.folder, [{ name, path: png }]);
  if (prepared.length === 0) return { added: [], skipped: [], refused, itemsCreated: [] };
  return commit('Add frame to the library', () =>
    commitImport(libraryCtx(project), mediaStore(project.db, project.folder), prepared, { to: 'loose' }, refused),
  );
}

export async function grabFrame(
  project: TakesProject,
  takeId: string,
  atS: number,
  target: GrabTarget,
  commit: ImportOptions['commit'],
): Promise<{ imageId: string }> {
  const take = takeOrThrow(project, takeId);
  const name = takeName(project, take);
  const fileName = `${name.replace(/\s+/g, '-')}-${atS.toFixed(2)}s.png`;
  const png = mediaTempPath(project.folder, '.png');
  try {
    await frameAt(takeFile(project, take), atS, take.durationS, png);
    const summary =
      target.to === 'library'
        ? await importLoose(project, png, fileName, commit)
        : await importImages(project, [{ name: fileName, path: png }], importTarget(target, name, atS), { commit });
    const added = summary.added[0];
    if (added) return { imageId: added.imageId };
    const why = summary.skipped[0]?.reason ?? summary.refused[0]?.reason ?? 'it was not added';
    throw new UserError(`The frame was not added: ${why}`);
  } finally {
    fs.rmSync(png, { force: true });
  }
}

function importTarget(target: Exclude<GrabTarget, { to: 'library' }>, name: string, atS: number): ImportTarget {
  if (target.to === 'keyframe') return { to: 'keyframe', shotId: target.shotId, which: target.which, source: `${name}, ${atS.toFixed(2)} s` };
  if (target.to === 'item') return { to: 'item', kind: target.kind, name: target.name?.trim() || `Frame of ${name}` };
  return target;
}
