import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startVeoFake, type VeoFake } from '../../../../test/fakes/veo/server';
import { useTmpDir } from '../../testing/tmp.testkit';
import { expectMp4, expectRedacted, imageFile, makeRequest, providerError } from '../providers.testkit';
import type { PollResult } from '../types';
import { VeoAdapter } from './adapter';

const KEY = 'AIza-veo-secret-0123456789';
const VEO = 'veo:veo-3.1-generate-preview';
const tmp = useTmpDir();
let fake: VeoFake;
const others: VeoFake[] = [];
afterEach(async () => {
  await fake?.close();
  await Promise.all(others.splice(0).map((f) => f.close()));
});

async function setup() {
  fake = await startVeoFake({ apiKey: KEY });
  return { adapter: new VeoAdapter({ baseUrl: fake.url, keys: { GEMINI_API_KEY: KEY } }), dir: tmp() };
}

async function pollToEnd(adapter: VeoAdapter, remoteId: string, seen: PollResult[] = []): Promise<PollResult> {
  for (let i = 0; i < 10; i++) {
    const r = await adapter.poll(remoteId);
    seen.push(r);
    if (r.state !== 'queued' && r.state !== 'running') return r;
  }
  throw new Error('operation did not end');
}

const posts = () => fake.requests.filter((r) => r.method === 'POST');
type Body = { instances: Array<Record<string, unknown>>; parameters: Record<string, unknown> };

