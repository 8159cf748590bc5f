import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startLumaFake, type LumaFake } from '../../../../test/fakes/luma/server';
import { useTmpDir } from '../../testing/tmp.testkit';
import { expectMp4, expectRedacted, imageFile, makeRequest, providerError } from '../providers.testkit';
import type { PollResult } from '../types';
import { LumaAdapter } from './adapter';

const KEY = 'luma-secret-0123456789';
const tmp = useTmpDir();
let fake: LumaFake;
afterEach(() => fake?.close());

async function setup(apiKey = KEY) {
  fake = await startLumaFake({ apiKey });
  return { adapter: new LumaAdapter({ baseUrl: fake.url, keys: { LUMAAI_API_KEY: KEY } }), dir: tmp() };
}

async function pollToEnd(adapter: LumaAdapter, remoteId: string, seen: PollResult[] = []): Promise<PollResult> {
  for (let i = 0; i < 10; i++) {
    const r = await adapter.poll(remoteId);
    seen.push(r);
    if (r.state !== 'queued' && r.state !== 'running') return r;
  }
  throw new Error('generation did not end');
}

const posts = () => fake.requests.filter((r) => r.method === 'POST');

describe('Luma adapter against the fake', () => {
  it("text to video: body in Luma's spelling, states, a real MP4", async () => {
    const { adapter, dir } = await setup();
    const req = makeRequest('luma:ray-2', { durationS: 9, aspectRatio: '21:9', resolution: '1080p' });
    const { remoteId } = await adapter.submit(req);
    expect(posts()[0]).toMatchObject({
      path: '/generations/video',
      headers: { authorization: `Bearer ${KEY}` },
      body: { model: 'ray-2', prompt: req.prompt.text, aspect_ratio: '21:9', resolution: '1080p', duration: '9s' },
    });
    expect(posts()[0]!.body).not.toHaveProperty('keyframes');
    const seen: PollResult[] = [];
    const end = await pollToEnd(adapter, remoteId, seen);
    expect(seen.map((s) => s.state)).toEqual(['running', 'running', 'succeeded']);
    if (end.state !== 'succeeded') throw new Error(end.state);
    await adapter.download(end.outputUrl, path.join(dir, 'l.mp4'));
    expectMp4(path.join(dir, 'l.mp4'));
  });

  it('keyframes go as frame0/frame1 image URLs when the images have public URLs', async () => {
    const { adapter, dir } = await setup();
    const start = imageFile(dir, 'a.png', { url: 'https://cdn.example.com/a.png' });
    const end = imageFile(dir, 'b.png', { url: 'https://cdn.example.com/b.png' });
    await adapter.submit(makeRequest('luma:ray-flash-2', { startFrame: start, endFrame: end }));
    expect((posts()[0]!.body as { keyframes: unknown }).keyframes).toEqual({
      frame0: { type: 'image', url: 'https://cdn.example.com/a.png' },
      frame1: { type: 'image', url: 'https://cdn.example.com/b.png' },
    });
  });

  it('a keyframe without a public URL fails before any request, saying Luma needs a hosted image', async () => {
    const { adapter, dir } = await setup();
    const err = await providerError(adapter.submit(makeRequest('luma:ray-2', { startFrame: imageFile(dir, 'a.png') })));
    expect(err).toMatchObject({ kind: 'permanent', details: { code: 'needs_hosted_image' } });
    expect(err.message).toMatch(/Luma takes keyframes only as public https image URLs/);
    expect(fake.requests).toHaveLength(0);
  });

  it("auth: a wrong key is auth with Luma's detail", async () => {
    const { adapter } = await setup('other-key');
    const err = await providerError(adapter.submit(makeRequest('luma:ray-2')));
    expect(err).toMatchObject({ kind: 'auth', details: { status: 401 } });
    expect(err.message).toMatch(/Invalid API key is provided/);
  });

  it("validation: 400 and 422 are permanent with Luma's reason", async () => {
    const { adapter } = await setup();
    const bad = makeRequest('luma:ray-2', { resolution: '540p' });
    const wrongEnum = await providerError(adapter.submit({ ...bad, aspectRatio: '2:1' as never }));
    expect(wrongEnum).toMatchObject({ kind: 'permanent', details: { status: 400 } });
    expect(wrongEnum.message).toMatch(/Invalid aspect_ratio "2:1"/);
    fake.setScenario({
      create: [{ kind: 'http', status: 422, body: { detail: [{ loc: ['body', 'duration'], msg: 'str type expected', type: 'type_error.str' }] } }],
    });
    expect((await providerError(adapter.submit(bad))).message).toMatch(/refused the request \(HTTP 422\): str type expected/);
    expect(fake.creates).toBe(0);
  });

  it('429 with Retry-After is rate_limited; 5xx after create is transient with one create; a timeout too', async () => {
    const { adapter } = await setup();
    fake.setScenario({ create: [{ kind: 'http', status: 429, retryAfter: '12' }, { kind: 'after_create', status: 500 }, { kind: 'timeout' }] });
    expect(await providerError(adapter.submit(makeRequest('luma:ray-2')))).toMatchObject({ kind: 'rate_limited', details: { retryAfterS: 12 } });
    expect(await providerError(adapter.submit(makeRequest('luma:ray-2')))).toMatchObject({ kind: 'transient', details: { status: 500 } });
    expect(fake.creates).toBe(1);
    const impatient = new LumaAdapter({ baseUrl: fake.url, keys: { LUMAAI_API_KEY: KEY }, timeoutMs: 300 });
    expect(await providerError(impatient.submit(makeRequest('luma:ray-2')))).toMatchObject({ kind: 'transient', details: { code: 'timeout' } });
    expect(posts()).toHaveLength(3);
  });

  it('moderation in failure_reason is a permanent refusal in plain words', async () => {
    const { adapter } = await setup();
    fake.setScenario({ outcome: { failed: 'Prompt failed moderation' } });
    const end = await pollToEnd(adapter, (await adapter.submit(makeRequest('luma:ray-2'))).remoteId);
    expect(end).toMatchObject({
      state: 'failed',
      retryable: false,
      reason: expect.stringMatching(/^Refused by the provider's content filter: Prompt failed moderation/),
    });
  });

  it('a generation that never finishes stays running', async () => {
    const { adapter } = await setup();
    fake.setScenario({ outcome: 'never' });
    const { remoteId } = await adapter.submit(makeRequest('luma:ray-2'));
    for (let i = 0; i < 6; i++) expect((await adapter.poll(remoteId)).state).toBe('running');
  });

  it('expired output URL: url_expired, then a re-poll gives a working one', async () => {
    const { adapter, dir } = await setup();
    const { remoteId } = await adapter.submit(makeRequest('luma:ray-2'));
    const end = await pollToEnd(adapter, remoteId);
    if (end.state !== 'succeeded') throw new Error(end.state);
    fake.clock.advance(2 * 24 * 3600_000);
    const dest = path.join(dir, 'l.mp4');
    expect((await providerError(adapter.download(end.outputUrl, dest))).details.code).toBe('url_expired');
    const fresh = await adapter.poll(remoteId);
    if (fresh.state !== 'succeeded') throw new Error(fresh.state);
    await adapter.download(fresh.outputUrl, dest);
    expectMp4(dest);
  });

  it('cancel deletes the generation; a later poll says canceled', async () => {
    const { adapter } = await setup();
    const { remoteId } = await adapter.submit(makeRequest('luma:ray-2'));
    await adapter.cancel(remoteId);
    expect(fake.requests.at(-1)).toMatchObject({ method: 'DELETE', path: `/generations/${remoteId}` });
    expect((await adapter.poll(remoteId)).state).toBe('canceled');
  });

  it('checkKey reads the credits', async () => {
    const { adapter } = await setup();
    expect(await adapter.checkKey()).toEqual({ ok: true, verdict: 'works', detail: 'The key works. Credit balance: $150.00.' });
    const wrong = new LumaAdapter({ baseUrl: fake.url, keys: { LUMAAI_API_KEY: 'wrong-key' } });
    expect((await wrong.checkKey()).ok).toBe(false);
  });

  it('nothing returned as raw holds the key', async () => {
    const { adapter } = await setup();
    const sub = await adapter.submit(makeRequest('luma:ray-2'));
    const raws: unknown[] = [sub.raw];
    for (let i = 0; i < 3; i++) raws.push((await adapter.poll(sub.remoteId)).raw);
    expectRedacted(raws, [KEY]);
  });
});
