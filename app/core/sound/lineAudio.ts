// The audio each spoken line plays with: its circled take, else its newest take that is not
// rejected, matched to the line by its key (speaker and words), so reordering keeps it and
// rewording asks for new audio (and drops the circle, which names the old key). Placed inside its
// shot at its own offset, else after the line before (shared/domain/lines.ts).
import type { DialogueLine } from '../../../shared/domain/dialogue';
import type { TakeView } from '../../../shared/domain/jobs';
import { lineKeys, lineStarts } from '../../../shared/domain/lines';
import type { AudioTake } from '../../../shared/domain/sound';
import type { Shot } from '../../../shared/domain/types';
import { lineCirclesRepo } from '../db/repos/lineCirclesRepo';
import { projectMediaPath } from '../media/projectPath';
import type { Project } from '../project/project';
import type { SoundEvent } from '../cut/mix';
import type { PlaybackCut } from '../../../shared/domain/playback';
import { TIMELINE_FPS } from '../../../shared/domain/timecode';
import { audioTakes } from './cues';

export interface LineAudio {
  takeId: string;
  /** Absolute path of the audio file. */
  path: string;
  relPath: string;
  durationS: number;
}

/** A line's takes (oldest first, numbered among themselves) and the one that plays. */
export interface LineTakes {
  key: string;
  take: AudioTake | null;
  takes: AudioTake[];
}

type LineProject = Pick<Project, 'db' | 'folder' | 'takes' | 'reviews' | 'timeline'>;

/** The line key a take of kind `line` was made for, by take id (from its job's frozen params). */
function lineKeyOfTakes(project: Pick<Project, 'takes' | 'reviews'>): Map<string, { take: TakeView; lineKey: string }> {
  // One provenance read per shot, not per take.
  const provenance = new Map<string, ReturnType<Project['reviews']['provenance']>>();
  const out = new Map<string, { take: TakeView; lineKey: string }>();
  for (const take of project.takes.all('line')) {
    if (!provenance.has(take.shotId)) provenance.set(take.shotId, project.reviews.provenance(take.shotId));
    const lineKey = provenance.get(take.shotId)!.get(take.id)?.params.lineKey;
    if (typeof lineKey === 'string') out.set(take.id, { take, lineKey });
  }
  return out;
}

/** Per shot id, per line (in the shot's order): its takes and the one that plays. */
export function linesTakes(project: LineProject): Map<string, LineTakes[]> {
  const reviews = project.reviews.reviews();
  const circles = lineCirclesRepo(project.db).all();
  const byKey = new Map<string, TakeView[]>();
  // Oldest first, so takes are numbered in the order they were made.
  for (const { take, lineKey } of lineKeyOfTakes(project).values()) {
    const k = `${take.shotId}|${lineKey}`;
    byKey.set(k, [...(byKey.get(k) ?? []), take]);
  }
  const rejected = (id: string) => reviews.get(id)?.rejected ?? false;
  const out = new Map<string, LineTakes[]>();
  for (const shot of project.timeline.shots()) {
    out.set(
      shot.id,
      lineKeys(shot.dialogue).map((key) => ({ key, ...audioTakes(byKey.get(`${shot.id}|${key}`) ?? [], rejected, circles.get(`${shot.id}|${key}`) ?? null) })),
    );
  }
  return out;
}

/**
 * The measured length of each of `lines` were they shot `shotId`'s dialogue: the length of the
 * take a line with the same key plays there, null for a line without audio.
 */
export function measuredLengths(takes: Map<string, LineTakes[]>, shotId: string, lines: readonly DialogueLine[]): Array<number | null> {
  const byKey = new Map((takes.get(shotId) ?? []).map((l) => [l.key, l.take?.durationS ?? null]));
  return lineKeys(lines).map((k) => byKey.get(k) ?? null);
}

/** Per shot id, per line (in the shot's order): the audio it plays, or null when it has none yet. */
export function linesAudio(project: LineProject, takes = linesTakes(project)): Map<string, Array<LineAudio | null>> {
  const out = new Map<string, Array<LineAudio | null>>();
  for (const [shotId, lines] of takes) {
    out.set(
      shotId,
      lines.map(({ take }) =>
        take
          ? {
              takeId: take.id,
              relPath: take.relPath,
              path: projectMediaPath(project.folder, take.relPath, `The audio of a line of shot ${shotId}`),
              durationS: take.durationS,
            }
          : null,
      ),
    );
  }
  return out;
}

/** Where each line of the shot starts inside it, with the audio it plays. */
export function shotLineStarts(shot: Pick<Shot, 'dialogue'>, audio: ReadonlyArray<{ durationS: number } | null>): number[] {
  return lineStarts(
    shot.dialogue.map((l) => l.offsetS),
    shot.dialogue.map((_, i) => audio[i]?.durationS ?? null),
  );
}

/** The lines as the mix places them: each at its shot's place in the cut plus its start inside the shot. */
export function dialogueEvents(
  cut: PlaybackCut,
  shots: readonly Shot[],
  audio: Map<string, Array<LineAudio | null>>,
): Array<SoundEvent & { lane: 'dialogue'; name: string }> {
  const byId = new Map(shots.map((s) => [s.id, s]));
  return cut.clips.flatMap((clip) => {
    const lines = audio.get(clip.shotId) ?? [];
    const shot = byId.get(clip.shotId);
    if (!shot) return [];
    const starts = shotLineStarts(shot, lines);
    const shotStartS = (clip.recordInFrames - cut.startFrames) / TIMELINE_FPS;
    return lines.flatMap((l, i) =>
      l
        ? [
            {
              name: `${clip.label} line ${i + 1}${shot.dialogue[i]?.speaker ? ` ${shot.dialogue[i]!.speaker}` : ''}`,
              file: l.path,
              lane: 'dialogue' as const,
              startS: shotStartS + starts[i]!,
              inS: 0,
              lengthS: l.durationS,
              gainDb: 0,
              fadeInS: 0,
              fadeOutS: 0,
            },
          ]
        : [],
    );
  });
}
