// Voices for characters: the ElevenLabs account's voices (kept a minute, so opening a few
// characters in a row asks once) and a sample of any voice to hear before picking it. A sample
// costs nothing: the local voice is spoken here, an ElevenLabs voice plays its public preview.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { VoiceOption } from '../../../shared/domain/sound';
import { localVoiceKey, parseVoice } from '../../../shared/domain/voice';
import { UserError } from '../errors';
import { audioFile } from '../jobs/finish';
import { baseUrlFor, type KeySource } from '../keys/keySource';
import { providerSettings } from '../keys/providerSettings';
import { ffprobe } from '../media/ffmpeg';
import { ElevenLabsAdapter } from '../providers/elevenlabs/adapter';
import { speakLocal } from '../providers/local/voice';
import { ProviderError } from '../providers/types';
import type { Handlers } from './types';

type VoiceChannels = Extract<keyof Handlers, `voices.${string}`>;

/** Long enough to open several characters on one fetch, short enough that a new voice shows up soon. */
export const VOICE_LIST_TTL_MS = 60_000;
/** ElevenLabs' previews are a few seconds of MP3 (~100 kB); anything near this is not one. */
export const MAX_PREVIEW_BYTES = 10 * 1024 * 1024;
const DEFAULT_SAMPLE = 'This is the local scratch voice.';

export interface VoicesDeps {
  /** The same key source the job engine uses, so a key saved in Settings applies here at once. */
  keys: KeySource;
  userDataDir: string;
  env?: Record<string, string | undefined>;
  /** Where a sample is made before it is read back (the system's temp folder by default). */
  tmpDir?: string;
  now?: () => number;
}

export function voicesHandlers(deps: VoicesDeps): Pick<Handlers, VoiceChannels> {
  const env = deps.env ?? process.env;
  const now = deps.now ?? Date.now;
  const saved = providerSettings(deps.userDataDir);
  let cache: { fingerprint: string; at: number; voices: VoiceOption[] } | null = null;

  function adapter(): { adapter: ElevenLabsAdapter; fingerprint: string } {
    const keys = deps.keys.get('elevenlabs');
    if (!keys)
      throw new UserError('No ElevenLabs key is set. Add the ElevenLabs key in Settings (or set ELEVENLABS_API_KEY), or give the character the local voice.');
    const baseUrl = baseUrlFor('elevenlabs', env, saved.baseUrls());
    return { adapter: new ElevenLabsAdapter({ baseUrl, keys }), fingerprint: `${baseUrl}\n${Object.values(keys).join('\n')}` };
  }

  async function list(refresh: boolean): Promise<VoiceOption[]> {
    const { adapter: el, fingerprint } = adapter();
    // A new key or base URL is another account: its list is fetched, not the old one shown.
    if (!refresh && cache?.fingerprint === fingerprint && now() - cache.at < VOICE_LIST_TTL_MS) return cache.voices;
    const voices = await asUserError(el.listVoices(), 'The ElevenLabs voices could not be listed');
    cache = {
      fingerprint,
      at: now(),
      voices: voices.map(({ voiceId, name, category, previewUrl, labels }) => ({ voiceId, name, category, previewUrl, labels })),
    };
    return cache.voices;
  }

  async function elevenLabsSample(voiceId: string, file: string): Promise<void> {
    const voice = (await list(false)).find((v) => v.voiceId === voiceId) ?? (await list(true)).find((v) => v.voiceId === voiceId);
    if (!voice) throw new UserError(`The ElevenLabs voice ${voiceId} is not in this account's voices. Pick another voice from the list.`);
    if (!voice.previewUrl) throw new UserError(`${voice.name} has no preview sample at ElevenLabs. Generate a line to hear it.`);
    await asUserError(adapter().adapter.preview(voice.previewUrl, file, { maxBytes: MAX_PREVIEW_BYTES }), `The sample of ${voice.name} could not be fetched`);
  }

  return {
    'voices.list': ({ refresh }) => list(refresh ?? false),
    'voices.preview': async ({ voice, text, itemId }) => {
      const parsed = parseVoice(voice);
      if (!parsed) throw new UserError(`"${voice}" is not a voice. Use local (the free scratch voice), local:<variant> or elevenlabs:<voice id>.`);
      const dir = fs.mkdtempSync(path.join(deps.tmpDir ?? os.tmpdir(), 'shotline-voice-'));
      try {
        const file = path.join(dir, 'sample.wav');
        if (parsed.engine === 'local') {
          // espeak-ng is found on this computer's PATH unless the environment names its own (as for line jobs).
          const voiceEnv = { PATH: process.env.PATH, ...env };
          await speakLocal({ text: text?.trim() || DEFAULT_SAMPLE, voiceKey: localVoiceKey(itemId ?? '', parsed.variant) }, file, { env: voiceEnv });
        } else {
          await elevenLabsSample(parsed.voiceId, file);
        }
        return { dataUrl: await dataUrlOf(file) };
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** The file as a data: URL, typed by what ffprobe finds in it; anything that is not audio is refused. */
async function dataUrlOf(file: string): Promise<string> {
  const probe = await ffprobe(file).catch(() => null);
  if (!probe?.hasAudio) throw new UserError('The voice sample is not audio Shotline can play. Try another voice, or press Refresh and try again.');
  return `data:${audioFile(probe).mime};base64,${fs.readFileSync(file).toString('base64')}`;
}

/** Provider errors already say what happened and what to do; they reach the user as such. */
async function asUserError<T>(p: Promise<T>, what: string): Promise<T> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof ProviderError) throw new UserError(`${what}: ${err.message}`);
    throw err;
  }
}
