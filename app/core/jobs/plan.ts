// What the buttons will spend, shot by shot: a draft take as Generate queues it (its tool, any
// still frame made first), one final take, and whether Generate all drafts would include the shot.
// The CLI's `cost --json`, the cost panel, the cards and the inspector all read this one plan.
// Storyboard frames are planned apart: what frames for the shots without one cost, and what
// animating the frames would cost on each shot's tool or all on one provider. Dialogue too: what
// speaking the lines not yet spoken costs, and making the effects not yet made.
import { estimateShot, roundUsd, takeEstimateUsd } from '../../../shared/domain/cost';
import { getModel, getSfxModel, sfxCostUsd } from '../../../shared/catalog';
import type { CostPlan, DialoguePlan, EffectsPlan, FramePlan, ShotPlan } from '../../../shared/domain/jobs';
import { sfxRepo } from '../db/repos/sfxRepo';
import { DEFAULT_ELEVENLABS_SFX, planLines, readAudioSnapshot } from './audio';
import type { Shot } from '../../../shared/domain/types';
import { sentImages, shotsNotGenerated, shotsWithoutFrames, toolForShot, type JobsCtx } from './enqueue';
import { readSettings } from './settings';

export function costPlan(ctx: JobsCtx): CostPlan {
  const takes = readSettings(ctx.repo).defaultTakes;
  const pending = new Set(shotsNotGenerated(ctx).map((s) => s.id));
  const shots: Record<string, ShotPlan> = {};
  let draft = 0;
  let final = 0;
  const imagesByShot = ctx.repo.imagesByShot();
  for (const shot of ctx.timeline.shots()) {
    const images = sentImages(imagesByShot.get(shot.id) ?? []);
    const tool = toolForShot(shot);
    const takeUsd = takeEstimateUsd(shot, tool, images);
    const finalUsd = takeEstimateUsd(shot, shot.finalTool ?? shot.tool, images);
    const frameUsd = roundUsd(takeUsd - estimateShot(shot, tool).usd);
    shots[shot.id] = { tool, takeUsd, frameUsd, takesUsd: roundUsd(takes * takeUsd), finalUsd, pending: pending.has(shot.id) };
    if (pending.has(shot.id)) draft += takes * takeUsd;
    final += finalUsd;
  }
  const { spentUsd, inFlightUsd, framesSpentUsd, linesSpentUsd, sfxSpentUsd } = ctx.repo.spend();
  return {
    takes,
    draftPlanUsd: roundUsd(draft),
    finalPlanUsd: roundUsd(final),
    spentUsd: roundUsd(spentUsd),
    inFlightUsd: roundUsd(inFlightUsd),
    shots,
    frames: framePlan(ctx, takes, framesSpentUsd),
    dialogue: dialoguePlan(ctx, linesSpentUsd),
    effects: effectsPlan(ctx, sfxSpentUsd),
  };
}

/** Priced at ElevenLabs: the local scratch effect is free, so its plan would always read $0. */
function effectsPlan(ctx: JobsCtx, spentUsd: number): EffectsPlan {
  const cues = sfxRepo(ctx.db).all();
  const asked = new Set(
    ctx.repo.requestsWithWork('sfx').map((j) => {
      const req = readAudioSnapshot(j.request_json).audio;
      return req.kind === 'sfx' ? req.cueId : '';
    }),
  );
  const missing = cues.filter((c) => !asked.has(c.id)).length;
  return {
    cues: cues.length,
    missing,
    tool: DEFAULT_ELEVENLABS_SFX,
    planUsd: roundUsd(missing * sfxCostUsd(getSfxModel(DEFAULT_ELEVENLABS_SFX)!)),
    spentUsd: roundUsd(spentUsd),
  };
}

/** For comparison on the board: the cheapest Runway model that animates a start frame, and Kling's current one. */
const ALL_RUNWAY = 'runway:gen4_turbo';
const ALL_KLING = 'kling:kling-v2-5-turbo';

function framePlan(ctx: JobsCtx, takes: number, spentUsd: number): FramePlan {
  const tool = readSettings(ctx.repo).frameTool;
  const frameUsd = roundUsd(getModel(tool)?.price.usdPerSecond ?? 0);
  const missing = shotsWithoutFrames(ctx).length;
  const shots = ctx.timeline.shots();
  // Animating approved frames: each frame is the shot's start keyframe, so no frame is made first.
  const sum = (toolOf: (s: Shot) => string) => roundUsd(shots.reduce((n, s) => n + estimateShot(s, toolOf(s)).usd, 0));
  return {
    tool,
    frameUsd,
    missing,
    planUsd: roundUsd(missing * takes * frameUsd),
    spentUsd: roundUsd(spentUsd),
    animate: { shotToolsUsd: sum(toolForShot), allRunwayUsd: sum(() => ALL_RUNWAY), allKlingUsd: sum(() => ALL_KLING) },
  };
}

function dialoguePlan(ctx: JobsCtx, spentUsd: number): DialoguePlan {
  const shots = ctx.timeline.shots();
  const { lines } = planLines(ctx, shots);
  const asked = new Set(
    ctx.repo.requestsWithWork('line').map((j) => {
      const req = readAudioSnapshot(j.request_json).audio;
      return req.kind === 'line' ? `${j.shot_id}|${req.lineKey}` : '';
    }),
  );
  const missing = lines.filter((l) => !asked.has(`${l.shot.id}|${l.request.lineKey}`));
  const worded = shots.reduce((n, s) => n + s.dialogue.filter((l) => l.text.trim()).length, 0);
  return {
    lines: lines.length,
    missing: missing.length,
    unvoiced: worded - lines.length,
    planUsd: roundUsd(missing.reduce((n, l) => n + l.estimate, 0)),
    spentUsd: roundUsd(spentUsd),
  };
}
