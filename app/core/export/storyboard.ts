// The storyboard's panels, built in one place for the Resolve export and for "Export storyboard
// PDF" on its own, and that export itself: seconds, not a Resolve export's minutes, because it
// draws from images the project already keeps (each take's thumbnail, made when the take
// landed; the still a placeholder shows) rather than conforming and grabbing from every take.
import { listFieldRows } from '../../../shared/domain/shotList';
import fs from 'node:fs';
import { loadSharp } from '../media/lazyLibs';
import { dialogueText } from '../../../shared/domain/dialogue';
import type { ExportClip } from '../../../shared/domain/cut';
import type { PanelsPerPage, PaperSize, StoryboardSummary } from '../../../shared/domain/storyboard';
import { TIMELINE_FPS } from '../../../shared/domain/timecode';
import type { Scene } from '../../../shared/domain/types';
import { UserError } from '../errors';
import { frameCachePath, STORYBOARD_WIDTH } from '../media/frameCache';
import { projectMediaPath } from '../media/projectPath';
import type { Project } from '../project/project';
import { findFont } from '../providers/local/fonts';
import { writeStoryboardPdf, type StoryboardField, type StoryboardInput, type StoryboardScene } from './formats/pdf';
import { outputFile, writeAtomically } from './outputFile';
import { exportFileNames } from './planCut';
import { readExportSource, type SourceShot } from './source';

/** A shot as its panel shows it: the cut's clip carries all of it, so the Resolve export passes its clips. */
export type BoardShot = Pick<ExportClip, 'shotId' | 'sceneNumber' | 'label' | 'action' | 'dialogue' | 'tool' | 'camera' | 'list'> & {
  /** As long as the cut plays it. */
  durationS: number;
};

/** "SCENE 2 — INT. DINER – NIGHT"; a default name ("Scene 2") says nothing the number does not, so it is left out. */
export function sceneHeading(scene: Pick<Scene, 'number' | 'name'>): string {
  const name = scene.name.trim();
  return name && !/^scene\s*\d+$/i.test(name) ? `SCENE ${scene.number} — ${name}` : `SCENE ${scene.number}`;
}

/** The fields printed under each panel: timing, camera and tool, then the shot list's columns that have a value. */
function panelFields(shot: BoardShot, customColumns: readonly string[]): StoryboardField[] {
  return [
    { label: 'Duration', value: `${shot.durationS.toFixed(1)} s` },
    { label: 'Camera', value: shot.camera.replace(/_/g, ' ') },
    { label: 'Tool', value: shot.tool },
    ...listFieldRows(shot.list, customColumns),
  ];
}

/** Shots in cut order as panels, a scene per run of shots with the same scene number. */
export function storyboardScenes(
  shots: readonly BoardShot[],
  scenes: ReadonlyArray<Pick<Scene, 'number' | 'name'>>,
  frame: (shotId: string) => string | Buffer | null,
  customColumns: readonly string[] = [],
): Pick<StoryboardInput, 'scenes' | 'runningTimeS'> {
  const names = new Map(scenes.map((s) => [s.number, s.name]));
  const out: StoryboardScene[] = [];
  let current: number | null = null;
  for (const shot of shots) {
    if (shot.sceneNumber !== current) {
      current = shot.sceneNumber;
      out.push({ heading: sceneHeading({ number: current, name: names.get(current) ?? '' }), panels: [] });
    }
    out
      .at(-1)!
      .panels.push({ label: shot.label, action: shot.action, dialogue: shot.dialogue, fields: panelFields(shot, customColumns), image: frame(shot.shotId) });
  }
  return { scenes: out, runningTimeS: shots.reduce((sum, s) => sum + s.durationS, 0) };
}

/** The font pair the storyboard prints Unicode with: the animatic's font and its bold sibling when there is one. */
export async function storyboardFonts(): Promise<{ regular: string; bold: string } | undefined> {
  const regular = await findFont();
  if (!regular || !/\.ttf$/i.test(regular)) return undefined;
  const bold = [regular.replace(/(\.ttf)$/i, '-Bold$1'), regular.replace(/-Regular(\.ttf)$/i, '-Bold$1')].find((f) => f !== regular && fs.existsSync(f));
  return { regular, bold: bold ?? regular };
}

export interface StoryboardOptions {
  perPage: PanelsPerPage;
  paper?: PaperSize;
  now?: Date;
}

/** Writes the storyboard to `target` (a .pdf file, or a folder to put `<Title>_storyboard.pdf` in). */
export async function writeProjectStoryboard(project: Project, target: string, opts: StoryboardOptions): Promise<StoryboardSummary> {
  const source = readExportSource(project);
  const { project: info, scenes } = source.snapshot;
  if (source.shots.length === 0) throw new UserError('There is nothing to draw: the project has no shots. Add a shot first.');
  const file = outputFile(target, exportFileNames(info.title).storyboardPdf);
  if (!/\.pdf$/i.test(file)) throw new UserError(`"${file}" is not a .pdf file. Name a file ending in .pdf, or a folder to put the storyboard in.`);

  const frames = new Map(await Promise.all(source.shots.map(async (s) => [s.shot.id, await panelImage(project, s)] as const)));
  const { pdf, pages } = await writeStoryboardPdf({
    title: info.title,
    credits: info.credits,
    aspectRatio: info.aspectRatio,
    ...storyboardScenes(source.shots.map(boardShot), scenes, (id) => frames.get(id) ?? null, info.customColumns),
    date: opts.now ?? new Date(),
    paper: opts.paper,
    perPage: opts.perPage,
    fonts: await storyboardFonts(),
  });
  writeAtomically(file, pdf);
  return { path: file, pages, shots: source.shots.length };
}

/** The shot as the cut plays it: the take's tool, else the shot's (as planCut names a clip's). */
function boardShot({ shot, sceneNumber, clip, take }: SourceShot): BoardShot {
  return {
    shotId: shot.id,
    sceneNumber,
    label: shot.label,
    action: shot.action,
    dialogue: dialogueText(shot.dialogue),
    tool: take?.take.tool ?? shot.tool,
    camera: shot.prompt.camera,
    list: shot.list,
    durationS: (clip.recordOutFrames - clip.recordInFrames) / TIMELINE_FPS,
  };
}

/**
 * The take the cut plays, by its kept still or the thumbnail stored with it; else the still its placeholder shows
 * (start keyframe, else first reference), scaled down since a library image may be tens of
 * megapixels; else null, a card with the label.
 */
async function panelImage(project: Project, s: SourceShot): Promise<string | Buffer | null> {
  if (s.take) {
    // The still kept at the panel's frame (as the Resolve export draws it) when there is one: three times the thumbnail's width.
    const kept = frameCachePath(project.folder, s.take.take.relPath, Math.floor((s.clip.sourceInFrames + s.clip.sourceOutFrames) / 2), STORYBOARD_WIDTH);
    if (fs.existsSync(kept)) return kept;
    const thumb = s.take.take.thumbRelPath;
    const file = thumb && projectMediaPath(project.folder, thumb, `The thumbnail of take ${s.take.take.number} of ${s.shot.label}`);
    return file && fs.existsSync(file) ? file : null;
  }
  if (!s.still || !fs.existsSync(s.still.path)) return null;
  try {
    const sharp = await loadSharp();
    return await sharp(s.still.path).resize(STORYBOARD_WIDTH, STORYBOARD_WIDTH, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 85 }).toBuffer();
  } catch {
    // A still that cannot be decoded gets the label card rather than costing the whole storyboard.
    return null;
  }
}
