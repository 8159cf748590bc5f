// "Export: DaVinci Resolve" for an open project, as the app and the CLI run it: read the project,
// plan the cut, make every media file (conform, copy or placeholder) and let resolveFolder.ts
// write the folder through its temp-and-rename, so a failed or canceled export leaves nothing.
import fs from 'node:fs';
import path from 'node:path';
import { EXPORT_EXISTS, type ResolveExportStep, type ResolveExportSummary } from '../../../shared/domain/resolveExport';
import { UserError } from '../errors';
import type { Project } from '../project/project';
import { exportFileNames, resolveFolderPath } from './planCut';
import { exportResolveFolder } from './resolveFolder';
import { prepareExport, type ExportChoices, type Recipe } from './prepare';
import { mediaProducer } from './produce';
import { readExportSource } from './source';
import { storyboardFonts } from './storyboard';
import { scratchDir, sweepScratch } from '../media/scratch';

export interface ProjectExportOptions extends ExportChoices {
  /** Replace an existing `<Title>_Resolve`; without it an existing folder is refused with EXPORT_EXISTS. */
  replace?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: { step: ResolveExportStep; detail: string; fraction: number }) => void;
  now?: Date;
}

/** Share of the progress bar the probing of takes takes; the rest is resolveFolder's steps. */
const PREPARE_SHARE = 0.05;

export function existsMessage(target: string): string {
  return `"${target}" already exists. Replace it, or choose another folder.`;
}

export async function exportProjectToResolve(project: Project, opts: ProjectExportOptions): Promise<ResolveExportSummary> {
  const source = readExportSource(project);
  const outDir = path.resolve(opts.outDir);
  if (!fs.statSync(outDir, { throwIfNoEntry: false })?.isDirectory())
    throw new UserError(`The folder "${outDir}" does not exist. Create it or choose another.`);
  // What an export killed here left (a half folder, its work files) goes before this one starts.
  sweepScratch(outDir);
  // Asked before any work; resolveFolder refuses again at the end should it appear meanwhile.
  const planned = resolveFolderPath(outDir, source.snapshot.project.title);
  if (fs.existsSync(planned) && !opts.replace) throw new UserError(existsMessage(planned), { code: EXPORT_EXISTS });

  const progress = opts.onProgress ?? (() => {});
  progress({ step: 'prepare', detail: 'Reading takes', fraction: 0 });
  const prepared = await prepareExport(source, opts, {
    signal: opts.signal,
    onProbe: (done, total) => progress({ step: 'prepare', detail: `Probing takes (${done} of ${total})`, fraction: (PREPARE_SHARE * done) / total }),
  });
  const { cut, target } = prepared;

  const work = scratchDir(path.dirname(target), 'export-work');
  let done = 0;
  let total = 1;
  const scaled = (fraction: number) => PREPARE_SHARE + (1 - PREPARE_SHARE) * Math.min(1, fraction);
  const verbs = new Map<string, string>();
  const producer = mediaProducer(prepared, work, {
    onFraction: (media, f) => progress({ step: 'media', detail: verbs.get(media.path) ?? media.fileName, fraction: scaled((done + f) / total) }),
  });
  try {
    const result = await exportResolveFolder({
      cut,
      target,
      replace: opts.replace,
      signal: opts.signal,
      produceMedia: producer.produce,
      storyboardFrames: producer.storyboardFrames,
      scenes: source.snapshot.scenes,
      fonts: await storyboardFonts(),
      shotList: { snapshot: source.snapshot, actualUsd: source.actualUsd },
      provenance: source.provenance,
      now: opts.now,
      onProgress: (p) => {
        done = p.done;
        total = p.total;
        const detail = p.step === 'media' ? describeMedia(prepared.recipes.get(path.join(target, p.detail)), p.detail) : p.detail;
        if (p.step === 'media') verbs.set(path.join(target, p.detail), detail);
        progress({ step: p.step, detail, fraction: scaled(p.done / p.total) });
      },
    });
    const clips = cut.clips;
    return {
      folder: result.folder,
      fcpxml: path.join(result.folder, exportFileNames(cut.title).fcpxml),
      shots: clips.length,
      takes: clips.filter((c) => c.take !== null).length,
      placeholders: clips.filter((c) => c.take === null).length,
      alternates: clips.reduce((n, c) => n + c.alternates.length, 0),
      copied: producer.stats.copied,
      encoded: producer.stats.encoded,
      width: cut.width,
      height: cut.height,
      warnings: [...prepared.warnings, ...result.warnings],
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function describeMedia(recipe: Recipe | undefined, where: string): string {
  if (!recipe) return where;
  if (recipe.kind === 'placeholder') return `${where} — placeholder for ${recipe.shot.label} (${recipe.still ? 'still' : 'title card'})`;
  const how = recipe.hold > 0 ? `, holding the last frame ${recipe.hold} frames` : '';
  return `${where} — take ${recipe.take} of ${recipe.label}${how}`;
}
