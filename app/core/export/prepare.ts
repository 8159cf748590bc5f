// From what the project holds (source.ts) to the planned cut and, for every media file of it,
// the recipe that makes it: conform a take (with its hold), or render a placeholder from the
// shot's still or title card. Each take is probed once here: the timelines must say whether a
// clip has sound, and the conform decides from the same probe whether it can stream-copy.
import { CORES, mapLimit } from '../mapLimit';
import fs from 'node:fs';
import type { ExportCut } from '../../../shared/domain/cut';
import type { FrameFit, MediaFormat } from '../../../shared/domain/resolveExport';
import { TIMELINE_FPS } from '../../../shared/domain/timecode';
import type { AspectRatio, Shot } from '../../../shared/domain/types';
import { UserError } from '../errors';
import { FORMATS, probeSource, type ConformSpec, type SourceProbe } from '../media/conform';
import { animaticSize } from '../providers/local/sizes';
import { planCut, resolveFolderPath, type PlanShot, type PlanTake } from './planCut';
import type { ExportSource, SourceStill, SourceTake } from './source';

export interface ExportChoices {
  /** The folder `<Title>_Resolve` is created in. */
  outDir: string;
  format: MediaFormat;
  fit: FrameFit;
  /** Also export each shot's other usable takes into Alternates/. */
  alternates: boolean;
}

export type Recipe =
  | {
      kind: 'take';
      shotId: string;
      label: string;
      take: number;
      src: string;
      /** Where the project stores it (`media/ab/<sha>.mp4`): the key of its kept stills. */
      relPath: string;
      probe: SourceProbe;
      /** The whole take, then `hold` frozen frames. */
      frames: number;
      hold: number;
      /** Frame of the file the storyboard panel shows; null for alternates. */
      storyboardAt: number | null;
    }
  | {
      kind: 'placeholder';
      shotId: string;
      shot: Shot;
      aspectRatio: AspectRatio;
      still: SourceStill | null;
      frames: number;
    };

export interface PreparedExport {
  /** The project's folder, where stills grabbed from its takes are kept. */
  projectFolder: string;
  cut: ExportCut;
  target: string;
  spec: ConformSpec;
  /** By the media file's path in the finished folder (ClipMedia.path). */
  recipes: Map<string, Recipe>;
  /** What the user should know but that does not stop the export. */
  warnings: string[];
}

/**
 * The timeline's frame: the local animatic's 1080p sizes for the project's ratio (1920×1080 for
 * 16:9, 1080×1920 for 9:16, 1440×1440 for 1:1, 1440×1080 for 4:3, 2520×1080 for 21:9): even
 * sides for 4:2:0, the HD raster Resolve projects default to, and the size local placeholder
 * frames are drawn at, so they need no scaling.
 */
export function timelineSize(aspectRatio: AspectRatio): { width: number; height: number } {
  return animaticSize(aspectRatio, '1080p');
}

export async function prepareExport(
  source: ExportSource,
  choices: ExportChoices,
  opts: { signal?: AbortSignal; onProbe?: (done: number, total: number) => void } = {},
): Promise<PreparedExport> {
  const { project } = source.snapshot;
  const size = timelineSize(project.aspectRatio);
  const spec: ConformSpec = { ...size, fit: choices.fit, format: choices.format };
  const target = resolveFolderPath(choices.outDir, project.title);

  const toProbe = source.shots.flatMap((s) => [s.take, ...(choices.alternates ? s.alternates : [])]).filter((t): t is SourceTake => !!t);
  let probed = 0;
  const probes = new Map<string, SourceProbe>();
  await mapLimit(toProbe, CORES * 2, async (t) => {
    opts.signal?.throwIfAborted();
    probes.set(t.take.id, await probeTake(t, source.shots.find((s) => s.shot.id === t.take.shotId)?.shot.label ?? '?', opts.signal));
    opts.onProbe?.(++probed, toProbe.length);
  });

  const planTake = (t: SourceTake, hold: number): PlanTake => ({
    number: t.take.number,
    tool: t.take.tool,
    sourcePath: t.path,
    durationFrames: t.frames + hold,
    hasAudio: !!probes.get(t.take.id)!.audio,
    prompt: t.take.prompt,
  });
  const shots: PlanShot[] = source.shots.map((s) => {
    const { clip } = s;
    const length = clip.recordOutFrames - clip.recordInFrames;
    // The record length is the playback cut's (a `retime-plan` shot runs as long as its take).
    const shot = { ...s.shot, durationS: length / TIMELINE_FPS };
    return {
      shot,
      sceneNumber: s.sceneNumber,
      take: s.take ? { ...planTake(s.take, clip.holdFrames), inFrames: clip.sourceInFrames } : null,
      placeholder: s.take ? null : (s.still?.path ?? `title card: ${s.shot.label}`),
      alternates: choices.alternates ? s.alternates.map((a) => planTake(a, 0)) : [],
    };
  });
  const cut = planCut({
    title: project.title,
    credits: project.credits,
    ...size,
    aspectRatio: project.aspectRatio,
    targetDir: target,
    shots,
    ext: FORMATS[choices.format].ext,
    references: source.references,
    audio: source.audio,
  });

  const recipes = new Map<string, Recipe>();
  const warnings: string[] = [];
  cut.clips.forEach((c, i) => {
    const s = source.shots[i]!;
    if (s.take) {
      const middle = Math.floor((c.sourceInFrames + c.sourceOutFrames) / 2);
      recipes.set(c.media.path, takeRecipe(s.take, s.shot.label, probes, s.clip.holdFrames, middle));
    } else {
      // A still gone from the project's media folder still gets the shot a placeholder: its title card.
      const still = s.still && fs.existsSync(s.still.path) ? s.still : null;
      if (s.still && !still) warnings.push(`The image of shot ${s.shot.label} is missing from the project (${s.still.path}); its placeholder is a title card.`);
      recipes.set(c.media.path, {
        kind: 'placeholder',
        shotId: s.shot.id,
        shot: s.shot,
        aspectRatio: project.aspectRatio,
        still,
        frames: c.media.durationFrames,
      });
    }
    c.alternates.forEach((a, j) => recipes.set(a.media.path, takeRecipe(s.alternates[j]!, s.shot.label, probes, 0, null)));
  });
  return { projectFolder: source.folder, cut, target, spec, recipes, warnings };
}

function takeRecipe(t: SourceTake, label: string, probes: Map<string, SourceProbe>, hold: number, storyboardAt: number | null): Recipe {
  return {
    kind: 'take',
    shotId: t.take.shotId,
    label,
    take: t.take.number,
    src: t.path,
    relPath: t.take.relPath,
    probe: probes.get(t.take.id)!,
    frames: t.frames,
    hold,
    storyboardAt,
  };
}

async function probeTake(t: SourceTake, label: string, signal?: AbortSignal): Promise<SourceProbe> {
  if (t.probe?.codec) return t.probe;
  let probe: SourceProbe;
  try {
    probe = await probeSource(t.path, signal);
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    // Exporting without it would put an offline clip in Resolve: stop and say which take.
    throw new UserError(
      `Take ${t.take.number} of shot ${label} cannot be read (${t.path}): ${(err as Error).message.split('\n')[0]}. Reject it or pick another take, then export again.`,
    );
  }
  if (!probe.codec)
    throw new UserError(`Take ${t.take.number} of shot ${label} has no video stream (${t.path}). Reject it or pick another take, then export again.`);
  return probe;
}
