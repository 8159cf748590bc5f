// Draft → final: the approved draft's request, frozen as it was sent (prompt, references,
// keyframes), goes to the shot's final tool — or a premium model the user picks — as a new job
// with the draft's seed. Adapters drop a seed their API does not take. The job records the draft
// it came from, and so does the take it makes.
import { randomUUID } from 'node:crypto';
import { getModel } from '../../../shared/catalog';
import { estimateShot } from '../../../shared/domain/cost';
import type { MakeFinalResult } from '../../../shared/domain/takes';
import type { Shot, ToolId } from '../../../shared/domain/types';
import { UserError } from '../errors';
import { providerName, toolName } from '../jobs/attention';
import { guardBudget, jobsCtx } from '../jobs/enqueue';
import { checkShotForTool, imageRows, readSnapshot, type RequestSnapshot } from '../jobs/request';
import { systemClock, type Clock } from '../jobs/timing';
import { takeOrThrow, type TakesProject } from './queries';
import { shotOrThrow } from './review';

/** The draft's request, with a resolution the final model makes (its default when it lacks the draft's). */
export function finalRequest(draft: RequestSnapshot, tool: ToolId): RequestSnapshot {
  const spec = getModel(tool);
  const keeps = !!spec && (draft.shot.resolution === '' || spec.resolutions.includes(draft.shot.resolution));
  return { ...draft, shot: { ...draft.shot, resolution: keeps ? draft.shot.resolution : '' } };
}

export function makeFinal(project: TakesProject, takeId: string, toolOverride?: ToolId, clock: Clock = systemClock): MakeFinalResult {
  const take = takeOrThrow(project, takeId);
  const shot = shotOrThrow(project, take.shotId);
  const tool = toolOverride ?? shot.finalTool;
  if (!tool) throw new UserError(`Shot ${shot.label} has no final tool. Pick one in the inspector (Final tool), or choose a model for the final.`);
  const spec = getModel(tool);
  if (!spec || spec.output !== 'video') throw new UserError(`"${tool}" is not a video model in the catalog. Pick another tool for the final.`);
  const reviews = project.reviews;
  const requestJson = reviews.requestJson(takeId);
  if (!requestJson)
    throw new UserError(
      `The request behind take ${take.number} of ${shot.label} is missing, so it cannot be re-run. Generate the shot on ${spec.name} instead.`,
    );
  const snap = finalRequest(readSnapshot(requestJson), tool);
  const asShot: Shot = { ...shot, ...snap.shot, tool, finalTool: null, tier: 'final' };
  checkShotForTool(asShot, tool, imageRows(snap));
  const estimateUsd = estimateShot(asShot, tool).usd;

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
