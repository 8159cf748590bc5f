// Audio models: the voices that speak dialogue lines and the model that makes sound effects.
// They have no durations, ratios or frames, so they are not video ModelSpecs: a line is priced
// per character of its text, an effect per generation. Data only, like the video catalog.
import type { ProviderId, ToolId } from '../domain/types';
import type { ProviderSpec } from './types';

export const ELEVENLABS: ProviderSpec = {
  id: 'elevenlabs',
  name: 'ElevenLabs',
  keyEnv: ['ELEVENLABS_API_KEY'],
  defaultBaseUrl: 'https://api.elevenlabs.io',
};

export interface AudioPriceSource {
  label: string;
  value: number;
  unit: 'usd/1k_chars' | 'credits/char' | 'usd/generation' | 'credits/generation' | 'credits/s';
  /** Where to check it: a public URL, or the publication where there is none. */
  ref: string;
  /** When the source stated or was checked to state this figure (YYYY-MM-DD or YYYY-MM). */
  asOf: string;
}

interface AudioModelBase {
  /** `provider:model`, as video tools are named. */
  tool: ToolId;
  provider: ProviderId;
  /** Model id exactly as the provider's API names it. */
  model: string;
  name: string;
  sources: AudioPriceSource[];
  /** Set where sources disagree; says which figure the catalog uses and why. */
  disputed: string | null;
  /** Jobs this app runs at once against this model. */
  concurrency: number;
  notes: string;
}

export interface SpeechModelSpec extends AudioModelBase {
  kind: 'speech';
  /** Dollars per 1,000 characters of the line's text. */
  usdPer1kChars: number;
  /** Longest text one request takes, in characters. */
  maxChars: number;
  /** Takes `previous_text` / `next_text` (the neighbouring lines) for continuity. */
  context: boolean;
  /**
   * How a parenthetical ("whispering") reaches the model: `audio_tag` = written into the text as
   * `[whispering]` (Eleven v3 reads such tags as delivery); null = the model has no way to take it.
   */
  hint: 'audio_tag' | null;
  /** Where `maxChars`, `context` and `hint` come from. */
  rulesRef: string;
}

export interface SfxModelSpec extends AudioModelBase {
  kind: 'sfx';
  /** Dollars per generated effect (whatever its length). */
  usdPerGeneration: number;
  /** Shortest and longest effect the API makes, in seconds. */
  minSeconds: number;
  maxSeconds: number;
}

export type AudioModelSpec = SpeechModelSpec | SfxModelSpec;

/** Every text-to-speech output_format the API documents (SDK `TextToSpeechConvertRequestOutputFormat`). */
export const SPEECH_OUTPUT_FORMATS = [
  'mp3_22050_32',
  'mp3_24000_48',
  'mp3_44100_32',
  'mp3_44100_64',
  'mp3_44100_96',
  'mp3_44100_128',
  'mp3_44100_192',
  'opus_48000_32',
  'opus_48000_64',
  'opus_48000_96',
  'opus_48000_128',
  'opus_48000_192',
  'pcm_8000',
  'pcm_16000',
  'pcm_22050',
  'pcm_24000',
  'pcm_32000',
  'pcm_44100',
  'pcm_48000',
  'wav_8000',
  'wav_16000',
  'wav_22050',
  'wav_24000',
  'wav_32000',
  'wav_44100',
  'wav_48000',
  'ulaw_8000',
  'alaw_8000',
] as const;
export type SpeechOutputFormat = (typeof SPEECH_OUTPUT_FORMATS)[number];

/** Sound generation takes the same formats but WAV (SDK `AllowedOutputFormats`). */
export type SfxOutputFormat = Exclude<SpeechOutputFormat, `wav_${string}`>;
export const SFX_OUTPUT_FORMATS = SPEECH_OUTPUT_FORMATS.filter((f): f is SfxOutputFormat => !f.startsWith('wav_'));

/** Works on every plan (192 kbps MP3 needs Creator, 44.1 kHz PCM/WAV needs Pro); ffmpeg makes the 48 kHz WAV. */
export const DEFAULT_OUTPUT_FORMAT: SpeechOutputFormat = 'mp3_44100_128';

