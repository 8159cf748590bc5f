// What a plan will cost. Every figure comes from the catalog; this file only does the maths:
// bill each shot at the setting its model will actually make, sum unrounded, round once.
import {
  CREDIT_USD,
  defaultTier,
  describeDurations,
  describeList,
  durationsAt,
  formatSeconds,
  getModel,
  nearestDuration,
  nearestRatio,
  tierFor,
} from '../catalog';
import type { AspectRatio, Scene, Shot, ToolId } from './types';

/** "All Runway": the Runway model most shots would use, at 5 credits/s. */
export const ALL_RUNWAY_TOOL: ToolId = 'runway:gen4_turbo';
/** "All Kling": Kling 2.5 Turbo at its default 720p (std mode), the cheapest that does text and image. */
export const ALL_KLING_TOOL: ToolId = 'kling:kling-v2-5-turbo';

export interface ShotEstimate {
  /** Dollars, rounded to the cent. */
  usd: number;
  /** Runway credits for Runway tools, null otherwise. */
  credits: number | null;
  billedDurationS: number;
  pricedTool: ToolId;
  /** Plain words when the shot was priced at a setting other than the one it asks for. */
  adjustment: string | null;
  unknownTool: boolean;
}

export interface CostLine {
  usd: number;
  credits: number;
}

export interface CostBreakdown {
  totalUsd: number;
  totalCredits: number;
  budgetUsd: number | null;
  overBudget: boolean;
  budgetLeftUsd: number | null;
  byProvider: Record<string, CostLine>;
  byScene: Array<{ sceneId: string; number: number; name: string; usd: number; credits: number; shots: number; durationS: number }>;
  alternatives: { allRunway: number; allKling: number };
  totalDurationS: number;
}

/** A shot as pricing sees it; `resolution` is optional so callers may price without one. */
export type PricedShot = Pick<Shot, 'tool' | 'durationS' | 'aspectRatio'> & Partial<Pick<Shot, 'resolution' | 'askSound'>>;

/** Like the public estimate but with dollars unrounded, so sums round once. */
function priceShot(shot: PricedShot, tool: ToolId): ShotEstimate {
  const spec = getModel(tool);
  if (!spec) {
    return {
      usd: 0,
      credits: null,
      billedDurationS: shot.durationS,
      pricedTool: tool,
      adjustment: `"${tool}" is not in the catalog, so this shot is not priced.`,
      unknownTool: true,
    };
  }
  const adjustments: string[] = [];
  let tier = tierFor(spec, shot.resolution ?? '');
  if (!tier) {
    tier = defaultTier(spec);
    adjustments.push(`${spec.name} makes ${describeList(spec.resolutions)}: priced at ${tier.resolution}`);
  }
  let billed = 0;
  if (spec.output === 'image') {
    adjustments.push(`${spec.name} makes a still frame, not a clip: priced as one image`);
  } else {
    const durations = durationsAt(spec, tier);
    billed = nearestDuration(durations, shot.durationS);
    if (Math.abs(billed - shot.durationS) > 1e-9) {
      const at = tier.durations ? ` at ${tier.resolution}` : '';
      adjustments.push(`${spec.name} makes clips of ${describeDurations(durations)}${at}: priced as ${formatSeconds(billed)} s`);
    }
  }
  if (!spec.ratios.includes(shot.aspectRatio)) {
    adjustments.push(`${spec.name} makes ${describeList(spec.ratios)}: priced as ${nearestRatio(spec.ratios, shot.aspectRatio)}`);
  }
  const units = spec.output === 'image' ? 1 : billed;
  const credits = tier.creditsPerSecond === null ? null : tier.creditsPerSecond * units;
  // Sound where the model sells it as an option; validation refuses it where the tier cannot make it.
  const sound = shot.askSound && spec.soundOption ? spec.soundOption.priceFactor : 1;
  if (sound !== 1) adjustments.push(`with sound: ${sound}× the silent price (${spec.soundOption!.source.label})`);
  return {
    usd: sound * (credits === null ? tier.usdPerSecond * units : credits * CREDIT_USD),
    credits,
    billedDurationS: billed,
    pricedTool: tool,
    adjustment: adjustments.length > 0 ? `${adjustments.join('; ')}.` : null,
    unknownTool: false,
  };
}

