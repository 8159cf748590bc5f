// The plan must cost what Generate spends: `cost --json`'s draftPlanUsd equals, to the cent, the
// estimates of the jobs `generate --all` then queues (the takes setting, frames made first).
import { describe, expect, it } from 'vitest';
import { estimateShot, makesFrameFirst } from '../../shared/domain/cost';
import { getModel } from '../../shared/catalog';
import { useTmpDir } from '../core/testing/tmp.testkit';
import { cli, cliFilm } from './cli.testkit';

const tmp = useTmpDir('shotline-plan-');

describe('the cost plan', () => {
  it('equals what generate --all queues, frames made first included, and says final and spent', async () => {
    const cwd = tmp();
    await cliFilm(cwd, {
      scenes: [
        {
          shots: [
            { label: '1A', action: 'Mara at the counter', durationS: 5, tool: 'runway:gen4_turbo', finalTool: 'runway:gen4.5' },
            { label: '1B', action: 'Dee looks up', durationS: 5, tool: 'kling:kling-v2-5-turbo' },
            { label: '1C', action: 'The sign', durationS: 3, tool: 'local:animatic' },
          ],
        },
      ],
    });
    const plan = JSON.parse((await cli(['cost', 'film.shotline', '--json'], { cwd })).out) as {
      totalUsd: number;
      draftPlanUsd: number;
      finalPlanUsd: number;
      spentUsd: number;
    };
    // Gen-4 Turbo cannot start from text: its start frame is made first, and priced.
    expect(makesFrameFirst('runway:gen4_turbo', { refs: 0, startFrame: false }, '16:9')).toBe(true);
    const turbo = { tool: 'runway:gen4_turbo' as const, durationS: 5, aspectRatio: '16:9' as const, resolution: '' };
    const frame = estimateShot(turbo, getModel('runway:gen4_turbo')!.refsVia!).usd;
    expect(frame).toBeGreaterThan(0);
    expect(plan.draftPlanUsd).toBeCloseTo(2 * (plan.totalUsd + frame), 2);
    expect(plan.spentUsd).toBe(0);
    expect(plan.finalPlanUsd).toBeGreaterThan(plan.totalUsd);

    const env = { RUNWAYML_API_SECRET: 'key_test', KLING_ACCESS_KEY: 'ak_test_0000', KLING_SECRET_KEY: 'sk_test_0000' };
    const queued = await cli(['generate', 'film.shotline', '--all'], { cwd, env });
    expect(queued.code).toBe(0);
    const jobs = JSON.parse((await cli(['jobs', 'film.shotline', '--json'], { cwd })).out) as { jobs: Array<{ estimateUsd: number; costUsd: number | null }> };
    expect(jobs.jobs).toHaveLength(6);
    const queuedUsd = jobs.jobs.reduce((sum, j) => sum + j.estimateUsd, 0);
    expect(Math.round(queuedUsd * 100)).toBe(Math.round(plan.draftPlanUsd * 100));
    expect(jobs.jobs.every((j) => j.costUsd === null)).toBe(true);
    // Everything is on its way now: nothing is left to draft.
    expect(JSON.parse((await cli(['cost', 'film.shotline', '--json'], { cwd })).out).draftPlanUsd).toBe(0);
  });
});
