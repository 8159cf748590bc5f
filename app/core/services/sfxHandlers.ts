// The sound-effect channels: cues added, edited and removed as undoable steps, and a job per cue
// through the same engine as spoken lines.
import { randomUUID } from 'node:crypto';
import type { GenerateResult } from '../../../shared/domain/jobs';
import type { SfxCue } from '../../../shared/domain/sound';
import type { ProviderId, Shot } from '../../../shared/domain/types';
import { sfxRepo, type CueRow } from '../db/repos/sfxRepo';
import { UserError } from '../errors';
import { defaultSfxTool, enqueueCues, planCues } from '../jobs/audio';
import type { JobsCtx } from '../jobs/enqueue';
import { cuesByShot } from '../sound/cues';
import type { Project } from '../project/project';
import type { Edit, Handlers, OpenSession } from './types';

type SfxChannels = Extract<keyof Handlers, `sfx.${string}`>;

/** What the jobs service lends to services that queue audio jobs. */
export interface AudioQueue {
  ctx: () => JobsCtx;
  changed: (jobIds: string[], shotIds: string[]) => void;
  hasKey: (provider: ProviderId) => boolean;
}

const GONE = 'That effect cue is no longer there (removed or undone). Refresh the shot and add it again if you need it.';

/** The cue as the lanes show it, with its takes. */
function cueView(project: Project, id: string): SfxCue {
  const row = sfxRepo(project.db).get(id);
  if (!row) throw new UserError(GONE);
  return cuesByShot(project)
    .get(row.shot_id)!
    .find((c) => c.id === id)!;
}

/** Cues of the given ids, or every cue of the given shots, each with its shot. */
function cuesToMake(project: Project, input: { cueIds?: string[]; shotIds?: string[] }): Array<{ shot: Shot; cue: CueRow }> {
  const repo = sfxRepo(project.db);
  const rows = input.cueIds
    ? input.cueIds.map((id) => {
        const row = repo.get(id);
        if (!row) throw new UserError(GONE);
        return row;
      })
    : input.shotIds!.flatMap((id) => repo.byShot(id));
  return rows.map((cue) => {
    const shot = project.timeline.shot(cue.shot_id);
    if (!shot) throw new UserError(`The shot of the effect "${cue.text}" was deleted. Undo the delete to make it.`);
    return { shot, cue };
  });
}

/** Queues a job per cue on `tool` (default: ElevenLabs when its key is set, else the local scratch effect). */
export function generateCues(project: Project, queue: AudioQueue, input: { cueIds?: string[]; shotIds?: string[]; tool?: string }): GenerateResult {
  const tool = input.tool ?? defaultSfxTool(queue.hasKey('elevenlabs'));
  // Said now, not as a failed job later.
  if (tool.startsWith('elevenlabs:') && !queue.hasKey('elevenlabs'))
    throw new UserError(
      `No ElevenLabs key is set. Add it in Settings (or set ELEVENLABS_API_KEY for the CLI), or make the effects with ${defaultSfxTool(false)}.`,
    );
  const planned = planCues(cuesToMake(project, input), tool);
  const { batchId, jobIds } = enqueueCues(queue.ctx(), planned);
  const shotIds = [...new Set(planned.map((p) => p.shot.id))];
  queue.changed(jobIds, shotIds);
  return { batchId, jobIds, shots: shotIds.length, skipped: [] };
}

export function sfxHandlers(edit: Edit, deps: { current: () => OpenSession; queue: AudioQueue }): Pick<Handlers, SfxChannels> {
  return {
    'sfx.add': ({ shotId, text, seconds, offsetS, gainDb }) =>
      edit('Add sound effect', ({ project }) => {
        if (!project.timeline.shot(shotId)) throw new UserError('That shot is no longer in the plan; pick another shot for the effect.');
        const id = randomUUID();
        sfxRepo(project.db).insert({ id, shot_id: shotId, text, seconds, offset_s: offsetS ?? 0, gain_db: gainDb ?? 0 });
        return cueView(project, id);
      }),
    'sfx.update': ({ id, patch }) =>
      edit('Edit sound effect', ({ project }) => {
        const changed = sfxRepo(project.db).update(id, { text: patch.text, seconds: patch.seconds, offset_s: patch.offsetS, gain_db: patch.gainDb });
        if (!changed) throw new UserError(GONE);
        return cueView(project, id);
      }),
    'sfx.remove': ({ id }) =>
      edit('Remove sound effect', ({ project }) => {
        if (!sfxRepo(project.db).remove(id)) throw new UserError(GONE);
        return null;
      }),
    'sfx.generate': (input) => generateCues(deps.current().project, deps.queue, input),
  };
}
