// The spoken-line channels: every shot's sound, speaking lines through the job engine, circling a
// take of a line or an effect, where a line starts in its shot, and lengthening a shot its
// dialogue runs past. Every edit is one undoable step.
import { getModel } from '../../../shared/catalog';
import type { GenerateResult } from '../../../shared/domain/jobs';
import type { ShotSound } from '../../../shared/domain/sound';
import type { Shot } from '../../../shared/domain/types';
import { lineCirclesRepo } from '../db/repos/lineCirclesRepo';
import { sfxRepo } from '../db/repos/sfxRepo';
import { UserError } from '../errors';
import { enqueueLines, planLines } from '../jobs/audio';
import type { Project } from '../project/project';
import { shotSound, shotSounds } from '../sound/shotSound';
import { linesTakes } from '../sound/lineAudio';
import { cuesByShot } from '../sound/cues';
import { updateShot } from '../timeline/ops';
import type { AudioQueue } from './sfxHandlers';
import type { Edit, Handlers, OpenSession } from './types';

type SoundChannels = 'sound.shots' | 'sound.generateLines' | 'sound.circle' | 'sound.setLineOffset' | 'sound.fixOverrun';

const SHOT_GONE = 'That shot is no longer in the plan (deleted or undone). Pick another shot.';

function shotOrRefuse(project: Project, shotId: string): Shot {
  const shot = project.timeline.shot(shotId);
  if (!shot) throw new UserError(SHOT_GONE);
  return shot;
}

function soundOf(project: Project, shotId: string): ShotSound {
  return shotSound(shotOrRefuse(project, shotId), linesTakes(project).get(shotId) ?? [], cuesByShot(project).get(shotId));
}

/** Speaks the lines of `shotIds` (default: every shot); shots whose speakers have no voice come back skipped. */
export function generateLines(project: Project, queue: AudioQueue, input: { shotIds?: string[]; takes?: number }): GenerateResult {
  const shots = input.shotIds ? input.shotIds.map((id) => shotOrRefuse(project, id)) : project.timeline.shots();
  const { lines, skipped } = planLines(queue.ctx(), shots);
  // Said now, not as failed jobs later.
  if (lines.some((l) => l.tool.startsWith('elevenlabs:')) && !queue.hasKey('elevenlabs'))
    throw new UserError(
      'A speaker has an ElevenLabs voice but no ElevenLabs key is set. Add it in Settings (or set ELEVENLABS_API_KEY for the CLI), or give them the local voice.',
    );
  if (lines.length === 0 && skipped.length > 0) return { batchId: null, jobIds: [], shots: 0, skipped };
  // Each line is spoken once unless asked for more, as `shotline generate --dialogue` does.
  const { batchId, jobIds } = enqueueLines(queue.ctx(), lines, input.takes ?? 1);
  const shotIds = [...new Set(lines.map((l) => l.shot.id))];
  queue.changed(jobIds, shotIds);
  return { batchId, jobIds, shots: shotIds.length, skipped };
}

/** Circles (or un-circles) a take of a line (by its line key) or of an effect cue (by its cue id). */
function circle(project: Project, takeId: string, circled: boolean): void {
  const take = project.takes.get(takeId);
  if (!take) throw new UserError('That take is no longer in the project. Refresh the lanes and pick another.');
  const params = project.reviews.provenance(take.shotId).get(take.id)?.params ?? {};
  if (take.kind === 'line') {
    if (typeof params.lineKey !== 'string') throw new UserError('That take does not say which line it speaks, so it cannot be circled. Speak the line again.');
    const circles = lineCirclesRepo(project.db);
    if (circled) circles.circle(take.shotId, params.lineKey, take.id);
    else circles.uncircle(take.shotId, params.lineKey, take.id);
    return;
  }
  if (take.kind === 'sfx') {
    const cues = sfxRepo(project.db);
    const cue = typeof params.cueId === 'string' ? cues.get(params.cueId) : undefined;
    if (!cue) throw new UserError('The effect cue of that take was removed. Undo the removal to circle it.');
    if (circled) cues.select(cue.id, take.id);
    else if (cue.selected_take_id === take.id) cues.select(cue.id, null);
    return;
  }
  throw new UserError(`That is a ${take.kind} take. Circle video takes and frames with Select; here only takes of lines and effects.`);
}

export function soundHandlers(edit: Edit, deps: { current: () => OpenSession; queue: AudioQueue }): Pick<Handlers, SoundChannels> {
  return {
    'sound.shots': () => shotSounds(deps.current().project),
    'sound.generateLines': (input) => generateLines(deps.current().project, deps.queue, input),
    'sound.circle': ({ takeId, circled }) =>
      edit(circled ? 'Circle take' : 'Un-circle take', ({ project }) => {
        circle(project, takeId, circled);
        return null;
      }),
    'sound.setLineOffset': ({ shotId, index, offsetS }) =>
      edit('Move line', ({ project }) => {
        const shot = shotOrRefuse(project, shotId);
        if (!shot.dialogue[index]) throw new UserError(`${shot.label} has ${shot.dialogue.length} lines; line ${index + 1} is not one of them.`);
        const dialogue = shot.dialogue.map((l, i) => (i === index ? { ...l, offsetS } : l));
        updateShot(project.timeline, shotId, { dialogue });
        return soundOf(project, shotId);
      }),
    'sound.fixOverrun': ({ shotId }) =>
      edit('Fit shot to its dialogue', ({ project }) => {
        const shot = shotOrRefuse(project, shotId);
        const sound = soundOf(project, shotId);
        if (sound.overrunS <= 0) throw new UserError(`The dialogue of ${shot.label} already fits in its ${shot.durationS} s; nothing to fix.`);
        if (sound.fixDurationS === null)
          throw new UserError(
            `The dialogue of ${shot.label} runs ${sound.overrunS} s past the shot and ${getModel(shot.tool)?.name ?? shot.tool} makes no clip that long. Move or shorten a line, split the shot, or pick another tool.`,
          );
        return updateShot(project.timeline, shotId, { durationS: sound.fixDurationS });
      }),
  };
}
