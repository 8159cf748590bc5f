// Draft → final: the approved draft's request, frozen as it was sent (prompt, references,
// keyframes), goes to the shot's final tool — or a premium model the user picks — as a new job
// with the draft's seed. Adapters drop a seed their API does not take. The job records the draft
// it came from, and so does the take it makes.
import { randomUUID } from 'node:crypto';
import { defaultTier, getModel, tierFor } from '../../../shared/catalog';
import { takeEstimateUsd } from '../../../shared/domain/cost';
import type { FinalQuote, MakeFinalResult } from '../../../shared/domain/takes';
import type { Shot, ToolId } from '../../../shared/domain/types';
import { UserError } from '../errors';
import { providerName, toolName } from '../jobs/attention';
import { guardBudget, jobsCtx, sentImages } from '../jobs/enqueue';
import { checkShotForTool, imageRows, readSnapshot, type RequestSnapshot } from '../jobs/request';
import { systemClock, type Clock } from '../jobs/timing';
import { takeOrThrow, type TakesProject } from './queries';
import { shotOrThrow } from './review';

/** The draft's request at `resolution` where given, else one the final model makes (its default when it lacks the draft's). */
export function finalRequest(draft: RequestSnapshot, tool: ToolId, resolution?: string): RequestSnapshot {
  const spec = getModel(tool);
  const keeps = !!spec && (draft.shot.resolution === '' || spec.resolutions.includes(draft.shot.resolution));
  return { ...draft, shot: { ...draft.shot, resolution: resolution ?? (keeps ? draft.shot.resolution : '') } };
}

/**
 * What "Make final" offers for a draft: the shot's own final tool; else the draft's model at its
 * next dearer resolution; null when the model has none (the user then picks a tool).
 */
export function proposeFinal(shot: Pick<Shot, 'finalTool'>, draft: { tool: ToolId; resolution: string }): { tool: ToolId; resolution?: string } | null {
  if (shot.finalTool) return { tool: shot.finalTool };
  const spec = getModel(draft.tool);
  if (!spec) return null;
  const now = tierFor(spec, draft.resolution) ?? defaultTier(spec);
  const higher = spec.tiers.filter((t) => t.usdPerSecond > now.usdPerSecond).sort((a, b) => a.usdPerSecond - b.usdPerSecond)[0];
  return higher ? { tool: draft.tool, resolution: higher.resolution } : null;
}

/** The final's request and price for a tool (or the proposal), checked as a job would be, without queuing anything. */
function planFinal(project: TakesProject, takeId: string, choice?: { tool: ToolId; resolution?: string }) {
  const take = takeOrThrow(project, takeId);
  const shot = shotOrThrow(project, take.shotId);
  const requestJson = project.reviews.requestJson(takeId);
  if (!requestJson)
    throw new UserError(`The request behind take ${take.number} of ${shot.label} is missing, so it cannot be re-run. Generate the shot again instead.`);
  const draft = readSnapshot(requestJson);
  const picked = choice ?? proposeFinal(shot, { tool: take.tool, resolution: draft.shot.resolution });
  if (!picked)
    throw new UserError(
      `Shot ${shot.label} has no final tool, and ${getModel(take.tool)?.name ?? take.tool} has no higher tier. Pick one in the inspector (Final tool), or choose a model for the final.`,
    );
  const spec = getModel(picked.tool);
  if (!spec || spec.output !== 'video') throw new UserError(`"${picked.tool}" is not a video model in the catalog. Pick another tool for the final.`);
  const snap = finalRequest(draft, picked.tool, picked.resolution);
  const asShot: Shot = { ...shot, ...snap.shot, list: { ...shot.list, ...snap.shot.list }, tool: picked.tool, finalTool: null, tier: 'final' };
  checkShotForTool(asShot, picked.tool, imageRows(snap));
  const estimateUsd = takeEstimateUsd(asShot, picked.tool, sentImages(imageRows(snap)));
  return { take, shot, tool: picked.tool, snap, estimateUsd };
}

/** The proposal (or the user's pick) priced, with the budget left, for the dialog to show before anything is queued. */
export function quoteFinal(project: TakesProject, takeId: string, choice?: { tool: ToolId; resolution?: string }): FinalQuote {
  const { tool, snap, estimateUsd } = planFinal(project, takeId, choice);
  const budgetUsd = project.timeline.project().budgetUsd;
  const { spentUsd, inFlightUsd } = project.jobs.spend();
  return { tool, resolution: snap.shot.resolution, estimateUsd, budgetUsd, budgetLeftUsd: budgetUsd === null ? null : budgetUsd - spentUsd - inFlightUsd };
}

export function makeFinal(project: TakesProject, takeId: string, choice?: { tool: ToolId; resolution?: string }, clock: Clock = systemClock): MakeFinalResult {
  const { take, shot, tool, snap, estimateUsd } = planFinal(project, takeId, choice);
  const reviews = project.reviews;

  const repo = project.jobs;
  const ctx = jobsCtx(project, clock);
  const jobId = randomUUID();
  project.db.transaction(() => {
    guardBudget(ctx, estimateUsd, `the final of ${shot.label}`);
    const seedNote = take.seed === null ? '' : `, seed ${take.seed} kept where ${providerName(tool)} takes one`;
    repo.insert(
      {
        id: jobId,
        shot_id: shot.id,
        shot_label: shot.label,
        batch_id: randomUUID(),
        tool,
        external_id: `shotline-${jobId}`,
        seed: take.seed,
        request_json: JSON.stringify(snap),
        cost_estimate_usd: estimateUsd,
        fallback_tool: shot.fallbackTool ?? null,
        created_at: clock.now(),
      },
      `Final of ${shot.label} from take ${take.number} (${toolName(take.tool)}) on ${toolName(tool)}${seedNote}, estimated $${estimateUsd.toFixed(2)}.`,
    );
    reviews.setJobFromTake(jobId, takeId);
  })();
  return { jobId, tool, estimateUsd };
}
