// Builds catalog entries from the figures as the sources state them, so each provider file
// holds data only and the derived fields (tool id, dollar prices, default price) cannot drift.
import type { AspectRatio } from '../domain/types';
import type { ModelSpec, PriceSource, ResolutionTier } from './types';

/** Dollars per Runway credit: "$0.01 per credit" (https://docs.dev.runwayml.com/guides/setup). */
export const CREDIT_USD = 0.01;

export interface TierInput {
  resolution: string;
  /** Runway credits per second (or per image); the dollar figure follows from it. */
  credits?: number;
  usd?: number;
  mode?: 'std' | 'pro';
  durations?: number[];
  lastFrame?: boolean;
  wireRatios?: Partial<Record<AspectRatio, string>>;
}

export type ModelInput = Omit<ModelSpec, 'tool' | 'resolutions' | 'tiers' | 'price' | 'defaultResolution'> & {
  tiers: TierInput[];
  /** Defaults to the first tier. */
  defaultResolution?: string;
  sources: PriceSource[];
  disputed?: string;
};

export function defineModel(input: ModelInput): ModelSpec {
  const { tiers: tierInputs, defaultResolution, sources, disputed, ...rest } = input;
  const tiers = tierInputs.map(toTier);
  const resolution = defaultResolution ?? tiers[0]?.resolution ?? '';
  const main = tiers.find((t) => t.resolution === resolution);
  if (!main) throw new Error(`${input.model}: default resolution ${resolution} has no tier`);
  return {
    ...rest,
    tool: `${input.provider}:${input.model}`,
    resolutions: tiers.map((t) => t.resolution),
    defaultResolution: resolution,
    tiers,
    price: {
      creditsPerSecond: main.creditsPerSecond,
      usdPerSecond: main.usdPerSecond,
      perImage: input.output === 'image',
      sources,
      disputed: disputed ?? null,
    },
  };
}

function toTier(t: TierInput): ResolutionTier {
  const creditsPerSecond = t.credits ?? null;
  const usdPerSecond = creditsPerSecond !== null ? creditsPerSecond * CREDIT_USD : t.usd;
  if (usdPerSecond === undefined) throw new Error(`tier ${t.resolution} has no price`);
  return {
    resolution: t.resolution,
    mode: t.mode ?? null,
    creditsPerSecond,
    usdPerSecond,
    durations: t.durations ?? null,
    lastFrame: t.lastFrame ?? null,
    wireRatios: t.wireRatios ?? null,
  };
}

/** Inclusive range, for models that take any duration on a grid (Runway 2–10 s). */
export function range(from: number, to: number, step = 1): number[] {
  const out: number[] = [];
  for (let i = 0; from + i * step <= to + 1e-9; i++) out.push(from + i * step);
  return out;
}
