// ElevenLabs' official client (@elevenlabs/elevenlabs-js) against our ElevenLabs fake: it must
// parse what the fake answers (voices, audio streams, errors), and every request our adapter
// sends must be, on the wire, what that client sends for the same line or effect.
import fs from 'node:fs';
import path from 'node:path';
import { ElevenLabs, ElevenLabsClient, ElevenLabsError } from '@elevenlabs/elevenlabs-js';
import { afterEach, describe, expect, it } from 'vitest';
import { ElevenLabsAdapter, type SpeakRequest } from '../../app/core/providers/elevenlabs/adapter';
import { ffprobe } from '../../app/core/media/ffmpeg';
import { useTmpDir } from '../../app/core/testing/tmp.testkit';
import { SPEECH_MODELS } from '../../shared/catalog/audio';
import { readWav } from '../fakes/elevenlabs/audio';
import { startElevenLabsFake, type ElevenLabsFake } from '../fakes/elevenlabs/server';
import { typeErrors } from './typecheck';

const KEY = 'sk_contract_0123456789abcdef';
const RACHEL = '21m00Tcm4TlvDq8ikWAM';
const tmp = useTmpDir();
let fake: ElevenLabsFake;
afterEach(() => fake?.close());

async function setup() {
  fake = await startElevenLabsFake({ apiKey: KEY });
  const client = new ElevenLabsClient({ apiKey: KEY, baseUrl: fake.url, maxRetries: 0 });
  const adapter = new ElevenLabsAdapter({ baseUrl: fake.url, keys: { ELEVENLABS_API_KEY: KEY } });
  return { client, adapter };
}

async function save(stream: ReadableStream<Uint8Array>, file: string): Promise<string> {
  fs.writeFileSync(file, Buffer.from(await new Response(stream).arrayBuffer()));
  return file;
}

const lastPost = () => [...fake.requests].reverse().find((r) => r.method === 'POST')!;
/** Path, query and body with keys sorted: the order of JSON fields means nothing to the API. */
const wire = (r: { path: string; query: Record<string, string>; body: unknown }) => JSON.stringify(sorted({ path: r.path, query: r.query, body: r.body }));
const sorted = (v: unknown): unknown =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(
        Object.entries(v)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, x]) => [k, sorted(x)]),
      )
    : v;

async function rejection(p: Promise<unknown>): Promise<ElevenLabsError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ElevenLabsError);
  return err as ElevenLabsError;
}

