// The Check button of every provider: one cheap authenticated call, read as works, key refused,
// no credit left, or no answer — each against that provider's fake.
import { afterEach, describe, expect, it } from 'vitest';
import { startKlingFake } from '../../../test/fakes/kling/server';
import { startLumaFake } from '../../../test/fakes/luma/server';
import { startMinimaxFake } from '../../../test/fakes/minimax/server';
import { startRunwayFake } from '../../../test/fakes/runway/server';
import { startVeoFake } from '../../../test/fakes/veo/server';
import { checkKeyWith } from './http';
import { deadUrl } from './providers.testkit';
import { KlingAdapter } from './kling/adapter';
import { LumaAdapter } from './luma/adapter';
import { MinimaxAdapter } from './minimax/adapter';
import { RunwayAdapter } from './runway/adapter';
import { ProviderError, type ProviderAdapter } from './types';
import { VeoAdapter } from './veo/adapter';

const closers: Array<() => unknown> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

type Make = (url: string, key: string) => ProviderAdapter;
const PROVIDERS: Array<{ name: string; start: (key: string) => Promise<{ url: string; close: () => unknown }>; make: Make }> = [
  { name: 'Runway', start: (apiKey) => startRunwayFake({ apiKey }), make: (baseUrl, k) => new RunwayAdapter({ baseUrl, keys: { RUNWAYML_API_SECRET: k } }) },
  {
    name: 'Kling',
    start: (accessKey) => startKlingFake({ accessKey, secretKey: 'secret-0123456789' }),
    make: (baseUrl, k) => new KlingAdapter({ baseUrl, keys: { KLING_ACCESS_KEY: k, KLING_SECRET_KEY: 'secret-0123456789' } }),
  },
  { name: 'Luma', start: (apiKey) => startLumaFake({ apiKey }), make: (baseUrl, k) => new LumaAdapter({ baseUrl, keys: { LUMAAI_API_KEY: k } }) },
  { name: 'Veo', start: (apiKey) => startVeoFake({ apiKey }), make: (baseUrl, k) => new VeoAdapter({ baseUrl, keys: { GEMINI_API_KEY: k } }) },
  { name: 'MiniMax', start: (apiKey) => startMinimaxFake({ apiKey }), make: (baseUrl, k) => new MinimaxAdapter({ baseUrl, keys: { MINIMAX_API_KEY: k } }) },
];

describe.each(PROVIDERS)('checking a $name key', ({ start, make }) => {
  it('says it works for the right key, refused for a wrong one, and no answer when nothing listens', async () => {
    const key = 'right-key-0123456789';
    const fake = await start(key);
    closers.push(fake.close);
    expect(await make(fake.url, key).checkKey()).toMatchObject({ ok: true, verdict: 'works', detail: expect.stringMatching(/^The (access )?key/) });
    const wrong = await make(fake.url, 'wrong-key-0123456789').checkKey();
    expect(wrong).toMatchObject({ ok: false, verdict: 'wrong' });
    expect(wrong.detail).not.toContain('wrong-key-0123456789');
    expect(await make(await deadUrl(), key).checkKey()).toMatchObject({ ok: false, verdict: 'unreachable' });
  });
});

describe('an account with nothing left', () => {
  it('is reported as no credit where the check call shows the balance (Runway, Luma)', async () => {
    const runway = await startRunwayFake({ apiKey: 'k-0123456789', creditBalance: 0 });
    const luma = await startLumaFake({ apiKey: 'k-0123456789', creditBalance: 0 });
    closers.push(runway.close, luma.close);
    expect(await new RunwayAdapter({ baseUrl: runway.url, keys: { RUNWAYML_API_SECRET: 'k-0123456789' } }).checkKey()).toMatchObject({
      ok: false,
      verdict: 'no_credit',
      detail: expect.stringContaining('no credits left'),
    });
    expect(await new LumaAdapter({ baseUrl: luma.url, keys: { LUMAAI_API_KEY: 'k-0123456789' } }).checkKey()).toMatchObject({ verdict: 'no_credit' });
  });

  it('is reported as no credit when the provider answers with its balance codes (Kling 1102, MiniMax 1008)', async () => {
    for (const code of ['1102', '1008']) {
      const check = await checkKeyWith(() => Promise.reject(new ProviderError('permanent', 'the resource pack is used up', { code })));
      expect(check).toMatchObject({ ok: false, verdict: 'no_credit' });
    }
    expect(await checkKeyWith(() => Promise.reject(new ProviderError('auth', 'bad key')))).toMatchObject({ verdict: 'wrong' });
  });
});