const PUTER = 'https://developer.puter.com/tutorials/elevenlabs-api-pricing/ (secondary; quotes the ElevenAPI pricing page, elevenlabs.io/pricing/api)';
const PNB = 'https://pnbachduong.github.io/ai-tools-review/elevenlabs-api-pricing-explained-for-developers.html (secondary)';
const HELP_MODELS = 'https://help.elevenlabs.io/hc/en-us/articles/21811236079505-How-do-I-find-the-model-ID';
const HELP_LIMITS = 'https://nativeai.agency/hub/tools/elevenlabs-api/tts-models (secondary; ElevenLabs help centre, character limits per model)';
const V3_CONTEXT = 'https://github.com/pipecat-ai/pipecat/issues/4916 (2026-06-30: the API answers 400 to previous_text/next_text with eleven_v3)';

const elevenSpeech = {
  provider: 'elevenlabs',
  kind: 'speech',
  // The Free plan's concurrency; paid plans allow 3–15 (help centre "API - Error Code 429").
  concurrency: 2,
} as const;

export const SPEECH_MODELS: SpeechModelSpec[] = [
  {
    ...elevenSpeech,
    tool: 'elevenlabs:eleven_multilingual_v2',
    model: 'eleven_multilingual_v2',
    name: 'ElevenLabs Multilingual v2',
    usdPer1kChars: 0.1,
    maxChars: 10_000,
    context: true,
    hint: null,
    rulesRef: HELP_LIMITS,
    sources: [
      { label: 'ElevenAPI, Multilingual v2/v3, per 1,000 characters', value: 0.1, unit: 'usd/1k_chars', ref: PUTER, asOf: '2026-06' },
      { label: 'ElevenLabs API pricing, Multilingual v2 (Business tier)', value: 0.12, unit: 'usd/1k_chars', ref: PNB, asOf: '2026' },
      { label: 'ElevenLabs help centre: 1 credit per character', value: 1, unit: 'credits/char', ref: HELP_MODELS, asOf: '2026-12-04' },
    ],
    disputed:
      'One secondary source quotes $0.12 per 1,000 characters as a Business-tier figure; the catalog uses the $0.10 pay-as-you-go API rate, which the other states is the same on every plan.',
    notes: 'Stable, lifelike speech in 29 languages. Takes the neighbouring lines for continuity; no delivery hint.',
  },
  {
    ...elevenSpeech,
    tool: 'elevenlabs:eleven_flash_v2_5',
    model: 'eleven_flash_v2_5',
    name: 'ElevenLabs Flash v2.5',
    usdPer1kChars: 0.05,
    maxChars: 40_000,
    context: true,
    hint: null,
    rulesRef: HELP_LIMITS,
    sources: [
      { label: 'ElevenAPI, Flash/Turbo, per 1,000 characters', value: 0.05, unit: 'usd/1k_chars', ref: PUTER, asOf: '2026-06' },
      { label: 'ElevenLabs API pricing, Flash/Turbo (Business tier)', value: 0.06, unit: 'usd/1k_chars', ref: PNB, asOf: '2026' },
      { label: 'ElevenLabs help centre: 1 credit per 2 characters', value: 0.5, unit: 'credits/char', ref: HELP_MODELS, asOf: '2026-12-04' },
    ],
    disputed: 'One secondary source quotes $0.06 per 1,000 characters as a Business-tier figure; the catalog uses the $0.05 pay-as-you-go API rate.',
    notes: 'Half the price, fastest; a good scratch voice for timing the cut with a real voice.',
  },
  {
    ...elevenSpeech,
    tool: 'elevenlabs:eleven_v3',
    model: 'eleven_v3',
    name: 'ElevenLabs v3',
    usdPer1kChars: 0.1,
    maxChars: 5_000,
    // The API answers 400 to previous_text/next_text with eleven_v3; it reads [tags] as delivery.
    context: false,
    hint: 'audio_tag',
    rulesRef: `${HELP_LIMITS}; ${V3_CONTEXT}`,
    sources: [
      { label: 'ElevenAPI, Multilingual v2/v3, per 1,000 characters', value: 0.1, unit: 'usd/1k_chars', ref: PUTER, asOf: '2026-06' },
      { label: 'ElevenLabs API pricing, v3 grouped with Multilingual v2 (Business tier)', value: 0.12, unit: 'usd/1k_chars', ref: PNB, asOf: '2026' },
    ],
    disputed: 'ElevenLabs prices v3 together with Multilingual v2; no source gives v3 a separate rate.',
    notes: 'The most expressive: the parenthetical is sent as an audio tag ([whispering]). Refuses the neighbouring lines (previous_text/next_text).',
  },
  {
    tool: 'local:voice',
    provider: 'local',
    model: 'voice',
    name: 'Local scratch voice',
    kind: 'speech',
    usdPer1kChars: 0,
    // Ours: a line longer than this is not dialogue.
    maxChars: 5_000,
    context: false,
    hint: null,
    rulesRef: 'Shotline (espeak-ng takes no context or hint)',
    concurrency: 2,
    sources: [{ label: 'Spoken on this computer with espeak-ng', value: 0, unit: 'usd/1k_chars', ref: 'Shotline, no provider', asOf: '2026-12' }],
    disputed: null,
    notes: 'Free and keyless (espeak-ng): a robotic scratch voice to time the cut before any money is spent. Each character gets its own accent and pitch.',
  },
];