describe('Veo adapter against the fake', () => {
  it('text to video: operation, polling, a download that carries the key, a real MP4', async () => {
    const { adapter, dir } = await setup();
    const req = makeRequest(VEO, { durationS: 6 }, { negative: 'cartoon' });
    const { remoteId } = await adapter.submit(req);
    expect(remoteId).toMatch(/^models\/veo-3\.1-generate-preview\/operations\/\w+$/);
    const post = posts()[0]!;
    expect(post.path).toBe('/v1beta/models/veo-3.1-generate-preview:predictLongRunning');
    expect(post.headers['x-goog-api-key']).toBe(KEY);
    expect(post.body).toEqual({
      instances: [{ prompt: req.prompt.text }],
      parameters: { sampleCount: 1, durationSeconds: 6, aspectRatio: '16:9', resolution: '720p', negativePrompt: 'cartoon' },
    });
    const seen: PollResult[] = [];
    const end = await pollToEnd(adapter, remoteId, seen);
    expect(seen.map((s) => s.state)).toEqual(['running', 'running', 'succeeded']);
    if (end.state !== 'succeeded') throw new Error(end.state);
    await adapter.download(end.outputUrl, path.join(dir, 'v.mp4'));
    expectMp4(path.join(dir, 'v.mp4'));
    expect(fake.requests.at(-1)!.headers['x-goog-api-key']).toBe(KEY);
    expect((await fetch(end.outputUrl)).status).toBe(403);
  });

  it('start and end frames go inline as image and lastFrame; references as ASSET images', async () => {
    const { adapter, dir } = await setup();
    await adapter.submit(makeRequest(VEO, { startFrame: imageFile(dir, 'a.png'), endFrame: imageFile(dir, 'b.png') }));
    const inst = (posts()[0]!.body as Body).instances[0]!;
    expect(inst.image).toMatchObject({ mimeType: 'image/png', bytesBase64Encoded: expect.stringMatching(/^iVBOR/) });
    expect(inst.lastFrame).toMatchObject({ mimeType: 'image/png' });

    const refs = [imageFile(dir, 'r1.png'), imageFile(dir, 'r2.png')];
    await adapter.submit(makeRequest(VEO, { references: refs, durationS: 8 }));
    const withRefs = (posts()[1]!.body as Body).instances[0]!;
    expect((withRefs.referenceImages as Array<{ referenceType: string }>).map((r) => r.referenceType)).toEqual(['ASSET', 'ASSET']);
    expect(withRefs).not.toHaveProperty('image');
    expect(fake.creates).toBe(2);
  });

  it('auth: a wrong key (400 "API key not valid") is auth; no key fails before any request', async () => {
    const { adapter } = await setup();
    const wrong = new VeoAdapter({ baseUrl: fake.url, keys: { GEMINI_API_KEY: 'AIza-wrong' } });
    const err = await providerError(wrong.submit(makeRequest(VEO)));
    expect(err).toMatchObject({ kind: 'auth', details: { status: 400, code: 'INVALID_ARGUMENT' } });
    expect(err.message).toMatch(/API key not valid/);
    const keyless = new VeoAdapter({ baseUrl: fake.url, keys: {} });
    expect((await providerError(keyless.poll('models/m/operations/x'))).details.code).toBe('no_key');
    expect(await adapter.checkKey()).toMatchObject({ ok: true, verdict: 'works', detail: expect.stringMatching(/^The key works\./) });
    expect((await wrong.checkKey()).ok).toBe(false);
    expect(fake.requests.at(-2)).toMatchObject({ path: '/v1beta/models', query: { pageSize: '1' } });
  });

  it("validation: INVALID_ARGUMENT is permanent with Google's reason", async () => {
    const { adapter } = await setup();
    const err = await providerError(adapter.submit(makeRequest(VEO, { resolution: '1080p', durationS: 4 })));
    expect(err).toMatchObject({ kind: 'permanent', details: { status: 400, code: 'INVALID_ARGUMENT' } });
    expect(err.message).toMatch(/1080p supports durationSeconds 8 only/);
    expect(fake.creates).toBe(0);
  });

  it("429 RESOURCE_EXHAUSTED: the wait comes from Retry-After or from the body's retryDelay", async () => {
    const { adapter } = await setup();
    const exhausted = {
      error: {
        code: 429,
        message: 'Quota exceeded',
        status: 'RESOURCE_EXHAUSTED',
        details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '30s' }],
      },
    };
    fake.setScenario({
      create: [
        { kind: 'http', status: 429, retryAfter: '9' },
        { kind: 'http', status: 429, body: exhausted },
      ],
    });
    expect(await providerError(adapter.submit(makeRequest(VEO)))).toMatchObject({ kind: 'rate_limited', details: { retryAfterS: 9 } });
    expect(await providerError(adapter.submit(makeRequest(VEO)))).toMatchObject({
      kind: 'rate_limited',
      details: { retryAfterS: 30, code: 'RESOURCE_EXHAUSTED' },
    });
  });

  it('5xx after create and a timeout are transient, each sent once', async () => {
    const { adapter } = await setup();
    fake.setScenario({ create: [{ kind: 'after_create', status: 503 }, { kind: 'timeout' }] });
    expect(await providerError(adapter.submit(makeRequest(VEO)))).toMatchObject({ kind: 'transient', details: { status: 503 } });
    expect(fake.creates).toBe(1);
    const impatient = new VeoAdapter({ baseUrl: fake.url, keys: { GEMINI_API_KEY: KEY }, timeoutMs: 300 });
    expect(await providerError(impatient.submit(makeRequest(VEO)))).toMatchObject({ kind: 'transient', details: { code: 'timeout' } });
    expect(posts()).toHaveLength(2);
  });

  it('RAI filtered: done with no samples is a permanent content refusal with the reasons', async () => {
    const { adapter } = await setup();
    fake.setScenario({ outcome: { rai: ['The prompt contains words that violate usage guidelines.'] } });
    const end = await pollToEnd(adapter, (await adapter.submit(makeRequest(VEO))).remoteId);
    expect(end).toMatchObject({
      state: 'failed',
      code: 'RAI_FILTERED',
      retryable: false,
      reason: expect.stringMatching(/^Refused by the provider's content filter: The prompt contains words that violate usage guidelines/),
    });
  });

  it('an operation error is a failure, retryable only for server-side codes', async () => {
    const { adapter } = await setup();
    fake.setScenario({ outcome: { error: { code: 13, message: 'Internal error' } } });
    expect(await pollToEnd(adapter, (await adapter.submit(makeRequest(VEO))).remoteId)).toMatchObject({ state: 'failed', code: '13', retryable: true });
    fake.setScenario({ outcome: { error: { code: 3, message: 'Unsupported image' } } });
    expect(await pollToEnd(adapter, (await adapter.submit(makeRequest(VEO))).remoteId)).toMatchObject({ state: 'failed', retryable: false });
  });

  it('an operation that never finishes stays running; a poll 503 is transient', async () => {
    const { adapter } = await setup();
    fake.setScenario({ outcome: 'never' });
    const { remoteId } = await adapter.submit(makeRequest(VEO));
    for (let i = 0; i < 6; i++) expect((await adapter.poll(remoteId)).state).toBe('running');
    fake.setScenario({ poll: [{ kind: 'http', status: 503 }] });
    expect((await providerError(adapter.poll(remoteId))).kind).toBe('transient');
  });

  it('past the retention time the file is gone: permanent output_gone', async () => {
    const { adapter, dir } = await setup();
    const end = await pollToEnd(adapter, (await adapter.submit(makeRequest(VEO))).remoteId);
    if (end.state !== 'succeeded') throw new Error(end.state);
    fake.clock.advance(3 * 24 * 3600_000);
    expect(await providerError(adapter.download(end.outputUrl, path.join(dir, 'v.mp4')))).toMatchObject({
      kind: 'permanent',
      details: { code: 'output_gone' },
    });
  });

  it('the key is never sent to another origin', async () => {
    const { adapter, dir } = await setup();
    const elsewhere = await startVeoFake({ apiKey: KEY });
    others.push(elsewhere);
    const err = await providerError(adapter.download(`${elsewhere.url}/v1beta/files/x:download?alt=media`, path.join(dir, 'x.mp4')));
    expect(err.kind).toBe('auth');
    expect(elsewhere.requests[0]!.headers).not.toHaveProperty('x-goog-api-key');
  });

  it('nothing returned as raw holds the key or image data', async () => {
    const { adapter, dir } = await setup();
    const sub = await adapter.submit(makeRequest(VEO, { startFrame: imageFile(dir, 's.png') }));
    const raws: unknown[] = [sub.raw];
    for (let i = 0; i < 3; i++) raws.push((await adapter.poll(sub.remoteId)).raw);
    raws.push((await providerError(adapter.submit(makeRequest(VEO, { resolution: '1080p', durationS: 4 })))).details.raw);
    expectRedacted(raws, [KEY]);
  });
});
