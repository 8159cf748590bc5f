// What "Render animatic" reads of a project, for the app and the CLI alike: the cut as it plays,
// its size, and the sound laid on it besides the takes' own (lines, effects, and the music beds,
// ducked by the project's setting), each shot's sound mode saying which of its sound plays.
import { projectMediaPath } from '../media/projectPath';
import type { Project } from '../project/project';
import { mediaStore } from '../media/store';
import { playbackCut } from '../takes/queries';
import type { AnimaticOptions } from './animatic';
import { animaticFrame } from './segments';
import type { SoundEvent } from './mix';
import type { PlaybackCut } from '../../../shared/domain/playback';
import { dialogueEvents, linesAudio } from '../sound/lineAudio';
import { cuesByShot, effectEvents } from '../sound/cues';
import type { Shot } from '../../../shared/domain/types';

/** The music beds as the mix and the export place them, each with its name. */
export function musicEvents(project: Pick<Project, 'folder' | 'music'>): Array<SoundEvent & { lane: 'music'; name: string }> {
  return project.music.beds().map((b) => ({
    name: b.name,
    file: projectMediaPath(project.folder, b.relPath, `The music bed ${b.name}`),
    lane: 'music' as const,
    startS: b.atS,
    inS: b.trimInS,
    lengthS: b.lengthS,
    gainDb: b.gainDb,
    fadeInS: b.fadeInS,
    fadeOutS: b.fadeOutS,
  }));
}

/** Shots whose take's own sound is left out of the cut: those set to play their dialogue and effects only. */
export function takeSoundOff(shots: readonly Shot[]): Set<string> {
  return new Set(shots.filter((s) => s.soundMode === 'dialogue').map((s) => s.id));
}

/**
 * Everything on the sound lanes besides the takes' own: the spoken lines, the effects and the
 * music beds; a shot set to play its take's sound only has no lines or effects.
 */
export function laneSound(
  project: Project,
  cut: PlaybackCut = playbackCut(project),
): Array<SoundEvent & { lane: 'dialogue' | 'effects' | 'music'; name: string }> {
  const shots = project.timeline.shots();
  const takeOnly = new Set(shots.filter((s) => s.soundMode === 'take').map((s) => s.id));
  const voiced: PlaybackCut = { ...cut, clips: cut.clips.filter((c) => !takeOnly.has(c.shotId)) };
  return [...dialogueEvents(voiced, shots, linesAudio(project)), ...effectEvents(voiced, cuesByShot(project), project.folder), ...musicEvents(project)];
}

export function animaticInputs(project: Project): Pick<AnimaticOptions, 'cut' | 'folder' | 'size' | 'sound' | 'duckDb' | 'knownProbe' | 'takeSoundOff'> {
  const cut = playbackCut(project);
  const store = mediaStore(project.db, project.folder);
  return {
    cut,
    folder: project.folder,
    size: animaticFrame(cut, project.info().aspectRatio),
    knownProbe: (relPath, file) => store.knownProbe(relPath, file),
    sound: laneSound(project, cut),
    duckDb: project.music.duckDb(),
    takeSoundOff: takeSoundOff(project.timeline.shots()),
  };
}
