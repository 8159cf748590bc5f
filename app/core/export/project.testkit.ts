// A real project for the export tests, made the way a user makes one: takes come out of the job
// engine — the local animatic renders its own, and a scripted "Runway" hands over clips made
// here with ffmpeg (one already conforming at 1080p24, one at 30 fps, odd-sized, with sound) —
// a keyframe and a reference come from the library, and the title breaks naive writers.
import fs from 'node:fs';
import path from 'node:path';
import { importImages } from '../library/importer';
import { libraryCtx, setShotRefs } from '../library/ops';
import { runFfmpeg } from '../media/ffmpeg';
import { makeClip } from '../media/clips.testkit';
import type { Project } from '../project/project';
import { addScene, addShot, updateShot } from '../timeline/ops';
import { drive, makeProject, ManualClock, ScriptedProvider, shot, testEngine } from '../jobs/jobs.testkit';
import { enqueueTakes, jobsCtx } from '../jobs/enqueue';
import { linesFromText } from '../../../shared/domain/dialogue';

export const TEST_TITLE = 'Café "Noir": 東京/Night\\Diner*?<>|';

export interface ExportTestProject {
  project: Project;
  /** Shot ids by label. */
  ids: Record<'1A' | '1B' | '2A' | '2B' | '2C', string>;
}

async function generate(project: Project, shotIds: string[], takes: number, clip?: string) {
  const clock = new ManualClock();
  const provider = clip ? new ScriptedProvider(clock, clip) : undefined;
  const engine = testEngine(project, { clock, provider });
  await enqueueTakes(jobsCtx(project, clock), { shotIds, takes });
  engine.start({ loop: false });
  await drive(engine, clock);
  await engine.stop();
}

/**
 * 1A local animatic at 720p (so it must be conformed), two 3 s takes, take 1 circled and trimmed 0.25 s in (the file keeps handles);
 * 1B one take that already conforms (1080p, 24 fps, 2 s): stream-copied;
 * 2A no take: a placeholder from its start keyframe; its prompt names @mara (a reference);
 * 2B a 1 s take at 30 fps, 1282×721 with mono sound, planned 1.5 s and held;
 * 2C no take and no image: a title card.
 */
export async function buildExportTestProject(dir: string): Promise<ExportTestProject> {
  const raw = path.join(dir, 'raw');
  fs.mkdirSync(raw, { recursive: true });
  const project = makeProject(dir);
  project.timeline.updateProject({ title: TEST_TITLE, aspectRatio: '16:9', budgetUsd: null });
  const scene2 = project.db.transaction(() => addScene(project.timeline, { name: 'Street' }))();
  const add = (label: string, fields: Parameters<typeof shot>[1]) => shot(project, { label, ...fields }).id;
  const ids = {
    '1A': add('1A', {
      tool: 'local:animatic',
      resolution: '720p',
      durationS: 3,
      action: 'Mara enters — “Tom & Jerry’s” <diner> at 2am',
      prompt: { camera: 'push_in' },
    }),
    '1B': add('1B', { tool: 'runway:gen4_turbo', durationS: 2, action: 'Tom looks up, 東京の夜' }),
  } as ExportTestProject['ids'];
  const inScene2 = (label: string, fields: Parameters<typeof shot>[1]) =>
    project.db.transaction(() => addShot(project.timeline, scene2.id, { label, ...fields }))().id;
  ids['2A'] = inScene2('2A', {
    tool: 'runway:gen4_turbo',
    durationS: 2,
    action: 'The street, empty; rain, neon',
    prompt: { subject: '@mara at the window', camera: 'pan_left' },
  });
  ids['2B'] = inScene2('2B', { tool: 'runway:gen4_turbo', durationS: 2, action: 'Sign flickers' });
  ids['2C'] = inScene2('2C', { tool: 'local:animatic', durationS: 1.5, action: 'Fin — 終わり', dialogue: linesFromText('She says "goodbye"') });

  await generate(project, [ids['1A']], 2);
  await generate(project, [ids['1B']], 1, await makeClip(path.join(raw, 'hd.mp4'), { width: 1920, height: 1080, fps: 24, durationS: 2 }));
  await generate(
    project,
    [ids['2B']],
    1,
    await makeClip(path.join(raw, 'odd.mp4'), { width: 1282, height: 721, fps: 30, durationS: 1, audio: true, audioRate: 44100 }),
  );

  const commit = <T>(_label: string, fn: () => T) => project.db.transaction(fn)();
  const still = path.join(raw, 'window.png');
  await runFfmpeg(['-f', 'lavfi', '-i', 'testsrc2=s=1600x900', '-frames:v', '1', '-y', still]);
  await importImages(project, [{ name: 'window.png', path: still }], { to: 'keyframe', shotId: ids['2A'], which: 'start' }, { commit });
  const summary = await importImages(project, [{ name: 'mara.png', path: still }], { to: 'item', kind: 'character', name: 'Mara', tag: 'mara' }, { commit });
  const mara = summary.itemsCreated[0]!;
  commit('refs', () => setShotRefs(libraryCtx(project), ids['2B'], [{ itemId: mara.id }]));

  project.db.transaction(() => {
    const takes = project.takes;
    const reviews = project.reviews;
    const first = takes.byShot(ids['1A'])[0]!;
    takes.select({ id: first.id, shotId: ids['1A'] }, ids['1A']);
    updateShot(project.timeline, ids['1A'], { durationS: 2 });
    reviews.setFit(ids['1A'], 'trim', 0.25);
    updateShot(project.timeline, ids['2B'], { durationS: 1.5 });
    reviews.setFit(ids['2B'], 'hold', 0);
  })();
  return { project, ids };
}
