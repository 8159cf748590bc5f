// A sound-effect cue on a shot with its take made, as the tests of the mix and the export need one.
import { sfxRepo } from '../db/repos/sfxRepo';
import { enqueueCues, planCues } from '../jobs/audio';
import { jobsCtx } from '../jobs/enqueue';
import { drive, ManualClock, testEngine, type shot } from '../jobs/jobs.testkit';
import type { Project } from '../project/project';

/** Adds the cue to the shot and makes it with the local scratch effect; returns its id. */
export async function madeCue(
  project: Project,
  s: ReturnType<typeof shot>,
  cue: { text: string; seconds: number; offsetS?: number; gainDb?: number },
  clock = new ManualClock(),
): Promise<string> {
  const id = `cue-${cue.text.replace(/\W/g, '')}`;
  sfxRepo(project.db).insert({ id, shot_id: s.id, text: cue.text, seconds: cue.seconds, offset_s: cue.offsetS ?? 0, gain_db: cue.gainDb ?? 0 });
  enqueueCues(jobsCtx(project, clock), planCues([{ shot: s, cue: { id, text: cue.text, seconds: cue.seconds } }], 'local:sfx'));
  const engine = testEngine(project, { clock });
  engine.start({ loop: false });
  await drive(engine, clock);
  await engine.stop();
  return id;
}
