// What the buttons will spend, shot by shot: a draft take as Generate queues it (its tool, any
// still frame made first), one final take, and whether Generate all drafts would include the shot.
// The CLI's `cost --json`, the cost panel, the cards and the inspector all read this one plan.
import { estimateShot, roundUsd, takeEstimateUsd } from '../../../shared/domain/cost';
import type { CostPlan, ShotPlan } from '../../../shared/domain/jobs';
import { sentImages, shotsNotGenerated, toolForShot, type JobsCtx } from './enqueue';
import { readSettings } from './settings';

export function costPlan(ctx: JobsCtx): CostPlan {
  const takes = readSettings(ctx.repo).defaultTakes;
  const pending = new Set(shotsNotGenerated(ctx).map((s) => s.id));
  const shots: Record<string, ShotPlan> = {};
  let draft = 0;
  let final = 0;
  for (const shot of ctx.timeline.shots()) {
    const images = sentImages(ctx.repo.shotImages(shot.id));
    const tool = toolForShot(shot);
    const takeUsd = takeEstimateUsd(shot, tool, images);
    const finalUsd = takeEstimateUsd(shot, shot.finalTool ?? shot.tool, images);
    const frameUsd = roundUsd(takeUsd - estimateShot(shot, tool).usd);
    shots[shot.id] = { tool, takeUsd, frameUsd, takesUsd: roundUsd(takes * takeUsd), finalUsd, pending: pending.has(shot.id) };
    if (pending.has(shot.id)) draft += takes * takeUsd;
    final += finalUsd;
  }
  const { spentUsd, inFlightUsd } = ctx.repo.spend();
  return { takes, draftPlanUsd: roundUsd(draft), finalPlanUsd: roundUsd(final), spentUsd: roundUsd(spentUsd), inFlightUsd: roundUsd(inFlightUsd), shots };
}
