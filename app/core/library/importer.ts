// An import from start to finish: expand folders, refuse what the target cannot hold, prepare
// the files (slow, async, with progress), then commit them in one step the caller supplies (an
// undoable edit in the app, a transaction in the CLI). Nothing is committed when every file
// was refused, so a failed add creates no item.
import type { ImportFile, ImportSummary, ImportTarget } from '../../../shared/domain/library';
import { mediaStore } from '../media/store';
import { commitImport, overCapacity, slotDrop } from './commit';
import { itemOrThrow, libraryCtx, shotOrThrow, type LibraryCtx } from './ops';
import { expandFolders, prepareFiles } from './prepare';
import type { Project } from '../project/project';

export type ImportProject = Pick<Project, 'db' | 'folder' | 'timeline' | 'library'>;

export interface ImportOptions {
  onProgress?: (p: { done: number; total: number; name: string; ok: boolean }) => void;
  /** Runs the commit as one step; returns what it returns. */
  commit: <T>(label: string, fn: () => T) => T;
  concurrency?: number;
}

function checkTarget(ctx: LibraryCtx, target: ImportTarget) {
  if (target.to === 'existing') itemOrThrow(ctx, target.itemId);
  if (target.to === 'slot' || target.to === 'keyframe') shotOrThrow(ctx, target.shotId);
}

/** The undo step's name; `replacing` is the slot (from 0) whose reference a slot drop takes the place of. */
export function importLabel(target: ImportTarget, n: number, replacing?: number): string {
  const images = n === 1 ? 'image' : `${n} images`;
  switch (target.to) {
    case 'slot':
      if (replacing !== undefined) return `Replace reference in slot ${replacing + 1}`;
      return n === 1 ? 'Add reference image' : `Add ${images} as references`;
    case 'keyframe':
      return `Set ${target.which} keyframe`;
    default:
      return `Import ${images}`;
  }
}

export async function importImages(project: ImportProject, files: ImportFile[], target: ImportTarget, opts: ImportOptions): Promise<ImportSummary> {
  const ctx = libraryCtx(project);
  checkTarget(ctx, target);
  const expanded = expandFolders(files);
  const capacity = overCapacity(
    ctx,
    target,
    expanded.files.map((f) => f.name),
  );
  const total = expanded.files.length + expanded.refused.length;
  let done = expanded.refused.length;
  const { prepared, refused } = await prepareFiles(project.db, project.folder, expanded.files.slice(0, capacity.keep), {
    concurrency: opts.concurrency,
    onFile: (name, ok) => opts.onProgress?.({ done: ++done, total, name, ok }),
  });
  for (const r of capacity.refused) opts.onProgress?.({ done: ++done, total, name: r.name, ok: false });
  const allRefused = [...expanded.refused, ...refused, ...capacity.refused];
  if (prepared.length === 0) return { added: [], skipped: [], refused: allRefused, itemsCreated: [] };
  const store = mediaStore(project.db, project.folder);
  const drop = target.to === 'slot' ? slotDrop(ctx, target) : null;
  const label = importLabel(target, prepared.length, drop?.replaces ? drop.at : undefined);
  return opts.commit(label, () => commitImport(libraryCtx(project), store, prepared, target, allRefused));
}
