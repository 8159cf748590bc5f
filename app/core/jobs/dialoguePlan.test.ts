// The cost plan's dialogue line: lines to speak priced per character in their speakers' voices,
// lines asked for no longer in the plan, and what they cost once spoken.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startElevenLabsFake, type ElevenLabsFake } from '../../../test/fakes/elevenlabs/server';
import { createItem, libraryCtx, updateItem } from '../library/ops';
import { envKeySource } from '../keys/keySource';
import type { Project } from '../project/project';
import { useTmpDir } from '../testing/tmp.testkit';
import { enqueueLines, planLines } from './audio';
import { jobsCtx } from './enqueue';
import { JobEngine } from './engine';
import { drive, makeProject, ManualClock, shot } from './jobs.testkit';
import { costPlan } from './plan';
import { createRunners } from './runners';

const tmp = useTmpDir('shotline-dialogue-plan-');
const KEY = 'xi-plan-test-key-0123456789';
let fake: ElevenLabsFake;
let project: Project;
let clock: ManualClock;
beforeAll(async () => {
  fake = await startElevenLabsFake({ apiKey: KEY });
});
afterAll(() => fake.close());
beforeEach(() => {
  project = makeProject(tmp());
  clock = new ManualClock();
});
afterEach(() => project.close());

const line = (speaker: string, text: string) => ({ speaker, extension: null, parenthetical: null, text });

describe('the dialogue in the cost plan', () => {
  it('prices the lines not yet spoken per character, drops them once asked for, and counts what they cost', async () => {
    const ctx = libraryCtx(project);
    project.db.transaction(() => {
      updateItem(ctx, createItem(ctx, { kind: 'character', name: 'Mara' }).id, { voice: 'elevenlabs:21m00Tcm4TlvDq8ikWAM' });
      updateItem(ctx, createItem(ctx, { kind: 'character', name: 'Dee' }).id, { voice: 'local' });
    })();
    // 2,000 characters at $0.10 per 1,000 (eleven_multilingual_v2); the local voice is free; JOE has no voice.
    const long = 'a'.repeat(1999) + '.';
    const s = shot(project, { dialogue: [line('MARA', long), line('DEE', 'Coffee is still hot.'), line('JOE', 'Me too.'), line('MARA', '  ')] });
    const jobs = jobsCtx(project, clock);
    expect(costPlan(jobs).dialogue).toEqual({ lines: 2, missing: 2, unvoiced: 1, planUsd: 0.2, spentUsd: 0 });

    enqueueLines(jobs, planLines(jobs, [s]).lines, 1);
    expect(costPlan(jobs).dialogue).toMatchObject({ lines: 2, missing: 0, planUsd: 0 });

    const runners = createRunners({
      keys: envKeySource({ ELEVENLABS_API_KEY: KEY }),
      env: { SHOTLINE_ELEVENLABS_BASE_URL: fake.url, PATH: process.env.PATH ?? '' },
    });
    const engine = new JobEngine({ db: project.db, folder: project.folder, runners, label: 'test', clock, customEndpoint: () => true });
    engine.start({ loop: false });
    await drive(engine, clock);
    await engine.stop();
    const plan = costPlan(jobs);
    expect(plan.dialogue).toMatchObject({ missing: 0, spentUsd: 0.2 });
    // Part of everything spent, as frames are.
    expect(plan.spentUsd).toBeCloseTo(0.2, 6);
  });
});
