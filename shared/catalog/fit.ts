// Reading the catalog for one shot: which resolution tier applies, the nearest setting a model
// can make, and the plain-words lists that messages quote. Shared by cost and validation so the
// estimate and the warning never disagree about what a model accepts.
import type { AspectRatio } from '../domain/types';
import type { ModelSpec, ResolutionTier } from './types';

/** The tier a shot's resolution selects ('' = the model's default); null if the model lacks it. */
export function tierFor(spec: ModelSpec, resolution: string): ResolutionTier | null {
  const wanted = resolution.trim().toLowerCase() || spec.defaultResolution;
  return spec.tiers.find((t) => t.resolution === wanted) ?? null;
}

export function defaultTier(spec: ModelSpec): ResolutionTier {
  const tier = tierFor(spec, '');
  if (!tier) throw new Error(`${spec.tool} has no tier for its default resolution`);
  return tier;
}

export function durationsAt(spec: ModelSpec, tier: ResolutionTier): number[] {
  return tier.durations ?? spec.durations;
}

export function lastFrameAt(spec: ModelSpec, tier: ResolutionTier): boolean {
  return tier.lastFrame ?? spec.keyframes.last;
}

/** Nearest accepted duration; a tie goes to the longer, since the provider bills the clip it makes. */
export function nearestDuration(durations: readonly number[], seconds: number): number {
  let best = durations[0] ?? seconds;
  for (const d of durations) {
    const diff = Math.abs(d - seconds) - Math.abs(best - seconds);
    if (diff < -1e-9 || (Math.abs(diff) <= 1e-9 && d > best)) best = d;
  }
  return best;
}

const ratioValue = (r: AspectRatio) => {
  const [w, h] = r.split(':').map(Number);
  return Math.log((w ?? 1) / (h ?? 1));
};

/** Nearest ratio by shape (log of width/height); a tie goes to the one listed first. */
export function nearestRatio(ratios: readonly AspectRatio[], ratio: AspectRatio): AspectRatio {
  let best = ratios[0] ?? ratio;
  for (const r of ratios) {
    if (Math.abs(ratioValue(r) - ratioValue(ratio)) < Math.abs(ratioValue(best) - ratioValue(ratio)) - 1e-9) best = r;
  }
  return best;
}

/** "a", "a or b", "a, b or c" */
export function describeList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** "2–10 s", "5 or 10 s", "4, 6 or 8 s", "1–60 s in half-second steps" */
export function describeDurations(durations: readonly number[]): string {
  const first = durations[0];
  const last = durations[durations.length - 1];
  if (first === undefined || last === undefined) return 'no video';
  const step = (durations[1] ?? first) - first;
  const evenlyStepped = durations.every((d, i) => Math.abs(d - (first + i * step)) < 1e-9);
  if (durations.length > 3 && evenlyStepped) {
    const grid = step === 1 ? '' : step === 0.5 ? ' in half-second steps' : ` in ${formatSeconds(step)} s steps`;
    return `${formatSeconds(first)}–${formatSeconds(last)} s${grid}`;
  }
  return `${describeList(durations.map(formatSeconds))} s`;
}

/** 5 → "5", 5.5 → "5.5", 5.25 → "5.25" */
export function formatSeconds(seconds: number): string {
  return String(Math.round(seconds * 100) / 100);
}

/** The ratio value the provider's API expects (Runway pixels at the shot's resolution). */
export function wireRatio(spec: ModelSpec, ratio: AspectRatio, resolution = ''): string {
  return tierFor(spec, resolution)?.wireRatios?.[ratio] ?? spec.wireRatios[ratio] ?? ratio;
}
