// The ElevenLabs key through the contract: kept and shown like the video providers' keys, and
// checked by the audio adapter (ElevenLabs has no clip runner).
import { afterEach, expect, it } from 'vitest';
import { startElevenLabsFake, type ElevenLabsFake } from '../../../test/fakes/elevenlabs/server';
import { testCore } from '../testing/core.testkit';
import { useTmpDir } from '../testing/tmp.testkit';

const KEY = 'sk_settings_0123456789abcdef';
const tmp = useTmpDir();
let t: ReturnType<typeof testCore> | undefined;
let fake: ElevenLabsFake | undefined;
afterEach(async () => {
  t?.close();
  await fake?.close();
});

it('keeps an ElevenLabs key like the others and checks it against ElevenLabs', async () => {
  fake = await startElevenLabsFake({ apiKey: KEY, credits: 500 });
  t = testCore(tmp());
  if (!process.env.ELEVENLABS_API_KEY) {
    await expect(t.call('settings.checkKey', { provider: 'elevenlabs' })).rejects.toThrow(/No ElevenLabs key is set/);
  }
  await t.call('settings.setKey', { provider: 'elevenlabs', values: { ELEVENLABS_API_KEY: KEY } });
  await t.call('settings.setBaseUrl', { provider: 'elevenlabs', baseUrl: fake.url });
  const status = (await t.call('settings.keys', {})).find((s) => s.provider === 'elevenlabs');
  expect(status).toMatchObject({ name: 'ElevenLabs', envNames: ['ELEVENLABS_API_KEY'], set: true, last4: 'cdef', baseUrl: fake.url });
  expect(await t.call('settings.checkKey', { provider: 'elevenlabs' })).toMatchObject({
    ok: true,
    verdict: 'works',
    detail: expect.stringMatching(/500 of 500 credits/),
  });
  expect(fake.requests.at(-1)).toMatchObject({ path: '/v1/user/subscription', headers: { 'xi-api-key': KEY } });
});
