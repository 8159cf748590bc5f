// What the ElevenLabs fake refuses, as the API documents it (docs/providers.md, ElevenLabs; the
// official client's request types): schema errors are 422 `{"detail":[{loc,msg,type}]}`, the
// rest 400/404 `{"detail":{"status","message"}}`. Independent of Shotline's catalog on purpose.
import { isObject } from '../common';

export type Refusal =
  | { status: 422; detail: Array<{ loc: Array<string | number>; msg: string; type: string }> }
  | { status: 400 | 401 | 404; detail: { status: string; message: string } };

const RATES = (codec: string, rates: number[], kbps: number[] = []) =>
  rates.flatMap((r) => (kbps.length ? kbps.map((k) => `${codec}_${r}_${k}`) : [`${codec}_${r}`]));

/** SDK `AllowedOutputFormats` (sound generation). */
export const SFX_FORMATS = [
  'mp3_22050_32',
  'mp3_24000_48',
  ...RATES('mp3', [44100], [32, 64, 96, 128, 192]),
  ...RATES('pcm', [8000, 16000, 22050, 24000, 32000, 44100, 48000]),
  'ulaw_8000',
  'alaw_8000',
  ...RATES('opus', [48000], [32, 64, 96, 128, 192]),
];
/** SDK `TextToSpeechConvertRequestOutputFormat`: the same plus WAV. */
export const TTS_FORMATS = [...SFX_FORMATS, ...RATES('wav', [8000, 16000, 22050, 24000, 32000, 44100, 48000])];

/** Characters per request (help centre); v3 from secondary sources. */
export const MODEL_LIMITS: Record<string, number> = {
  eleven_multilingual_v2: 10_000,
  eleven_flash_v2_5: 40_000,
  eleven_turbo_v2_5: 40_000,
  eleven_flash_v2: 30_000,
  eleven_turbo_v2: 30_000,
  eleven_v3: 5_000,
};

/** Flash and Turbo cost 1 credit per 2 characters, other models 1 per character. */
export const creditsPerChar = (model: string): number => (/flash|turbo/.test(model) ? 0.5 : 1);

export const SFX_MODELS = ['eleven_text_to_sound_v2'];

const invalid = (loc: Array<string | number>, msg: string, type = 'value_error'): Refusal => ({ status: 422, detail: [{ loc, msg, type }] });
const refuse = (status: 400 | 404, code: string, message: string): Refusal => ({ status, detail: { status: code, message } });

const inRange = (v: unknown, lo: number, hi: number) => typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi;

export function outputFormatProblem(format: string | undefined, allowed: string[]): Refusal | null {
  if (format === undefined || allowed.includes(format)) return null;
  return invalid(['query', 'output_format'], `Input should be one of ${allowed.join(', ')}`, 'enum');
}

/** The body of `POST /v1/text-to-speech/{voice_id}`, schema first, then what the model allows. */
export function validateSpeech(body: unknown, voiceKnown: boolean): Refusal | null {
  if (!isObject(body)) return invalid(['body'], 'Input should be a valid dictionary or object to extract fields from', 'model_attributes_type');
  if (body.text === undefined) return invalid(['body', 'text'], 'Field required', 'missing');
  if (typeof body.text !== 'string') return invalid(['body', 'text'], 'Input should be a valid string', 'string_type');
  for (const f of ['model_id', 'language_code', 'previous_text', 'next_text'] as const) {
    if (body[f] !== undefined && body[f] !== null && typeof body[f] !== 'string') return invalid(['body', f], 'Input should be a valid string', 'string_type');
  }
  if (body.seed !== undefined && body.seed !== null && !(Number.isInteger(body.seed) && inRange(body.seed, 0, 4294967295)))
    return invalid(['body', 'seed'], 'Input should be an integer between 0 and 4294967295');
  if (body.voice_settings !== undefined && body.voice_settings !== null) {
    const vs = body.voice_settings;
    if (!isObject(vs)) return invalid(['body', 'voice_settings'], 'Input should be a valid dictionary', 'dict_type');
    for (const f of ['stability', 'similarity_boost', 'style'] as const) {
      if (vs[f] !== undefined && !inRange(vs[f], 0, 1)) return invalid(['body', 'voice_settings', f], 'Input should be between 0 and 1');
    }
    if (vs.speed !== undefined && !inRange(vs.speed, 0.7, 1.2)) return invalid(['body', 'voice_settings', 'speed'], 'Input should be between 0.7 and 1.2');
  }
  for (const f of ['previous_request_ids', 'next_request_ids', 'pronunciation_dictionary_locators'] as const) {
    const v = body[f];
    if (v !== undefined && v !== null && (!Array.isArray(v) || v.length > 3))
      return invalid(['body', f], 'List should have at most 3 items after validation', 'too_long');
  }
  if (body.apply_text_normalization !== undefined && !['auto', 'on', 'off'].includes(String(body.apply_text_normalization)))
    return invalid(['body', 'apply_text_normalization'], "Input should be 'auto', 'on' or 'off'", 'enum');
  if (!voiceKnown) return null;
  const model = typeof body.model_id === 'string' ? body.model_id : 'eleven_multilingual_v2';
  const limit = MODEL_LIMITS[model];
  if (limit === undefined) return refuse(400, 'model_not_found', `A model with model ID ${model} does not exist or cannot do text to speech.`);
  if (!body.text.trim()) return refuse(400, 'empty_text', 'The text is empty. Send at least one character to speak.');
  const chars = [...body.text].length;
  if (chars > limit)
    return refuse(
      400,
      'max_character_limit_exceeded',
      `This request's text has ${chars} characters and exceeds the character limit of ${limit} characters for non signed in accounts.`,
    );
  if (model === 'eleven_v3' && (body.previous_text || body.next_text))
    return refuse(400, 'invalid_request', "Providing previous_text or next_text is not yet supported with the 'eleven_v3' model.");
  return null;
}

/** The body of `POST /v1/sound-generation`. */
export function validateSfx(body: unknown): Refusal | null {
  if (!isObject(body)) return invalid(['body'], 'Input should be a valid dictionary or object to extract fields from', 'model_attributes_type');
  if (body.text === undefined) return invalid(['body', 'text'], 'Field required', 'missing');
  if (typeof body.text !== 'string') return invalid(['body', 'text'], 'Input should be a valid string', 'string_type');
  if (body.duration_seconds !== undefined && body.duration_seconds !== null && !inRange(body.duration_seconds, 0.5, 30))
    return invalid(['body', 'duration_seconds'], 'Duration must be at least 0.5 and at most 30 seconds');
  if (body.prompt_influence !== undefined && body.prompt_influence !== null && !inRange(body.prompt_influence, 0, 1))
    return invalid(['body', 'prompt_influence'], 'Input should be between 0 and 1');
  if (body.loop !== undefined && typeof body.loop !== 'boolean') return invalid(['body', 'loop'], 'Input should be a valid boolean', 'bool_type');
  const model = body.model_id ?? 'eleven_text_to_sound_v2';
  if (typeof model !== 'string' || !SFX_MODELS.includes(model))
    return refuse(400, 'model_not_found', `A model with model ID ${String(model)} cannot make sound effects.`);
  if (!body.text.trim()) return refuse(400, 'empty_text', 'The text is empty. Describe the sound to make.');
  return null;
}
