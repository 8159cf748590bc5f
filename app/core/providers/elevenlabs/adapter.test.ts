import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readWav } from '../../../../test/fakes/elevenlabs/audio';
import { startElevenLabsFake, type ElevenLabsFake, type ElevenLabsFakeOptions } from '../../../../test/fakes/elevenlabs/server';
import { envKeySource } from '../../keys/keySource';
import { ffprobe } from '../../media/ffmpeg';
import { useTmpDir } from '../../testing/tmp.testkit';
import { deadUrl, expectRedacted, providerError } from '../providers.testkit';
import { baseUrlFor } from '../registry';
import { ElevenLabsAdapter } from './adapter';

const KEY = 'sk_eleven_secret_0123456789abcdef';
const RACHEL = '21m00Tcm4TlvDq8ikWAM';
const tmp = useTmpDir();
let fake: ElevenLabsFake;
afterEach(() => fake?.close());

async function setup(opts: ElevenLabsFakeOptions = {}) {
  fake = await startElevenLabsFake({ apiKey: KEY, ...opts });
  return { adapter: new ElevenLabsAdapter({ baseUrl: fake.url, keys: { ELEVENLABS_API_KEY: KEY } }), dir: tmp() };
}

const posts = () => fake.requests.filter((r) => r.method === 'POST');

describe('ElevenLabs speech against the fake', () => {
  it('speaks a line to an MP3 whose length follows the text, with the key, model, format and neighbouring lines', async () => {
    const { adapter, dir } = await setup();
    const text = 'We close at midnight. You know that, Mara.';
    const dest = path.join(dir, 'line.mp3');
    const out = await adapter.speak(
      { voiceId: RACHEL, text, modelId: 'eleven_multilingual_v2', previousText: 'Coffee?', nextText: 'Just one more.', seed: 7 },
      dest,
    );
    const post = posts()[0]!;
    expect(post.path).toBe(`/v1/text-to-speech/${RACHEL}`);
    expect(post.query).toEqual({ output_format: 'mp3_44100_128' });
    expect(post.headers['xi-api-key']).toBe(KEY);
    expect(post.body).toEqual({ text, model_id: 'eleven_multilingual_v2', seed: 7, previous_text: 'Coffee?', next_text: 'Just one more.' });
    expect(out).toMatchObject({ sentText: text, contentType: 'audio/mpeg', requestId: fake.generations[0]!.requestId, notes: [] });
    const probe = await ffprobe(dest);
    expect(probe.hasAudio).toBe(true);
    expect(probe.durationS).toBeCloseTo(text.length / 15, 0);
    expectRedacted([out.raw], [KEY]);
  });

  it('writes WAV when asked, and a longer line makes longer audio', async () => {
    const { adapter, dir } = await setup();
    const short = path.join(dir, 'short.wav');
    const long = path.join(dir, 'long.wav');
    await adapter.speak({ voiceId: RACHEL, text: 'Hi.', modelId: 'eleven_flash_v2_5', outputFormat: 'wav_48000' }, short);
    const text = 'Hi. '.repeat(30).trim();
    await adapter.speak({ voiceId: RACHEL, text, modelId: 'eleven_flash_v2_5', outputFormat: 'wav_48000' }, long);
    const a = readWav(fs.readFileSync(short))!;
    const b = readWav(fs.readFileSync(long))!;
    expect(a.sampleRate).toBe(48_000);
    expect(b.durationS).toBeCloseTo(text.length / 15, 1);
    expect(b.durationS).toBeGreaterThan(a.durationS * 10);
  });

  it('v3 takes the parenthetical as an audio tag and drops the neighbouring lines it refuses; v2 drops the hint', async () => {
    const { adapter, dir } = await setup();
    const v3 = await adapter.speak(
      { voiceId: RACHEL, text: 'Not here.', modelId: 'eleven_v3', hint: '(whispering)', previousText: 'Where?' },
      path.join(dir, 'a.mp3'),
    );
    expect(posts()[0]!.body).toEqual({ text: '[whispering] Not here.', model_id: 'eleven_v3' });
    expect(v3.notes).toEqual([expect.stringMatching(/does not take the neighbouring lines/)]);
    const v2 = await adapter.speak({ voiceId: RACHEL, text: 'Not here.', modelId: 'eleven_multilingual_v2', hint: 'whispering' }, path.join(dir, 'b.mp3'));
    expect(posts()[1]!.body).toEqual({ text: 'Not here.', model_id: 'eleven_multilingual_v2' });
    expect(v2.notes).toEqual(['ElevenLabs Multilingual v2 takes no delivery hint; "(whispering)" was not sent.']);
  });

  it('refuses before any request: unknown model, bad voice id, empty text, text over the model limit', async () => {
    const { adapter, dir } = await setup();
    const dest = path.join(dir, 'x.mp3');
    const codes = [];
    for (const req of [
      { voiceId: RACHEL, text: 'Hi', modelId: 'eleven_monolingual_v1' },
      { voiceId: '../user', text: 'Hi', modelId: 'eleven_v3' },
      { voiceId: RACHEL, text: '   ', modelId: 'eleven_v3' },
      { voiceId: RACHEL, text: 'a'.repeat(5_001), modelId: 'eleven_v3' },
    ]) {
      const err = await providerError(adapter.speak(req, dest));
      expect(err.kind).toBe('permanent');
      codes.push(err.details.code);
    }
    expect(codes).toEqual(['unknown_model', 'bad_voice_id', 'empty_text', 'text_too_long']);
    expect(fake.requests).toHaveLength(0);
    expect(fs.existsSync(dest)).toBe(false);
  });
});

