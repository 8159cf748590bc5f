// Voices for characters against the ElevenLabs fake: the account's list (kept a minute, refreshed
// on demand), an ElevenLabs voice's free sample, the local voice's sample, and what the user reads
// when there is no key, the key is refused, or the answer is not a voice list.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { readWav } from '../../../test/fakes/elevenlabs/audio';
import { startElevenLabsFake, type ElevenLabsFake, type FakeVoice } from '../../../test/fakes/elevenlabs/server';
import { envKeySource } from '../keys/keySource';
import { deadUrl } from '../providers/providers.testkit';
import { testCore } from '../testing/core.testkit';
import { useTmpDir } from '../testing/tmp.testkit';
import { MAX_PREVIEW_BYTES, VOICE_LIST_TTL_MS, voicesHandlers } from './voicesHandlers';

const KEY = 'sk_voices_0123456789abcdef';
const RACHEL = '21m00Tcm4TlvDq8ikWAM';
const tmp = useTmpDir();
let fake: ElevenLabsFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(opts: { key?: string | null; voices?: FakeVoice[]; baseUrl?: string } = {}) {
  fake = await startElevenLabsFake({ apiKey: KEY, voices: opts.voices });
  const key = opts.key === undefined ? KEY : opts.key;
  const env = { SHOTLINE_ELEVENLABS_BASE_URL: opts.baseUrl ?? fake.url, ...(key ? { ELEVENLABS_API_KEY: key } : {}) };
  let clock = 1_000_000;
  const tmpDir = tmp();
  const h = voicesHandlers({ keys: envKeySource(env), env, userDataDir: tmp(), tmpDir, now: () => clock });
  return { h, tmpDir, tick: (ms: number) => (clock += ms), voiceLists: () => fake!.requests.filter((r) => r.path === '/v1/voices').length };
}

function decode(dataUrl: string): { mime: string; bytes: Buffer } {
  const m = /^data:([^;]+);base64,(.+)$/.exec(dataUrl);
  expect(m).not.toBeNull();
  return { mime: m![1]!, bytes: Buffer.from(m![2]!, 'base64') };
}

describe('voices.list', () => {
  it('lists the account’s voices with their samples, asks once a minute, and again on refresh', async () => {
    const { h, tick, voiceLists } = await setup();
    const voices = await h['voices.list']({});
    expect(voices.map((v) => [v.voiceId, v.name, v.category])).toEqual([
      [RACHEL, 'Rachel', 'premade'],
      ['JBFqnCBsd6RMkjVDRZzb', 'George', 'premade'],
      ['cl0nedVoice0000000001', 'Mara (clone)', 'cloned'],
    ]);
    expect(voices[0]).toMatchObject({ labels: { gender: 'female' }, previewUrl: `${fake!.url}/previews/${RACHEL}.mp3` });
    expect(fake!.requests.at(-1)!.headers['xi-api-key']).toBe(KEY);

    await h['voices.list']({});
    expect(voiceLists()).toBe(1);
    await h['voices.list']({ refresh: true });
    expect(voiceLists()).toBe(2);
    tick(VOICE_LIST_TTL_MS + 1);
    await h['voices.list']({});
    expect(voiceLists()).toBe(3);
  });

  it('without a key says to add it in Settings, and asks nothing', async () => {
    const { h } = await setup({ key: null });
    await expect(h['voices.list']({})).rejects.toThrow(/No ElevenLabs key is set\. Add the ElevenLabs key in Settings/);
    expect(fake!.requests).toHaveLength(0);
  });

  it('says the key was refused (401)', async () => {
    const { h } = await setup({ key: 'sk_wrong_0123456789abcdef' });
    await expect(h['voices.list']({})).rejects.toThrow(/ElevenLabs rejected the API key \(HTTP 401\).*Check the key in Settings/);
  });

  it('says when ElevenLabs cannot be reached', async () => {
    const { h } = await setup({ baseUrl: await deadUrl() });
    await expect(h['voices.list']({})).rejects.toThrow(/The ElevenLabs voices could not be listed: Could not reach ElevenLabs/);
  });
});

describe('voices.preview', () => {
  it('plays an ElevenLabs voice’s sample, fetched without the key and with no generation billed', async () => {
    const { h } = await setup();
    const { mime, bytes } = decode((await h['voices.preview']({ voice: `elevenlabs:${RACHEL}` })).dataUrl);
    expect(mime).toBe('audio/mpeg');
    expect(bytes.length).toBeGreaterThan(1_000);
    expect(bytes.length).toBeLessThan(MAX_PREVIEW_BYTES);
    const sample = fake!.requests.find((r) => r.path.startsWith('/previews/'))!;
    expect(sample.headers['xi-api-key']).toBeUndefined();
    expect(fake!.creates).toBe(0);
  });

  it('says when a voice has no sample, or is not in the account', async () => {
    const { h } = await setup({ voices: [{ voice_id: 'quietVoice01', name: 'Quiet', category: 'generated', labels: {}, preview: false }] });
    await expect(h['voices.preview']({ voice: 'elevenlabs:quietVoice01' })).rejects.toThrow(/Quiet has no preview sample/);
    await expect(h['voices.preview']({ voice: `elevenlabs:${RACHEL}` })).rejects.toThrow(/not in this account's voices/);
  });

  it('speaks the local voice into a WAV, the same for the same character and different for another', async () => {
    const { h } = await setup({ key: null });
    const text = 'This is the scratch voice for MARA.';
    const say = async (voice: string, itemId: string) => decode((await h['voices.preview']({ voice, text, itemId })).dataUrl);
    const mara = await say('local', 'item-mara');
    expect(mara.mime).toBe('audio/wav');
    const wav = readWav(mara.bytes)!;
    expect(wav).toMatchObject({ sampleRate: 48_000, channels: 1, bitsPerSample: 16 });
    expect(wav.durationS).toBeGreaterThan(1);
    expect((await say('local', 'item-mara')).bytes.equals(mara.bytes)).toBe(true);
    expect((await say('local:2', 'item-mara')).bytes.equals(mara.bytes)).toBe(false);
  });

  it('says how to get espeak-ng when the local voice cannot be made', async () => {
    const h = voicesHandlers({ keys: envKeySource({}), env: { SHOTLINE_ESPEAK: '/no/such/espeak-ng' }, userDataDir: tmp(), tmpDir: tmp() });
    await expect(h['voices.preview']({ voice: 'local' })).rejects.toThrow(/needs espeak-ng.*install espeak-ng/);
  });

  it('leaves no sample behind, and refuses what is not a voice', async () => {
    const { h, tmpDir } = await setup({ key: null });
    await h['voices.preview']({ voice: 'local', itemId: 'item-dee' });
    await expect(h['voices.preview']({ voice: 'robot' })).rejects.toThrow(/"robot" is not a voice/);
    expect(fs.readdirSync(tmpDir)).toEqual([]);
  });
});

it('uses the key saved in Settings for the session (one key source for jobs and voices)', async () => {
  fake = await startElevenLabsFake({ apiKey: KEY });
  const t = testCore(tmp());
  try {
    await t.call('settings.setKey', { provider: 'elevenlabs', values: { ELEVENLABS_API_KEY: KEY } });
    await t.call('settings.setBaseUrl', { provider: 'elevenlabs', baseUrl: fake.url });
    expect((await t.call('voices.list', {})).map((v) => v.name)).toContain('George');
  } finally {
    t.close();
  }
});
