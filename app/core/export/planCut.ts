// From shots and their chosen media to the ExportCut every writer reads: names each file, stamps
// each with its own source timecode, lays the shots end to end from 01:00:00:00 and fixes where
// every file will sit in the finished folder (the timelines carry those absolute paths).
import path from 'node:path';
import {
  asciiName,
  assignSourceTimecodes,
  cutMedia,
  exportTitleStem,
  mediaFileName,
  uniqueFileName,
  type AudioLane,
  type ClipMedia,
  type ExportAudio,
  type ExportCut,
  type ExportReference,
  type MediaFolder,
} from '../../../shared/domain/cut';
import { compilePrompt } from '../../../shared/domain/prompt';
import { framesToTimecode, secondsToFrames, TIMELINE_FPS, TIMELINE_START_FRAMES } from '../../../shared/domain/timecode';
import type { AspectRatio, Shot, ToolId } from '../../../shared/domain/types';
import { UserError } from '../errors';
import { dialogueText } from '../../../shared/domain/dialogue';
import type { SoundEvent } from '../cut/mix';

export interface PlanMedia {
  /** The conformed take (or what produceMedia makes the file from). */
  sourcePath: string;
  durationFrames: number;
  hasAudio: boolean;
}

export interface PlanTake extends PlanMedia {
  number: number;
  tool: ToolId;
  /** The prompt this take was sent, from its provenance; compiled from the shot when absent. */
  prompt?: string;
}

export interface PlanShot {
  shot: Shot;
  sceneNumber: number;
  /** The selected take and its in point; null when the shot has none yet. */
  take: (PlanTake & { inFrames: number }) | null;
  /** For a shot without a take: the still its placeholder clip is made from (or the clip itself). */
  placeholder: string | null;
  alternates: PlanTake[];
}

export interface PlanCutInput {
  title: string;
  /** For the storyboard cover; '' for none. */
  credits?: string;
  width: number;
  height: number;
  aspectRatio: AspectRatio;
  /** The export folder to be created, e.g. resolveFolderPath(out, title). */
  targetDir: string;
  /** Shots in cut order. */
  shots: PlanShot[];
  /** ".mp4" (H.264) or ".mov" (DNxHR / ProRes): the conformed media's container. */
  ext?: string;
  /** Library images for References/, named by their tag. */
  references?: Array<{ tag: string; sourcePath: string }>;
  /** Sound placed on the cut (music beds), in seconds from its first frame. */
  audio?: PlanAudio[];
}

/** Sound on its own lane, as the mix places it (file, start on the cut, trim, level, fades), with its name. */
export type PlanAudio = Omit<SoundEvent, 'lane'> & { lane: AudioLane; name: string };

/** `OUT/<Title>_Resolve`: ASCII, because the folder is part of every media URL (docs/resolve.md, Media URLs). */
export function resolveFolderPath(outDir: string, title: string): string {
  return path.join(path.resolve(outDir), `${exportTitleStem(title)}_Resolve`);
}

/** The files written beside the media folders. */
export function exportFileNames(title: string) {
  const stem = exportTitleStem(title);
  return {
    fcpxml: `${stem}.fcpxml`,
    edl: `${stem}.edl`,
    markersEdl: `${stem}_markers.edl`,
    otio: `${stem}.otio`,
    metadataCsv: `${stem}_metadata.csv`,
    shotListCsv: `${stem}_shotlist.csv`,
    storyboardPdf: `${stem}_storyboard.pdf`,
    manifest: 'manifest.json',
    readme: 'README.txt',
  };
}

const seconds = (frames: number) => (frames / TIMELINE_FPS).toFixed(2);

