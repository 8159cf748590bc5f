// Who makes a tool's clips: a remote adapter (built from the provider's keys and base URL) or
// a renderer on this computer. The engine asks here per job and knows nothing of either.
import { getModel, getProvider, getSfxModel, getSpeechModel, LOCAL_SFX_TOOL, takeKindOf } from '../../../shared/catalog';
import { parseVoice } from '../../../shared/domain/voice';
import { ElevenLabsAdapter } from '../providers/elevenlabs/adapter';
import { makeLocalSfx } from '../providers/local/sfx';
import { speakLocal } from '../providers/local/voice';
import { requestOf, type AudioRunner } from './audio';
import type { ProviderId, ToolId } from '../../../shared/domain/types';
import { UserError } from '../errors';
import { baseUrlFor, type KeySource } from '../keys/keySource';
import { localRenderer } from '../providers/local/renderer';
import { createAdapter, isRemoteProvider } from '../providers/registry';
import type { AdapterConfig, LocalRenderer, ProviderAdapter } from '../providers/types';
import { knowSecrets } from '../redact';

export type Runner = { kind: 'remote'; adapter: ProviderAdapter } | { kind: 'local'; renderer: LocalRenderer } | AudioRunner;

export type AdapterFactory = (cfg: AdapterConfig) => ProviderAdapter;

/** The remote adapters this build has (providers/registry.ts); tests pass their own. */
function registryAdapter(provider: ProviderId): AdapterFactory | undefined {
  return isRemoteProvider(provider) ? (cfg) => createAdapter(provider, cfg) : undefined;
}

export interface RunnerSource {
  /** The runner for `tool`; throws a UserError that says what to set up when there is none. */
  runner(tool: ToolId): Runner;
  /** Every key value in use, so the engine can scrub them from anything it logs. */
  secrets(): string[];
}

export interface RunnerOptions {
  keys: KeySource;
  env?: Record<string, string | undefined>;
  /** Base URLs saved in the app's settings (env still wins, for tests and proxies). */
  baseUrls?: () => Partial<Record<ProviderId, string>>;
  adapters?: Partial<Record<ProviderId, AdapterFactory>>;
  local?: Partial<Record<ProviderId, LocalRenderer>>;
  timeoutMs?: number;
  /** Where an adapter keeps what a provider answered inline until the engine stores it (Gemini images). */
  stagingDir?: string;
}

export function createRunners(opts: RunnerOptions): RunnerSource {
  const env = opts.env ?? process.env;
  const adapterFor = (p: ProviderId) => (opts.adapters ? opts.adapters[p] : registryAdapter(p));
  const local = opts.local ?? { local: localRenderer({ env }) };
  // Rebuilt when the key or base URL changes, so a key entered in Settings applies to the next job.
  const cache = new Map<ProviderId, { fingerprint: string; adapter: ProviderAdapter }>();

  function elevenLabs(what: string): ElevenLabsAdapter {
    const keys = opts.keys.get('elevenlabs');
    if (!keys) throw new UserError(`No ElevenLabs key is set. Add it in Settings (or set ELEVENLABS_API_KEY for the CLI), or ${what}.`);
    knowSecrets(Object.values(keys));
    return new ElevenLabsAdapter({ baseUrl: baseUrlFor('elevenlabs', env, opts.baseUrls?.()), keys });
  }

  /** Effects: the scratch effect here, or ElevenLabs' sound generation with the account's key. */
  function sfxRunner(tool: ToolId): AudioRunner {
    if (tool === LOCAL_SFX_TOOL) {
      return {
        kind: 'audio',
        local: true,
        ext: '.wav',
        make: async (req, _tool, dest, signal) => (await makeLocalSfx(requestOf(req, 'sfx', tool), dest, { signal, env }), { notes: [] }),
      };
    }
    const adapter = elevenLabs(`make the effects with ${LOCAL_SFX_TOOL}`);
    return {
      kind: 'audio',
      local: false,
      ext: '.mp3',
      make: async (req, _tool, dest, signal) => {
        const { text, seconds } = requestOf(req, 'sfx', tool);
        return { notes: (await adapter.soundEffect({ text, seconds }, dest, signal)).notes };
      },
    };
  }

  /** Speech: espeak-ng here, or ElevenLabs with the account's key. */
  function audioRunner(tool: ToolId): AudioRunner {
    if (tool === 'local:voice') {
      // espeak-ng is found on this computer's PATH unless the environment names its own.
      const voiceEnv = { PATH: process.env.PATH, ...env };
      return {
        kind: 'audio',
        local: true,
        ext: '.wav',
        make: async (req, _tool, dest, signal) => (await speakLocal(requestOf(req, 'line', tool), dest, { signal, env: voiceEnv }), { notes: [] }),
      };
    }
    const adapter = elevenLabs('give the character the local voice');
    return {
      kind: 'audio',
      local: false,
      ext: '.mp3',
      make: async (audio, speech, dest, signal) => {
        const req = requestOf(audio, 'line', speech);
        const voice = parseVoice(req.voice);
        if (voice?.engine !== 'elevenlabs') throw new UserError(`${req.speaker}'s voice "${req.voice}" is not an ElevenLabs voice.`);
        const { notes } = await adapter.speak(
          {
            voiceId: voice.voiceId,
            text: req.text,
            modelId: getSpeechModel(speech)!.model,
            previousText: req.previousText,
            nextText: req.nextText,
            hint: req.parenthetical,
          },
          dest,
          signal,
        );
        return { notes };
      },
    };
  }

  function runner(tool: ToolId): Runner {
    if (getSpeechModel(tool)) return audioRunner(tool);
    if (getSfxModel(tool)) return sfxRunner(tool);
    const spec = getModel(tool);
    if (!spec) throw new UserError(`"${tool}" is not a tool Shotline knows. Pick another tool for the shot.`);
    const renderer = local[spec.provider];
    if (renderer) return { kind: 'local', renderer };
    const name = getProvider(spec.provider)?.name ?? spec.provider;
    const factory = adapterFor(spec.provider);
    if (!factory) throw new UserError(`This version of Shotline cannot send jobs to ${name} yet. Pick another tool, or the local animatic.`);
    const keys = opts.keys.get(spec.provider);
    if (!keys) {
      const envNames = getProvider(spec.provider)?.keyEnv.join(' and ') ?? '';
      const local = takeKindOf(tool) === 'frame' ? 'make frames with the local frame tool' : 'generate with the local animatic';
      throw new UserError(`No ${name} key is set. Add it in Settings (or set ${envNames} for the CLI), or ${local}.`);
    }
    knowSecrets(Object.values(keys));
    const baseUrl = baseUrlFor(spec.provider, env, opts.baseUrls?.());
    const fingerprint = JSON.stringify([keys, baseUrl]);
    const hit = cache.get(spec.provider);
    if (hit?.fingerprint === fingerprint) return { kind: 'remote', adapter: hit.adapter };
    const adapter = factory({ baseUrl, keys, timeoutMs: opts.timeoutMs, stagingDir: opts.stagingDir });
    cache.set(spec.provider, { fingerprint, adapter });
    return { kind: 'remote', adapter };
  }

  return {
    runner,
    secrets: () => {
      const out: string[] = [];
      for (const s of opts.keys.status()) if (s.set) out.push(...Object.values(opts.keys.get(s.provider) ?? {}));
      return out;
    },
  };
}
