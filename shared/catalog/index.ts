// The provider catalog as data: every model Shotline can plan a shot on, with its limits and
// prices. Prices live here and nowhere else; logic reads them through these helpers.
import type { ProviderId, ToolId } from '../domain/types';
import { ELEVENLABS, getAudioModel } from './audio';
import { KLING, KLING_MODELS } from './kling';
import { LOCAL, LOCAL_MODELS } from './local';
import { LUMA, LUMA_MODELS } from './luma';
import { MINIMAX, MINIMAX_MODELS } from './minimax';
import { RUNWAY, RUNWAY_MODELS } from './runway';
import type { ModelSpec, ProviderSpec } from './types';
import { VEO, VEO_MODELS } from './veo';

export type * from './types';
export { CREDIT_USD } from './define';
export { runwayRatio } from './runway';
export * from './fit';
export * from './references';
export * from './audio';

/** Free, needs no key: what a new shot uses until the user picks a provider. */
export const DEFAULT_TOOL: ToolId = 'local:animatic';

export const PROVIDER_SPECS: ProviderSpec[] = [RUNWAY, KLING, VEO, LUMA, MINIMAX, ELEVENLABS, LOCAL];

export const CATALOG: ModelSpec[] = [...RUNWAY_MODELS, ...KLING_MODELS, ...VEO_MODELS, ...LUMA_MODELS, ...MINIMAX_MODELS, ...LOCAL_MODELS];

const BY_TOOL = new Map(CATALOG.map((m) => [m.tool, m]));

export function getModel(tool: ToolId): ModelSpec | undefined {
  return BY_TOOL.get(tool);
}

export function modelsFor(provider: ProviderId): ModelSpec[] {
  return CATALOG.filter((m) => m.provider === provider);
}

export function videoModels(): ModelSpec[] {
  return CATALOG.filter((m) => m.output === 'video');
}

export function imageModels(): ModelSpec[] {
  return CATALOG.filter((m) => m.output === 'image');
}

/** What a job on `tool` makes: a storyboard frame (image model), a spoken line or an effect (audio), else a video take. */
export function takeKindOf(tool: ToolId): 'video' | 'frame' | 'line' | 'sfx' {
  const audio = getAudioModel(tool);
  if (audio) return audio.kind === 'speech' ? 'line' : 'sfx';
  return getModel(tool)?.output === 'image' ? 'frame' : 'video';
}

/** The model behind any tool, video, image or audio, as far as names, providers and concurrency go. */
export function toolModel(tool: ToolId): { tool: ToolId; provider: ProviderId; name: string; concurrency: number } | undefined {
  return getModel(tool) ?? getAudioModel(tool);
}

/** Free and keyless: what storyboard frames use until the user picks an image model. */
export const DEFAULT_FRAME_TOOL: ToolId = 'local:frame';

export function getProvider(id: ProviderId): ProviderSpec | undefined {
  return PROVIDER_SPECS.find((p) => p.id === id);
}