describe('the official ElevenLabs client against the fake', () => {
  it('speaks through textToSpeech.convert: an MP3 stream whose length follows the text; WAV when asked', async () => {
    const { client } = await setup();
    const dir = tmp();
    const text = 'Table four wants more coffee, and so do I.';
    const stream = await client.textToSpeech.convert(RACHEL, {
      text,
      modelId: 'eleven_multilingual_v2',
      outputFormat: 'mp3_44100_128',
      previousText: 'Mara?',
      nextText: 'Coming.',
    });
    const probe = await ffprobe(await save(stream, path.join(dir, 'line.mp3')));
    expect(probe.hasAudio).toBe(true);
    expect(probe.durationS).toBeCloseTo(text.length / 15, 0);
    expect(lastPost().headers['xi-api-key']).toBe(KEY);

    const wav = await client.textToSpeech.convert(RACHEL, { text, modelId: 'eleven_flash_v2_5', outputFormat: 'wav_48000' });
    const info = readWav(fs.readFileSync(await save(wav, path.join(dir, 'line.wav'))))!;
    expect(info).toMatchObject({ sampleRate: 48_000, channels: 1, bitsPerSample: 16 });
    expect(info.durationS).toBeCloseTo(text.length / 15, 1);
  });

  it('lists voices through getAll (v1) and search (v2, paged)', async () => {
    const { client } = await setup();
    const all = await client.voices.getAll();
    expect(all.voices.map((v) => v.voiceId)).toContain(RACHEL);
    expect(all.voices[0]).toMatchObject({ name: 'Rachel', category: 'premade', previewUrl: expect.stringMatching(/\/previews\//) });
    // The sample behind preview_url is real audio, served without a key as ElevenLabs' CDN does.
    const sample = await fetch(all.voices[0]!.previewUrl!);
    expect(sample.headers.get('content-type')).toBe('audio/mpeg');
    const file = path.join(tmp(), 'preview.mp3');
    fs.writeFileSync(file, Buffer.from(await sample.arrayBuffer()));
    expect((await ffprobe(file)).hasAudio).toBe(true);
    const found = await client.voices.search({ search: 'geo' });
    expect(found).toMatchObject({ totalCount: 1, hasMore: false, voices: [{ name: 'George' }] });
    const first = await client.voices.search({ pageSize: 2 });
    expect(first).toMatchObject({ hasMore: true, totalCount: 3, nextPageToken: '2' });
    const rest = await client.voices.search({ pageSize: 2, nextPageToken: first.nextPageToken });
    expect(rest.voices.map((v) => v.name)).toEqual(['Mara (clone)']);
  });

  it('makes sound effects through textToSoundEffects.convert, of the asked length', async () => {
    const { client } = await setup();
    const stream = await client.textToSoundEffects.convert({ text: 'Neon sign buzzing in the rain', durationSeconds: 2.5, promptInfluence: 0.4 });
    expect((await ffprobe(await save(stream, path.join(tmp(), 'sfx.mp3')))).durationS).toBeCloseTo(2.5, 0);
    expect(lastPost().body).toEqual({ text: 'Neon sign buzzing in the rain', duration_seconds: 2.5, prompt_influence: 0.4 });
  });

  it('gets errors it can read: 422 as UnprocessableEntityError, 401, 404, 400 and 429 with their status and body', async () => {
    const { client } = await setup();
    const bad = await rejection(client.textToSpeech.convert(RACHEL, { text: 'Hi', seed: -5 }));
    expect(bad).toBeInstanceOf(ElevenLabs.UnprocessableEntityError);
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toMatchObject({ detail: [{ loc: ['body', 'seed'], msg: expect.stringMatching(/integer/) }] });

    const wrong = new ElevenLabsClient({ apiKey: 'sk_nope', baseUrl: fake.url, maxRetries: 0 });
    expect(await rejection(wrong.voices.getAll())).toMatchObject({ statusCode: 401, body: { detail: { status: 'invalid_api_key' } } });
    expect(await rejection(client.textToSpeech.convert('NoSuchVoice', { text: 'Hi' }))).toMatchObject({
      statusCode: 404,
      body: { detail: { status: 'voice_not_found' } },
    });
    expect(await rejection(client.textToSpeech.convert(RACHEL, { text: 'x'.repeat(5_001), modelId: 'eleven_v3' }))).toMatchObject({
      statusCode: 400,
      body: { detail: { status: 'max_character_limit_exceeded' } },
    });
    expect(await rejection(client.textToSpeech.convert(RACHEL, { text: 'Hi', modelId: 'eleven_v3', previousText: 'Before' }))).toMatchObject({
      statusCode: 400,
    });
    fake.setScenario({ create: [{ kind: 'http', status: 429, retryAfter: '4' }] });
    const busy = await rejection(client.textToSoundEffects.convert({ text: 'thunder' }));
    expect(busy).toMatchObject({ statusCode: 429, body: { detail: { status: 'too_many_concurrent_requests' } } });
    expect(busy.rawResponse?.headers.get('retry-after')).toBe('4');
  });
});

describe('every line and effect the adapter sends', () => {
  /** The same line as the official client's arguments. */
  function sdkArgs(req: SpeakRequest, sentText: string): ElevenLabs.BodyTextToSpeechFull {
    const spec = SPEECH_MODELS.find((m) => m.model === req.modelId)!;
    return {
      text: sentText,
      modelId: req.modelId,
      outputFormat: req.outputFormat ?? 'mp3_44100_128',
      ...(spec.context && req.previousText ? { previousText: req.previousText } : {}),
      ...(spec.context && req.nextText ? { nextText: req.nextText } : {}),
      ...(req.seed != null ? { seed: req.seed } : {}),
    };
  }

  it('is, on the wire, exactly what the official client sends for the same request', async () => {
    const { client, adapter } = await setup();
    const dir = tmp();
    const mismatches: string[] = [];
    const models = SPEECH_MODELS.filter((m) => m.provider === 'elevenlabs');
    expect(models.map((m) => m.model).sort()).toEqual(['eleven_flash_v2_5', 'eleven_multilingual_v2', 'eleven_v3']);
    const variants: Array<Omit<SpeakRequest, 'modelId' | 'voiceId'>> = [
      { text: 'Just coffee.' },
      { text: 'Just coffee.', previousText: 'What can I get you?', nextText: 'Sure thing.', seed: 42 },
      { text: 'Not here.', hint: '(whispering)', outputFormat: 'wav_48000' },
      { text: 'Ünïcode — “quotes” ok?', outputFormat: 'pcm_24000' },
    ];
    for (const m of models) {
      for (const v of variants) {
        const req: SpeakRequest = { voiceId: RACHEL, modelId: m.model, ...v };
        const { sentText } = await adapter.speak(req, path.join(dir, 'ours'));
        const ours = lastPost();
        await client.textToSpeech.convert(RACHEL, sdkArgs(req, sentText));
        const theirs = lastPost();
        if (wire(ours) !== wire(theirs)) mismatches.push(`${m.model} ${JSON.stringify(v)}: ${wire(ours)} vs ${wire(theirs)}`);
      }
    }
    await adapter.soundEffect({ text: 'Door slam', seconds: 1.5, promptInfluence: 0.5, outputFormat: 'opus_48000_64' }, path.join(dir, 'sfx'));
    const ours = lastPost();
    await client.textToSoundEffects.convert({
      text: 'Door slam',
      durationSeconds: 1.5,
      promptInfluence: 0.5,
      modelId: 'eleven_text_to_sound_v2',
      outputFormat: 'opus_48000_64',
    });
    if (wire(ours) !== wire(lastPost())) mismatches.push(`sfx: ${wire(ours)} vs ${wire(lastPost())}`);
    expect(mismatches).toEqual([]);
    expect(fake.creates).toBe(2 * (models.length * variants.length + 1));
  });

  it("compiles against the client's request types; a misspelt field does not", () => {
    const errors = typeErrors("import type { ElevenLabs } from '@elevenlabs/elevenlabs-js';", [
      {
        name: 'ok',
        type: 'ElevenLabs.BodyTextToSpeechFull',
        body: { text: 'Hi', modelId: 'eleven_v3', outputFormat: 'wav_48000', previousText: 'a', seed: 1 },
      },
      { name: 'sfx', type: 'ElevenLabs.CreateSoundEffectRequest', body: { text: 'rain', durationSeconds: 3, outputFormat: 'mp3_44100_128' } },
      { name: 'planted', type: 'ElevenLabs.BodyTextToSpeechFull', body: { text: 'Hi', previous_text: 'a' } },
      { name: 'planted-format', type: 'ElevenLabs.CreateSoundEffectRequest', body: { text: 'rain', outputFormat: 'wav_48000' } },
    ]);
    expect(errors.map((e) => e.split(':')[0])).toEqual(['planted', 'planted-format']);
  });
});