describe('ElevenLabs errors as ProviderError kinds', () => {
  const line = { voiceId: RACHEL, text: 'Hello there.', modelId: 'eleven_multilingual_v2' };

  it('401: a wrong key is auth; no key fails before any request', async () => {
    const { dir } = await setup();
    const wrong = new ElevenLabsAdapter({ baseUrl: fake.url, keys: { ELEVENLABS_API_KEY: 'sk_wrong_key_0000' } });
    const err = await providerError(wrong.speak(line, path.join(dir, 'a.mp3')));
    expect(err).toMatchObject({ kind: 'auth', details: { status: 401, code: 'invalid_api_key' } });
    expect(err.message).toMatch(/ElevenLabs rejected the API key \(HTTP 401\): Invalid API key/);
    const keyless = new ElevenLabsAdapter({ baseUrl: fake.url, keys: {} });
    expect(await providerError(keyless.listVoices())).toMatchObject({ kind: 'auth', details: { code: 'no_key' } });
    expect(fake.requests).toHaveLength(1);
  });

  it("422: permanent, with the API's words and the field", async () => {
    const { adapter, dir } = await setup();
    const err = await providerError(adapter.speak({ ...line, seed: -1 }, path.join(dir, 'a.mp3')));
    expect(err).toMatchObject({ kind: 'permanent', details: { status: 422, code: 'validation_error' } });
    expect(err.message).toBe('ElevenLabs refused the request (HTTP 422): seed: Input should be an integer between 0 and 4294967295.');
    fake.setScenario({ create: [{ kind: 'http', status: 422, message: 'text is not speakable' }] });
    expect((await providerError(adapter.speak(line, path.join(dir, 'b.mp3')))).message).toMatch(/HTTP 422\): text is not speakable/);
  });

  it('404 unknown voice and 400 over-limit are permanent with their codes; a spent quota says so', async () => {
    const { adapter, dir } = await setup({ credits: 20 });
    const gone = await providerError(adapter.speak({ ...line, voiceId: 'NoSuchVoice' }, path.join(dir, 'a.mp3')));
    expect(gone).toMatchObject({ kind: 'permanent', details: { status: 404, code: 'voice_not_found' } });
    const spent = await providerError(adapter.speak({ ...line, text: 'x'.repeat(40) }, path.join(dir, 'b.mp3')));
    expect(spent).toMatchObject({ kind: 'permanent', details: { status: 401, code: 'quota_exceeded' } });
    expect(spent.message).toMatch(/Add credits or upgrade the ElevenLabs plan/);
    expect(await adapter.checkKey()).toMatchObject({ ok: true, verdict: 'works' });
  });

  it('429: rate_limited with Retry-After, the concurrency limit included', async () => {
    const { adapter, dir } = await setup({ concurrency: 1, latencyMs: 150 });
    fake.setScenario({ create: [{ kind: 'http', status: 429, retryAfter: '7' }] });
    expect(await providerError(adapter.speak(line, path.join(dir, 'a.mp3')))).toMatchObject({
      kind: 'rate_limited',
      details: { status: 429, retryAfterS: 7, code: 'too_many_concurrent_requests' },
    });
    const both = await Promise.allSettled([adapter.speak(line, path.join(dir, 'b.mp3')), adapter.speak(line, path.join(dir, 'c.mp3'))]);
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = both.find((r) => r.status === 'rejected')!;
    expect(refused.reason).toMatchObject({ kind: 'rate_limited', details: { code: 'too_many_concurrent_requests' } });
  });

  it('5xx, a timeout and a dead server are transient; nothing half-written is left', async () => {
    const { adapter, dir } = await setup();
    fake.setScenario({
      create: [
        { kind: 'after_create', status: 500 },
        { kind: 'http', status: 503, body: { detail: { status: 'system_busy', message: 'busy' } } },
      ],
    });
    const dest = path.join(dir, 'a.mp3');
    expect(await providerError(adapter.speak(line, dest))).toMatchObject({ kind: 'transient', details: { status: 500 } });
    // The generation happened (and was billed) although the reply was an error: the engine must not resend blindly.
    expect(fake.creates).toBe(1);
    expect(await providerError(adapter.speak(line, dest))).toMatchObject({ kind: 'transient', details: { status: 503, code: 'system_busy' } });
    fake.setScenario({ create: [{ kind: 'timeout' }] });
    const slow = new ElevenLabsAdapter({ baseUrl: fake.url, keys: { ELEVENLABS_API_KEY: KEY }, timeoutMs: 200 });
    expect(await providerError(slow.speak(line, dest))).toMatchObject({ kind: 'transient', details: { code: 'timeout' } });
    const dead = new ElevenLabsAdapter({ baseUrl: await deadUrl(), keys: { ELEVENLABS_API_KEY: KEY } });
    expect(await providerError(dead.speak(line, dest))).toMatchObject({ kind: 'transient', details: { code: 'network' } });
    expect(fs.existsSync(dest)).toBe(false);
  });

  it('a cancel hands back the caller’s abort', async () => {
    const { adapter, dir } = await setup({ latencyMs: 2_000 });
    const ctrl = new AbortController();
    const p = adapter.speak(line, path.join(dir, 'a.mp3'), ctrl.signal);
    setTimeout(() => ctrl.abort(new Error('canceled by the user')), 50);
    await expect(p).rejects.toThrow('canceled by the user');
  });
});