export function planCut(input: PlanCutInput): ExportCut {
  if (input.shots.length === 0) throw new UserError('There is nothing to export: the project has no shots. Add a shot first.');
  const root = path.resolve(input.targetDir);
  const ext = input.ext ?? '.mp4';
  const taken = new Set<string>();
  const place = (folder: MediaFolder, name: string, media: PlanMedia): ClipMedia => {
    const fileName = uniqueFileName(name, taken);
    return { ...media, fileName, folder, path: path.join(root, folder, fileName), startTimecodeFrames: 0 };
  };

  let record = TIMELINE_START_FRAMES;
  const clips = input.shots.map((plan, index) => {
    const { shot, take } = plan;
    const frames = secondsToFrames(shot.durationS);
    if (frames < 1) throw new UserError(`Shot ${shot.label} lasts no time at all: give it a duration before exporting.`);
    const names = { label: shot.label, sceneNumber: plan.sceneNumber };
    let media: ClipMedia;
    if (take) {
      if (take.inFrames < 0 || take.inFrames + frames > take.durationFrames) {
        throw new UserError(
          `Shot ${shot.label} needs ${seconds(frames)} s from ${seconds(take.inFrames)} s of take ${take.number}, which is ${seconds(take.durationFrames)} s long. ` +
            'Move its in point, hold the last frame, or shorten the shot.',
        );
      }
      media = place('Media', mediaFileName(names, take, ext), take);
    } else {
      if (!plan.placeholder) throw new Error(`shot ${shot.label} has neither a take nor a placeholder`);
      media = place('Placeholders', mediaFileName(names, null, ext), { sourcePath: plan.placeholder, durationFrames: frames, hasAudio: false });
    }
    const sourceInFrames = take?.inFrames ?? 0;
    const tool = take?.tool ?? shot.tool;
    const clip = {
      index,
      shotId: shot.id,
      sceneNumber: plan.sceneNumber,
      label: shot.label,
      take: take?.number ?? null,
      media,
      sourceInFrames,
      sourceOutFrames: sourceInFrames + frames,
      recordInFrames: record,
      recordOutFrames: record + frames,
      action: shot.action,
      prompt: take?.prompt ?? compilePrompt(shot, tool).text,
      dialogue: dialogueText(shot.dialogue),
      tool,
      tier: shot.tier,
      camera: shot.prompt.camera,
      list: shot.list,
      alternates: plan.alternates.map((alt) => ({ take: alt.number, tool: alt.tool, media: place('Alternates', mediaFileName(names, alt, ext), alt) })),
      takeSoundOff: media.hasAudio && shot.soundMode === 'dialogue',
    };
    record += frames;
    return clip;
  });

  const references: ExportReference[] = (input.references ?? []).map((ref) => {
    const fileName = uniqueFileName(`${asciiName(ref.tag) || 'reference'}${path.extname(ref.sourcePath).toLowerCase()}`, taken);
    return { fileName, sourcePath: ref.sourcePath, path: path.join(root, 'References', fileName) };
  });

  const end = record;
  const perLane = new Map<string, number>();
  const audio: ExportAudio[] = (input.audio ?? []).flatMap((a) => {
    const recordIn = TIMELINE_START_FRAMES + secondsToFrames(a.startS);
    // Sound that starts after the last frame has nothing to play under.
    if (recordIn >= end) return [];
    // Numbered within its lane, in the order the cut plays them: DIALOGUE_01, DIALOGUE_02, MUSIC_01…
    const n = (perLane.get(a.lane) ?? 0) + 1;
    perLane.set(a.lane, n);
    const fileName = uniqueFileName(`${a.lane.toUpperCase()}_${String(n).padStart(2, '0')}_${asciiName(path.parse(a.name).name) || 'sound'}.wav`, taken);
    return [
      {
        fileName,
        path: path.join(root, 'Audio', fileName),
        lane: a.lane,
        name: a.name,
        recordInFrames: recordIn,
        durationFrames: Math.max(1, secondsToFrames(a.lengthS)),
        source: { path: a.file, inS: a.inS, lengthS: a.lengthS, gainDb: a.gainDb, fadeInS: a.fadeInS, fadeOutS: a.fadeOutS },
      },
    ];
  });

  const cut: ExportCut = {
    title: input.title,
    credits: input.credits ?? '',
    fps: TIMELINE_FPS,
    width: input.width,
    height: input.height,
    aspectRatio: input.aspectRatio,
    startTimecodeFrames: TIMELINE_START_FRAMES,
    clips,
    references,
    audio,
  };
  const media = cutMedia(cut);
  const starts = assignSourceTimecodes(media.map((m) => m.durationFrames));
  if (!starts) {
    const total = media.reduce((sum, m) => sum + m.durationFrames, 0);
    throw new UserError(`The media add up to ${framesToTimecode(total)}, more than one day of timecode can number apart. Leave out some alternates.`);
  }
  media.forEach((m, i) => (m.startTimecodeFrames = starts[i]!));
  return cut;
}
