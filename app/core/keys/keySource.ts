// Where provider keys come from. The Electron shell keeps them with safeStorage
// (app/electron/keyVault.ts); the CLI and devhost read environment variables. Either way the
// core sees this one interface, and nothing but `get` ever returns key material: status, the
// only thing the renderer is shown, carries the last four characters.
import { PROVIDER_SPECS, getProvider } from '../../../shared/catalog';
import type { KeyStatus } from '../../../shared/domain/jobs';
import type { ProviderId } from '../../../shared/domain/types';
import { UserError } from '../errors';
import { baseUrlFor as remoteBaseUrl } from '../providers/registry';

type Env = Record<string, string | undefined>;

/** Key material keyed by the catalog's environment variable names (RUNWAYML_API_SECRET…). */
export type KeyValues = Record<string, string>;

export interface KeySource {
  /** The provider's keys, or null when any of them is missing. */
  get(provider: ProviderId): KeyValues | null;
  status(): KeyStatus[];
  /** Stores keys for later sessions (vault) or for this one (devhost). */
  set(provider: ProviderId, values: KeyValues): void | Promise<void>;
  remove(provider: ProviderId): void | Promise<void>;
}

/** Providers that need a key (everything but the local renderer). */
export const KEYED_PROVIDERS = PROVIDER_SPECS.filter((p) => p.keyEnv.length > 0);

/** `SHOTLINE_RUNWAY_BASE_URL` and friends, else a saved one, else the catalog's public endpoint; '' for the local renderer. */
export function baseUrlFor(provider: ProviderId, env: Env, saved: Partial<Record<ProviderId, string>> = {}): string {
  return provider === 'local' ? '' : remoteBaseUrl(provider, env, saved);
}

export function last4(value: string): string {
  return value.length >= 8 ? value.slice(-4) : '';
}

/** Checks what the user typed has every key the provider needs, trimmed; says which is missing. */
export function normaliseKeys(provider: ProviderId, values: KeyValues): KeyValues {
  const spec = getProvider(provider);
  if (!spec || spec.keyEnv.length === 0) throw new UserError(`${spec?.name ?? provider} needs no key.`);
  const out: KeyValues = {};
  for (const name of spec.keyEnv) {
    const v = (values[name] ?? '').trim();
    if (!v) throw new UserError(`Enter ${name} for ${spec.name}.`);
    if (/\s/.test(v)) throw new UserError(`${name} has spaces in it; paste the key exactly as ${spec.name} shows it.`);
    out[name] = v;
  }
  return out;
}

export function statusFrom(provider: ProviderId, values: KeyValues | null, source: KeyStatus['source'], baseUrl: string): KeyStatus {
  const spec = getProvider(provider)!;
  return {
    provider,
    name: spec.name,
    envNames: spec.keyEnv,
    set: values !== null,
    // The first variable is the one users recognise (Kling: the access key, not the secret).
    last4: values ? last4(values[spec.keyEnv[0]!] ?? '') || null : null,
    source: values ? source : null,
    baseUrl,
  };
}

/**
 * Keys from the environment, with keys set in this session layered over them (the devhost's
 * settings screen; never written anywhere). Removing a key hides the environment's one too.
 */
export function envKeySource(env: Env = process.env): KeySource {
  const session = new Map<ProviderId, KeyValues | null>();
  const fromEnv = (provider: ProviderId): KeyValues | null => {
    const names = getProvider(provider)?.keyEnv ?? [];
    if (names.length === 0) return null;
    const values: KeyValues = {};
    for (const name of names) {
      const v = env[name]?.trim();
      if (!v) return null;
      values[name] = v;
    }
    return values;
  };
  const get = (provider: ProviderId) => (session.has(provider) ? session.get(provider)! : fromEnv(provider));
  return {
    get,
    status: () => KEYED_PROVIDERS.map((p) => statusFrom(p.id, get(p.id), session.has(p.id) ? 'session' : 'env', baseUrlFor(p.id, env))),
    set: (provider, values) => void session.set(provider, normaliseKeys(provider, values)),
    remove: (provider) => void session.set(provider, null),
  };
}