export const SFX_MODELS: SfxModelSpec[] = [
  {
    tool: 'elevenlabs:eleven_text_to_sound_v2',
    provider: 'elevenlabs',
    model: 'eleven_text_to_sound_v2',
    name: 'ElevenLabs sound effects',
    kind: 'sfx',
    usdPerGeneration: 0.12,
    // CreateSoundEffectRequest: "at least 0.5 and at most 30".
    minSeconds: 0.5,
    maxSeconds: 30,
    concurrency: 2,
    sources: [
      { label: 'ElevenAPI, Sound Effects, per generation', value: 0.12, unit: 'usd/generation', ref: PUTER, asOf: '2026-06' },
      {
        label: 'ElevenLabs help centre via its support bot: API 100 credits per generation, or 20 credits/s with a duration',
        value: 20,
        unit: 'credits/s',
        ref: 'https://doublepost.link/guild/1066739690436313158/thread/1466865520916693139/p/1466865522581962886/ (secondary)',
        asOf: '2026',
      },
    ],
    disputed: 'Credit figures (20 credits/s with a set length) depend on the plan’s price per credit; the catalog uses the dollar rate per generation.',
    notes: 'A described sound of 0.5–30 s. Billed per generation.',
  },
  {
    tool: 'local:sfx',
    provider: 'local',
    model: 'sfx',
    name: 'Local scratch effect',
    kind: 'sfx',
    usdPerGeneration: 0,
    // The same range as ElevenLabs', so a cue timed with the scratch effect can be made there as it is.
    minSeconds: 0.5,
    maxSeconds: 30,
    concurrency: 2,
    sources: [{ label: 'Made on this computer with ffmpeg', value: 0, unit: 'usd/generation', ref: 'Shotline, no provider', asOf: '2026-12' }],
    disputed: null,
    notes: 'Free and keyless (ffmpeg): shaped noise of the cue’s exact length, to time the cut before any money is spent.',
  },
];

/** Free and keyless: what effects are made with when no ElevenLabs key is set. */
export const LOCAL_SFX_TOOL: ToolId = 'local:sfx';

export const AUDIO_MODELS: AudioModelSpec[] = [...SPEECH_MODELS, ...SFX_MODELS];

const BY_TOOL = new Map<ToolId, AudioModelSpec>(AUDIO_MODELS.map((m) => [m.tool, m]));

/** Free and keyless: what a character speaks with until the user picks a voice. */
export const DEFAULT_SPEECH_TOOL: ToolId = 'local:voice';

export function getAudioModel(tool: ToolId): AudioModelSpec | undefined {
  return BY_TOOL.get(tool);
}

export function getSpeechModel(tool: ToolId): SpeechModelSpec | undefined {
  const m = BY_TOOL.get(tool);
  return m?.kind === 'speech' ? m : undefined;
}

export function getSfxModel(tool: ToolId): SfxModelSpec | undefined {
  const m = BY_TOOL.get(tool);
  return m?.kind === 'sfx' ? m : undefined;
}

export function audioModelsFor(provider: ProviderId): AudioModelSpec[] {
  return AUDIO_MODELS.filter((m) => m.provider === provider);
}

/** What speaking `text` costs, in dollars: billed per character of what is sent (a tag counts). */
export function speechCostUsd(spec: SpeechModelSpec, text: string): number {
  return (spec.usdPer1kChars * [...text].length) / 1000;
}

/** What one effect costs, in dollars. */
export function sfxCostUsd(spec: SfxModelSpec): number {
  return spec.usdPerGeneration;
}
