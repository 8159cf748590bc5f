// The audio each spoken line plays with: its newest take that is not rejected, matched to the
// line by its key (speaker and words), so reordering keeps it and rewording asks for new audio.
// Placed inside its shot after the line before (shared/domain/lines.ts).
import { lineKeys, lineStarts } from '../../../shared/domain/lines';
import type { Shot } from '../../../shared/domain/types';
import { projectMediaPath } from '../media/projectPath';
import type { Project } from '../project/project';
import type { SoundEvent } from '../cut/mix';
import type { PlaybackCut } from '../../../shared/domain/playback';
import { TIMELINE_FPS } from '../../../shared/domain/timecode';

export interface LineAudio {
  takeId: string;
  /** Absolute path of the audio file. */
  path: string;
  relPath: string;
  durationS: number;
}

/** Per shot id, per line (in the shot's order): its audio, or null when it has none yet. */
export function linesAudio(project: Pick<Project, 'folder' | 'takes' | 'reviews' | 'timeline'>): Map<string, Array<LineAudio | null>> {
  const reviews = project.reviews.reviews();
  const byKey = new Map<string, LineAudio>();
  // One provenance read per shot, not per take.
  const provenance = new Map<string, ReturnType<Project['reviews']['provenance']>>();
  const paramsOf = (shotId: string, takeId: string) => {
    if (!provenance.has(shotId)) provenance.set(shotId, project.reviews.provenance(shotId));
    return provenance.get(shotId)!.get(takeId)?.params ?? {};
  };
  // Oldest first, so the newest take of a line is the one kept.
  for (const take of project.takes.all('line')) {
    if (reviews.get(take.id)?.rejected || take.durationS === null) continue;
    const params = paramsOf(take.shotId, take.id);
    if (typeof params.lineKey !== 'string') continue;
    byKey.set(`${take.shotId}|${params.lineKey}`, {
      takeId: take.id,
      relPath: take.relPath,
      path: projectMediaPath(project.folder, take.relPath, `The audio of a line of shot ${take.shotId}`),
      durationS: take.durationS,
    });
  }
  const out = new Map<string, Array<LineAudio | null>>();
  for (const shot of project.timeline.shots()) {
    const keys = lineKeys(shot.dialogue);
    out.set(
      shot.id,
      keys.map((k) => byKey.get(`${shot.id}|${k}`) ?? null),
    );
  }
  return out;
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
    const starts = lineStarts(
      lines.map(() => null),
      lines.map((l) => l?.durationS ?? null),
    );
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
