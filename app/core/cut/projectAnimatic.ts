// What "Render animatic" reads of a project, for the app and the CLI alike: the cut as it plays,
// its size, and the sound laid on it besides the takes' own (the music beds, ducked by the
// project's setting).
import { projectMediaPath } from '../media/projectPath';
import type { Project } from '../project/project';
import { mediaStore } from '../media/store';
import { playbackCut } from '../takes/queries';
import type { AnimaticOptions } from './animatic';
import { animaticFrame } from './segments';
import type { SoundEvent } from './mix';
import type { PlaybackCut } from '../../../shared/domain/playback';
import { dialogueEvents, linesAudio } from '../sound/lineAudio';

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

/** Everything on the sound lanes besides the takes' own: the spoken lines and the music beds. */
export function laneSound(project: Project, cut: PlaybackCut = playbackCut(project)): Array<SoundEvent & { lane: 'dialogue' | 'music'; name: string }> {
  return [...dialogueEvents(cut, project.timeline.shots(), linesAudio(project)), ...musicEvents(project)];
}

export function animaticInputs(project: Project): Pick<AnimaticOptions, 'cut' | 'folder' | 'size' | 'sound' | 'duckDb' | 'knownProbe'> {
  const cut = playbackCut(project);
  const store = mediaStore(project.db, project.folder);
  return {
    cut,
    folder: project.folder,
    size: animaticFrame(cut, project.info().aspectRatio),
    knownProbe: (relPath, file) => store.knownProbe(relPath, file),
    sound: laneSound(project, cut),
    duckDb: project.music.duckDb(),
  };
}
