// The one place that turns a provider id into its remote adapter, and says where that API lives:
// `SHOTLINE_<PROVIDER>_BASE_URL` when set (a proxy, or a fake server in tests), else the
// catalog's documented default. The local animatic is not here: it renders, it has no API.
import { getProvider } from '../../../shared/catalog';
import type { ProviderId } from '../../../shared/domain/types';
import { KlingAdapter } from './kling/adapter';
import { LumaAdapter } from './luma/adapter';
import { MinimaxAdapter } from './minimax/adapter';
import { RunwayAdapter } from './runway/adapter';
import type { AdapterConfig, ProviderAdapter } from './types';
import { VeoAdapter } from './veo/adapter';

/** Video providers with a job adapter here; ElevenLabs (speech, effects) has its own audio adapter (elevenlabs/adapter.ts). */
export type RemoteProvider = Exclude<ProviderId, 'local' | 'elevenlabs'>;
/** Every provider reached over HTTP, with a base URL: the video ones and ElevenLabs. */
export type ApiProvider = Exclude<ProviderId, 'local'>;

const ADAPTERS: Record<RemoteProvider, new (cfg: AdapterConfig) => ProviderAdapter> = {
  runway: RunwayAdapter,
  kling: KlingAdapter,
  luma: LumaAdapter,
  veo: VeoAdapter,
  minimax: MinimaxAdapter,
};

export const REMOTE_PROVIDERS = Object.keys(ADAPTERS) as RemoteProvider[];

export function isRemoteProvider(id: string): id is RemoteProvider {
  return Object.hasOwn(ADAPTERS, id);
}

export function createAdapter(provider: RemoteProvider, config: AdapterConfig): ProviderAdapter {
  return new ADAPTERS[provider](config);
}

/**
 * `SHOTLINE_<PROVIDER>_BASE_URL` first (tests and proxies), then a URL saved in Settings, then the
 * catalog's documented default (docs/providers.md, Sources).
 */
export function baseUrlFor(
  provider: ApiProvider,
  env: Record<string, string | undefined> = process.env,
  saved: Partial<Record<ProviderId, string>> = {},
): string {
  return env[`SHOTLINE_${provider.toUpperCase()}_BASE_URL`]?.trim() || saved[provider]?.trim() || getProvider(provider)!.defaultBaseUrl;
}
