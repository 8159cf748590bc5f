// Sound-effect cues with their takes: each cue's takes are the `sfx` takes whose params name it;
// the one that plays is the circled one (`sfx_cues.selected_take_id`) unless rejected, else the
// newest not rejected.
import type { TakeView } from '../../../shared/domain/jobs';
import type { PlaybackCut } from '../../../shared/domain/playback';
import { TIMELINE_FPS } from '../../../shared/domain/timecode';
import type { SoundEvent } from '../cut/mix';
import { projectMediaPath } from '../media/projectPath';
import type { AudioTake, SfxCue } from '../../../shared/domain/sound';
import { sfxRepo } from '../db/repos/sfxRepo';
import type { Project } from '../project/project';

/** Takes (oldest first) as the lanes list them, numbered among themselves, and the one that plays. */
export function audioTakes(
  takes: readonly TakeView[],
  rejected: (takeId: string) => boolean,
  circledId: string | null,
): { take: AudioTake | null; takes: AudioTake[] } {
  const list: AudioTake[] = takes
    .filter((t) => t.durationS !== null)
    .map((t, i) => ({
      id: t.id,
      number: i + 1,
      relPath: t.relPath,
      durationS: t.durationS!,
      tool: t.tool,
      createdAt: t.createdAt,
      circled: t.id === circledId,
      rejected: rejected(t.id),
    }));
  const playable = list.filter((t) => !t.rejected);
  return { take: playable.find((t) => t.circled) ?? playable.at(-1) ?? null, takes: list };
}

/** Every shot's cues, in order, with their takes; shots without cues are absent. */
export function cuesByShot(project: Pick<Project, 'db' | 'takes' | 'reviews'>): Map<string, SfxCue[]> {
  const reviews = project.reviews.reviews();
  const byCue = new Map<string, TakeView[]>();
  const provenance = new Map<string, ReturnType<Project['reviews']['provenance']>>();
  for (const take of project.takes.all('sfx')) {
    if (!provenance.has(take.shotId)) provenance.set(take.shotId, project.reviews.provenance(take.shotId));
    const cueId = provenance.get(take.shotId)!.get(take.id)?.params.cueId;
    if (typeof cueId !== 'string') continue;
    byCue.set(cueId, [...(byCue.get(cueId) ?? []), take]);
  }
  const out = new Map<string, SfxCue[]>();
  for (const row of sfxRepo(project.db).all()) {
    const { take, takes } = audioTakes(byCue.get(row.id) ?? [], (id) => reviews.get(id)?.rejected ?? false, row.selected_take_id);
    const list = out.get(row.shot_id) ?? [];
    list.push({ id: row.id, shotId: row.shot_id, text: row.text, seconds: row.seconds, offsetS: row.offset_s, gainDb: row.gain_db, take, takes });
    out.set(row.shot_id, list);
  }
  return out;
}

/** The effects as the mix and the export place them: each at its shot's place in the cut plus its offset, at its level. */
export function effectEvents(cut: PlaybackCut, cues: Map<string, SfxCue[]>, folder: string): Array<SoundEvent & { lane: 'effects'; name: string }> {
  return cut.clips.flatMap((clip) => {
    const shotStartS = (clip.recordInFrames - cut.startFrames) / TIMELINE_FPS;
    return (cues.get(clip.shotId) ?? []).flatMap((cue, i) =>
      cue.take
        ? [
            {
              name: `${clip.label} effect ${i + 1} ${cue.text.slice(0, 40)}`,
              file: projectMediaPath(folder, cue.take.relPath, `The effect "${cue.text}" of shot ${clip.label}`),
              lane: 'effects' as const,
              startS: shotStartS + cue.offsetS,
              inS: 0,
              lengthS: cue.take.durationS,
              gainDb: cue.gainDb,
              fadeInS: 0,
              fadeOutS: 0,
            },
          ]
        : [],
    );
  });
}
