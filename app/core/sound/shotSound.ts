// Each shot's sound as the lanes, the card and the inspector show it: its lines with their takes
// and starts, its effect cues, what the cut plays for it, and how far the measured dialogue runs
// past the shot with the duration that would hold it.
import { fixDurationS, linesEndS, overrunS } from '../../../shared/domain/lines';
import type { ShotSound } from '../../../shared/domain/sound';
import type { Shot } from '../../../shared/domain/types';
import type { Project } from '../project/project';
import { cuesByShot } from './cues';
import { linesTakes, shotLineStarts, type LineTakes } from './lineAudio';

type SoundProject = Pick<Project, 'db' | 'folder' | 'takes' | 'reviews' | 'timeline'>;

/** One shot's sound from its lines' takes (in the shot's order). */
export function shotSound(shot: Shot, lines: readonly LineTakes[], cues: ShotSound['cues'] = []): ShotSound {
  const playing = lines.map((l) => l.take);
  const starts = shotLineStarts(shot, playing);
  const durations = playing.map((t) => t?.durationS ?? null);
  return {
    shotId: shot.id,
    mode: shot.soundMode,
    lines: lines.map((l, index) => ({
      index,
      key: l.key,
      speaker: shot.dialogue[index]!.speaker,
      text: shot.dialogue[index]!.text,
      startS: starts[index]!,
      offsetS: shot.dialogue[index]!.offsetS ?? null,
      take: l.take,
      takes: l.takes,
    })),
    cues,
    overrunS: overrunS(starts, durations, shot.durationS),
    fixDurationS: fixDurationS(shot, linesEndS(starts, durations)),
  };
}

/** Every shot's sound, by shot id. */
export function shotSounds(project: SoundProject): Record<string, ShotSound> {
  const lines = linesTakes(project);
  const cues = cuesByShot(project);
  return Object.fromEntries(project.timeline.shots().map((s) => [s.id, shotSound(s, lines.get(s.id) ?? [], cues.get(s.id))]));
}