describe('ElevenLabs voices, effects and the key', () => {
  it('lists voices with their preview samples, fetched without the key', async () => {
    const { adapter, dir } = await setup();
    const voices = await adapter.listVoices();
    expect(voices.map((v) => [v.voiceId, v.name, v.category])).toEqual([
      [RACHEL, 'Rachel', 'premade'],
      ['JBFqnCBsd6RMkjVDRZzb', 'George', 'premade'],
      ['cl0nedVoice0000000001', 'Mara (clone)', 'cloned'],
    ]);
    expect(voices[0]!.labels).toMatchObject({ gender: 'female' });
    await adapter.preview(voices[0]!.previewUrl!, path.join(dir, 'p.mp3'));
    expect((await ffprobe(path.join(dir, 'p.mp3'))).hasAudio).toBe(true);
    expect(fake.requests.at(-1)!.headers['xi-api-key']).toBeUndefined();
    fake.setScenario({ other: [{ kind: 'http', status: 429, retryAfter: '3' }] });
    expect(await providerError(adapter.listVoices())).toMatchObject({ kind: 'rate_limited', details: { retryAfterS: 3 } });
  });

  it('refuses a preview larger than the limit, leaving no file', async () => {
    const { adapter, dir } = await setup();
    const [rachel] = await adapter.listVoices();
    const dest = path.join(dir, 'big.mp3');
    expect(await providerError(adapter.preview(rachel!.previewUrl!, dest, { maxBytes: 1_000 }))).toMatchObject({
      kind: 'permanent',
      details: { code: 'too_large' },
    });
    expect(fs.existsSync(dest)).toBe(false);
    await adapter.preview(rachel!.previewUrl!, dest, { maxBytes: 1_000_000 });
    expect(fs.statSync(dest).size).toBeGreaterThan(1_000);
  });

  it('says so when the voice list is not one (a wrong base URL answering 200)', async () => {
    await setup();
    const server = http.createServer((_req, res) => res.end('<html>Welcome to the proxy</html>'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.address() as { port: number };
      const wrong = new ElevenLabsAdapter({ baseUrl: `http://127.0.0.1:${port}`, keys: { ELEVENLABS_API_KEY: KEY } });
      expect(await providerError(wrong.listVoices())).toMatchObject({ kind: 'permanent', details: { code: 'bad_reply' } });
    } finally {
      server.close();
    }
  });

  it('makes a sound effect of the asked length; refuses one outside 0.5–30 s before sending', async () => {
    const { adapter, dir } = await setup();
    const dest = path.join(dir, 'door.mp3');
    await adapter.soundEffect({ text: 'A heavy diner door swings shut', seconds: 3 }, dest);
    expect(posts()[0]).toMatchObject({
      path: '/v1/sound-generation',
      query: { output_format: 'mp3_44100_128' },
      body: { text: 'A heavy diner door swings shut', model_id: 'eleven_text_to_sound_v2', duration_seconds: 3 },
    });
    expect((await ffprobe(dest)).durationS).toBeCloseTo(3, 0);
    expect(await providerError(adapter.soundEffect({ text: 'rain', seconds: 31 }, dest))).toMatchObject({
      kind: 'permanent',
      details: { code: 'bad_duration' },
    });
    await adapter.soundEffect({ text: 'rain on a tin roof', seconds: null, promptInfluence: 0.6, outputFormat: 'pcm_48000' }, path.join(dir, 'rain.pcm'));
    expect(posts()[1]!.body).toEqual({ text: 'rain on a tin roof', model_id: 'eleven_text_to_sound_v2', prompt_influence: 0.6 });
    expect(fs.statSync(path.join(dir, 'rain.pcm')).size).toBe(5 * 48_000 * 2);
  });

  it('checkKey: works with the credits left, wrong, no credit, unreachable', async () => {
    const { adapter } = await setup({ credits: 1_000 });
    expect(await adapter.checkKey()).toEqual({ ok: true, verdict: 'works', detail: 'The key works: 1,000 of 1,000 credits left this month on the free plan.' });
    expect(fake.requests.at(-1)).toMatchObject({ method: 'GET', path: '/v1/user/subscription' });
    const wrong = new ElevenLabsAdapter({ baseUrl: fake.url, keys: { ELEVENLABS_API_KEY: 'sk_wrong_key_0000' } });
    expect(await wrong.checkKey()).toMatchObject({ ok: false, verdict: 'wrong' });
    await adapter.speak({ voiceId: RACHEL, text: 'x'.repeat(1_000), modelId: 'eleven_v3' }, path.join(tmp(), 'a.mp3'));
    expect(await adapter.checkKey()).toMatchObject({ ok: false, verdict: 'no_credit', detail: expect.stringMatching(/used up/) });
    const dead = new ElevenLabsAdapter({ baseUrl: await deadUrl(), keys: { ELEVENLABS_API_KEY: KEY } });
    expect(await dead.checkKey()).toMatchObject({ ok: false, verdict: 'unreachable' });
  });

  it('the key comes from ELEVENLABS_API_KEY and the address from SHOTLINE_ELEVENLABS_BASE_URL', () => {
    const env = { ELEVENLABS_API_KEY: ` ${KEY} `, SHOTLINE_ELEVENLABS_BASE_URL: 'http://127.0.0.1:9/' };
    expect(envKeySource(env).get('elevenlabs')).toEqual({ ELEVENLABS_API_KEY: KEY });
    expect(
      envKeySource(env)
        .status()
        .find((s) => s.provider === 'elevenlabs'),
    ).toMatchObject({ set: true, last4: 'cdef', baseUrl: 'http://127.0.0.1:9/' });
    expect(baseUrlFor('elevenlabs', env)).toBe('http://127.0.0.1:9/');
    expect(baseUrlFor('elevenlabs', {})).toBe('https://api.elevenlabs.io');
  });
});