export function estimateShot(shot: PricedShot, toolOverride?: ToolId): ShotEstimate {
  const raw = priceShot(shot, toolOverride ?? shot.tool);
  return { ...raw, usd: roundUsd(raw.usd) };
}

export function projectCost(snapshot: { project: { budgetUsd: number | null }; scenes: Scene[]; shots: readonly Shot[] }): CostBreakdown {
  const { shots } = snapshot;
  const byProvider: Record<string, CostLine> = {};
  const sceneSums = new Map<string, { usd: number; credits: number; shots: number; durationS: number }>();
  let total = 0;
  let totalCredits = 0;
  let allRunway = 0;
  let allKling = 0;

  for (const shot of shots) {
    const est = priceShot(shot, shot.tool);
    const credits = est.credits ?? 0;
    total += est.usd;
    totalCredits += credits;
    const provider = getModel(shot.tool)?.provider;
    if (provider) {
      const line = (byProvider[provider] ??= { usd: 0, credits: 0 });
      line.usd += est.usd;
      line.credits += credits;
    }
    const scene = sceneSums.get(shot.sceneId) ?? { usd: 0, credits: 0, shots: 0, durationS: 0 };
    scene.usd += est.usd;
    scene.credits += credits;
    scene.shots += 1;
    scene.durationS += shot.durationS;
    sceneSums.set(shot.sceneId, scene);
    // The comparison asks "what if every shot went to one provider", at that model's defaults.
    const plain = { tool: shot.tool, durationS: shot.durationS, aspectRatio: shot.aspectRatio };
    allRunway += priceShot(plain, ALL_RUNWAY_TOOL).usd;
    allKling += priceShot(plain, ALL_KLING_TOOL).usd;
  }

  for (const line of Object.values(byProvider)) line.usd = roundUsd(line.usd);
  const byScene = [...snapshot.scenes]
    .sort((a, b) => a.position - b.position)
    .map((scene) => {
      const sums = sceneSums.get(scene.id) ?? { usd: 0, credits: 0, shots: 0, durationS: 0 };
      return { sceneId: scene.id, number: scene.number, name: scene.name, ...sums, usd: roundUsd(sums.usd) };
    });
  const budgetUsd = snapshot.project.budgetUsd;
  const totalUsd = roundUsd(total);
  return {
    totalUsd,
    totalCredits,
    budgetUsd,
    overBudget: budgetUsd !== null && totalUsd > budgetUsd,
    budgetLeftUsd: budgetUsd === null ? null : roundUsd(budgetUsd - total),
    byProvider,
    byScene,
    alternatives: { allRunway: roundUsd(allRunway), allKling: roundUsd(allKling) },
    totalDurationS: shots.reduce((sum, s) => sum + s.durationS, 0),
  };
}

/** What a shot sends with its request: how many references, and whether a start keyframe. */
export interface SentImages {
  refs: number;
  startFrame: boolean;
}

/**
 * True when the model must make a still frame first: it takes references only through an image
 * model (Runway Gen-4 Turbo through gen4_image), or cannot start from text at all or at this
 * ratio (Gen-4.5 makes only 16:9 and 9:16 from text), and the shot gives it no start frame. The
 * adapter sends that step; the estimate counts it.
 */
export function makesFrameFirst(tool: ToolId, images: SentImages, ratio: AspectRatio): boolean {
  const spec = getModel(tool);
  if (!spec?.refsVia || images.startFrame) return false;
  return images.refs > 0 || !spec.endpoints.includes('text-to-video') || !spec.textRatios.includes(ratio);
}

/** One take as queued: the clip, plus the still frame made first where the model needs one. */
export function takeEstimateUsd(shot: PricedShot, tool: ToolId, images: SentImages): number {
  const frame = makesFrameFirst(tool, images, shot.aspectRatio) ? priceShot(shot, getModel(tool)!.refsVia!).usd : 0;
  return roundUsd(priceShot(shot, tool).usd + frame);
}

/** To the cent, half away from zero; toPrecision first so 1.005 (really 1.00499…) rounds up. */
export function roundUsd(n: number): number {
  const cents = Math.round(Math.abs(Number((n * 100).toPrecision(12))));
  return (Math.sign(n) * cents) / 100 || 0;
}
