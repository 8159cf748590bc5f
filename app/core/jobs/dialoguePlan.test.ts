// The cost plan's dialogue line: lines to speak priced per character in their speakers' voices,
// lines asked for no longer in the plan, and what they cost once spoken.
import { describe, expect, it } from 'vitest';
import { createItem, libraryCtx, updateItem } from '../library/ops';
import { enqueueLines, planLines } from './audio';
import { useElevenLabsProject } from './elevenlabs.testkit';
import { jobsCtx } from './enqueue';
import { shot } from './jobs.testkit';
import { costPlan } from './plan';

const t = useElevenLabsProject('shotline-dialogue-plan-');
const line = (speaker: string, text: string) => ({ speaker, extension: null, parenthetical: null, text });

describe('the dialogue in the cost plan', () => {
  it('prices the lines not yet spoken per character, drops them once asked for, and counts what they cost', async () => {
    const project = t.project();
    const ctx = libraryCtx(project);
    project.db.transaction(() => {
      updateItem(ctx, createItem(ctx, { kind: 'character', name: 'Mara' }).id, { voice: 'elevenlabs:21m00Tcm4TlvDq8ikWAM' });
      updateItem(ctx, createItem(ctx, { kind: 'character', name: 'Dee' }).id, { voice: 'local' });
    })();
    // 2,000 characters at $0.10 per 1,000 (eleven_multilingual_v2); the local voice is free; JOE has no voice.
    const long = 'a'.repeat(1999) + '.';
    const s = shot(project, { dialogue: [line('MARA', long), line('DEE', 'Coffee is still hot.'), line('JOE', 'Me too.'), line('MARA', '  ')] });
    const jobs = jobsCtx(project, t.clock());
    expect(costPlan(jobs).dialogue).toEqual({ lines: 2, missing: 2, unvoiced: 1, planUsd: 0.2, spentUsd: 0 });

    enqueueLines(jobs, planLines(jobs, [s]).lines, 1);
    expect(costPlan(jobs).dialogue).toMatchObject({ lines: 2, missing: 0, planUsd: 0 });

    await t.run();
    const plan = costPlan(jobs);
    expect(plan.dialogue).toMatchObject({ missing: 0, spentUsd: 0.2 });
    // Part of everything spent, as frames are.
    expect(plan.spentUsd).toBeCloseTo(0.2, 6);
  });
});
