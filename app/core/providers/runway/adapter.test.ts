import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock, pngSize } from '../../../../test/fakes/common';
import { startRunwayFake, type RunwayFake, type RunwayFakeOptions } from '../../../../test/fakes/runway/server';
import { useTmpDir } from '../../testing/tmp.testkit';
import { expectMp4, expectRedacted, imageFile, makeRequest, providerError } from '../providers.testkit';
import type { PollResult } from '../types';
import { RunwayAdapter } from './adapter';

const KEY = 'rw-secret-0123456789';
const tmp = useTmpDir();
let fake: RunwayFake;
afterEach(() => fake?.close());

async function setup(opts: RunwayFakeOptions = {}, timeoutMs?: number) {
  fake = await startRunwayFake({ apiKey: KEY, ...opts });
  const adapter = new RunwayAdapter({ baseUrl: fake.url, keys: { RUNWAYML_API_SECRET: KEY }, timeoutMs });
  return { adapter, dir: tmp() };
}

/** Polls until a state other than queued/running (each poll moves the fake one state). */
async function pollToEnd(adapter: RunwayAdapter, remoteId: string, seen: PollResult[] = []): Promise<PollResult> {
  for (let i = 0; i < 10; i++) {
    const r = await adapter.poll(remoteId);
    seen.push(r);
    if (r.state !== 'queued' && r.state !== 'running') return r;
  }
  throw new Error('task did not end');
}

const creates = () => fake.requests.filter((r) => r.method === 'POST');

describe('Runway adapter against the fake', () => {
  it('image_to_video: start frame as a data URI, headers, states, a real MP4 downloaded', async () => {
    const { adapter, dir } = await setup();
    const req = makeRequest('runway:gen4_turbo', { startFrame: imageFile(dir, 'start.png'), durationS: 5 });
    const { remoteId } = await adapter.submit(req);
    const seen: PollResult[] = [];
    const end = await pollToEnd(adapter, remoteId, seen);
    expect(seen.map((s) => s.state)).toEqual(['running', 'running', 'succeeded']);
    expect(seen[1]).toMatchObject({ progress: 0.5 });
    if (end.state !== 'succeeded') throw new Error(end.state);
    const dest = path.join(dir, 'out.mp4');
    await adapter.download(end.outputUrl, dest);
    expectMp4(dest);

    const post = creates()[0]!;
    expect(post.path).toBe('/v1/image_to_video');
    expect(post.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(post.headers['x-runway-version']).toBe('2024-11-06');
    expect(post.body).toMatchObject({ model: 'gen4_turbo', ratio: '1280:720', duration: 5, seed: 42, promptText: req.prompt.text });
    expect((post.body as { promptImage: string }).promptImage).toMatch(/^data:image\/png;base64,/);
    expect(fake.creates).toBe(1);
  });

  it('text_to_video for gen4.5 without an image', async () => {
    const { adapter } = await setup();
    const { remoteId } = await adapter.submit(makeRequest('runway:gen4.5', { aspectRatio: '9:16', seed: null }));
    expect((await pollToEnd(adapter, remoteId)).state).toBe('succeeded');
    expect(creates()[0]).toMatchObject({ path: '/v1/text_to_video', body: { model: 'gen4.5', ratio: '720:1280', duration: 2 } });
    expect(creates()[0]!.body).not.toHaveProperty('seed');
  });

  it('veo3.1: first and last frame as positioned images, negative prompt and audio', async () => {
    const { adapter, dir } = await setup();
    const req = makeRequest(
      'runway:veo3.1',
      { startFrame: imageFile(dir, 'a.png'), endFrame: imageFile(dir, 'b.png'), durationS: 6 },
      { negative: 'text overlays' },
    );
    await adapter.submit(req);
    const body = creates()[0]!.body as { promptImage: Array<{ position: string }> };
    expect(body.promptImage.map((p) => p.position)).toEqual(['first', 'last']);
    expect(body).toMatchObject({ negativePrompt: 'text overlays', audio: true, ratio: '1280:720', duration: 6 });
  });

  it('references: gen4_image makes the start frame (step_done), then submitNext creates the video from it', async () => {
    const { adapter, dir } = await setup();
    const refs = [imageFile(dir, 'mara.png', { tag: 'mara' }), imageFile(dir, 'bar.png', { tag: 'bar_room' })];
    const req = makeRequest('runway:gen4_turbo', { references: refs, durationS: 5 }, { subject: '@mara at the counter of @bar_room' });
    const first = await adapter.submit(req);
    expect(first.remoteId).toMatch(/^frame:/);
    const frame = creates()[0]!;
    expect(frame.path).toBe('/v1/text_to_image');
    expect(frame.body).toMatchObject({ model: 'gen4_image', ratio: '1280:720', promptText: req.prompt.text });
    expect((frame.body as { referenceImages: Array<{ tag: string }> }).referenceImages.map((r) => r.tag)).toEqual(['mara', 'bar_room']);

    const step = await pollToEnd(adapter, first.remoteId);
    expect(step.state).toBe('step_done');
    const second = await adapter.submitNext(first.remoteId, req);
    expect(second.remoteId).not.toMatch(/^frame:/);
    const video = creates()[1]!;
    expect(video.path).toBe('/v1/image_to_video');
    expect((video.body as { promptImage: string }).promptImage).toMatch(new RegExp(`^${fake.url}/files/.+\\.png\\?exp=`));
    const end = await pollToEnd(adapter, second.remoteId);
    if (end.state !== 'succeeded') throw new Error(end.state);
    await adapter.download(end.outputUrl, path.join(dir, 'v.mp4'));
    expectMp4(path.join(dir, 'v.mp4'));
    expect(fake.creates).toBe(2);
  });

  it('gen4_turbo without a start frame or references makes its frame from the prompt alone', async () => {
    const { adapter } = await setup();
    const { remoteId } = await adapter.submit(makeRequest('runway:gen4_turbo'));
    expect(remoteId).toMatch(/^frame:/);
    expect(creates()[0]!.body).not.toHaveProperty('referenceImages');
  });

  it('submitNext refuses a frame that is not ready, without creating anything', async () => {
    const { adapter } = await setup();
    const { remoteId } = await adapter.submit(makeRequest('runway:gen4_turbo'));
    expect((await providerError(adapter.submitNext(remoteId, makeRequest('runway:gen4_turbo')))).details.code).toBe('frame_not_ready');
    expect(fake.creates).toBe(1);
  });

  it('an end frame on gen4_turbo is refused before any request (the catalog says start frame only)', async () => {
    const { adapter, dir } = await setup();
    const req = makeRequest('runway:gen4_turbo', { startFrame: imageFile(dir, 'a.png'), endFrame: imageFile(dir, 'b.png') });
    const err = await providerError(adapter.submit(req));
    expect(err).toMatchObject({ kind: 'permanent', details: { code: 'end_frame_unsupported' } });
    expect(fake.requests).toHaveLength(0);
  });

  it('auth: a wrong key is auth; a missing key fails before any request', async () => {
    const { adapter } = await setup({ apiKey: 'another-key' });
    expect((await providerError(adapter.submit(makeRequest('runway:gen4.5')))).kind).toBe('auth');
    const keyless = new RunwayAdapter({ baseUrl: fake.url, keys: {} });
    expect(await providerError(keyless.poll('x'))).toMatchObject({ kind: 'auth', details: { code: 'no_key' } });
    expect(fake.requests).toHaveLength(1);
  });

  it('the fake refuses a request without X-Runway-Version', async () => {
    await setup();
    const res = await fetch(`${fake.url}/v1/organization`, { headers: { Authorization: `Bearer ${KEY}` } });
    expect(res.status).toBe(400);
  });

  it("validation: a 400 is permanent and carries Runway's own reason", async () => {
    const { adapter, dir } = await setup();
    const req = makeRequest('runway:gen4_turbo', { references: [imageFile(dir, 'r.png', { tag: '9lives' })] });
    const err = await providerError(adapter.submit(req));
    expect(err.kind).toBe('permanent');
    expect(err.details.status).toBe(400);
    expect(err.message).toMatch(/Invalid tag "9lives": 3-16 characters/);
    expect(fake.creates).toBe(0);
  });

  it('a data URI over the 5 MB limit is refused locally with the sizes', async () => {
    const { adapter, dir } = await setup();
    const req = makeRequest('runway:gen4_turbo', { startFrame: imageFile(dir, 'big.png', {}, 4_000_000) });
    expect(await providerError(adapter.submit(req))).toMatchObject({ kind: 'permanent', details: { code: 'image_too_large' } });
  });

  it('429 at create: rate_limited with Retry-After (seconds, or retry-after-ms first)', async () => {
    const { adapter } = await setup();
    fake.setScenario({
      create: [
        { kind: 'http', status: 429, retryAfter: '7' },
        { kind: 'http', status: 429, retryAfter: '7', retryAfterMs: 1500 },
      ],
    });
    expect(await providerError(adapter.submit(makeRequest('runway:gen4.5')))).toMatchObject({ kind: 'rate_limited', details: { retryAfterS: 7 } });
    expect(await providerError(adapter.submit(makeRequest('runway:gen4.5')))).toMatchObject({ kind: 'rate_limited', details: { retryAfterS: 1.5 } });
    expect(fake.creates).toBe(0);
  });

  it('the daily generation limit is a 429 at create', async () => {
    const { adapter } = await setup({ maxDaily: 1 });
    await adapter.submit(makeRequest('runway:gen4.5'));
    const err = await providerError(adapter.submit(makeRequest('runway:gen4.5')));
    expect(err.kind).toBe('rate_limited');
    expect(err.message).toMatch(/daily generation limit/);
  });

  it('5xx after the task was created: transient, and the adapter did not retry (one create)', async () => {
    const { adapter } = await setup();
    fake.setScenario({ create: [{ kind: 'after_create', status: 502 }] });
    const err = await providerError(adapter.submit(makeRequest('runway:gen4.5')));
    expect(err).toMatchObject({ kind: 'transient', details: { status: 502 } });
    expect(creates()).toHaveLength(1);
    expect(fake.creates).toBe(1);
  });

  it('a create that never answers times out as transient, sent once', async () => {
    const { adapter } = await setup({}, 300);
    fake.setScenario({ create: [{ kind: 'timeout' }] });
    expect(await providerError(adapter.submit(makeRequest('runway:gen4.5')))).toMatchObject({ kind: 'transient', details: { code: 'timeout' } });
    expect(creates()).toHaveLength(1);
  });

  it("the engine's own abort comes back as that abort, not as a provider error", async () => {
    const { adapter } = await setup();
    const { remoteId } = await adapter.submit(makeRequest('runway:gen4.5'));
    fake.setScenario({ poll: [{ kind: 'timeout' }] });
    const ctrl = new AbortController();
    const pending = adapter.poll(remoteId, ctrl.signal);
    ctrl.abort(new Error('job canceled'));
    await expect(pending).rejects.toThrow('job canceled');
  });

  it('5xx and 429 while polling are transient and rate_limited', async () => {
    const { adapter } = await setup();
    const { remoteId } = await adapter.submit(makeRequest('runway:gen4.5'));
    fake.setScenario({
      poll: [
        { kind: 'http', status: 503 },
        { kind: 'http', status: 429, retryAfter: '3' },
      ],
    });
    expect((await providerError(adapter.poll(remoteId))).kind).toBe('transient');
    expect(await providerError(adapter.poll(remoteId))).toMatchObject({ kind: 'rate_limited', details: { retryAfterS: 3 } });
    expect((await adapter.poll(remoteId)).state).toBe('running');
  });

  it('moderation (SAFETY.*) is a permanent failure in plain words; INTERNAL is retryable', async () => {
    const { adapter } = await setup();
    fake.setScenario({ outcome: { failureCode: 'SAFETY.INPUT.TEXT', failure: 'The prompt was flagged' } });
    const safety = await pollToEnd(adapter, (await adapter.submit(makeRequest('runway:gen4.5'))).remoteId);
    expect(safety).toMatchObject({ state: 'failed', code: 'SAFETY.INPUT.TEXT', retryable: false });
    expect(safety.state === 'failed' && safety.reason).toMatch(/^Refused by the provider's content filter: The prompt was flagged/);

    fake.setScenario({ outcome: { failureCode: 'INTERNAL.BAD_OUTPUT.CODE01', failure: 'Bad output' } });
    const internal = await pollToEnd(adapter, (await adapter.submit(makeRequest('runway:gen4.5'))).remoteId);
    expect(internal).toMatchObject({ state: 'failed', retryable: true });
  });

  it('a task that never finishes stays running', async () => {
    const { adapter } = await setup();
    fake.setScenario({ outcome: 'never' });
    const { remoteId } = await adapter.submit(makeRequest('runway:gen4.5'));
    for (let i = 0; i < 8; i++) expect((await adapter.poll(remoteId)).state).toBe('running');
  });

  it('over the concurrency cap a task is THROTTLED, reported as queued', async () => {
    const { adapter } = await setup({ maxConcurrent: 1 });
    const a = await adapter.submit(makeRequest('runway:gen4.5'));
    const b = await adapter.submit(makeRequest('runway:gen4.5'));
    expect((await adapter.poll(a.remoteId)).state).toBe('running');
    expect((await adapter.poll(b.remoteId)).state).toBe('queued');
    expect(fake.tasks().map((t) => t.status)).toEqual(['RUNNING', 'THROTTLED']);
  });

  it('expired output URL: download says url_expired, a re-poll gives a fresh URL that works', async () => {
    const { adapter, dir } = await setup();
    const { remoteId } = await adapter.submit(makeRequest('runway:gen4.5'));
    const end = await pollToEnd(adapter, remoteId);
    if (end.state !== 'succeeded') throw new Error(end.state);
    fake.clock.advance(49 * 3600_000);
    const dest = path.join(dir, 'late.mp4');
    const err = await providerError(adapter.download(end.outputUrl, dest));
    expect(err).toMatchObject({ kind: 'transient', details: { code: 'url_expired', status: 403 } });
    const fresh = await adapter.poll(remoteId);
    if (fresh.state !== 'succeeded') throw new Error(fresh.state);
    expect(fresh.outputUrl).not.toBe(end.outputUrl);
    await adapter.download(fresh.outputUrl, dest);
    expectMp4(dest);
  });

  it.each([[404], ['CANCELLED']] as const)('cancel: DELETE, then GET answers %s: canceled', async (afterCancel) => {
    const { adapter } = await setup({ afterCancel });
    const { remoteId } = await adapter.submit(makeRequest('runway:gen4.5'));
    await adapter.cancel(remoteId);
    expect(fake.requests.at(-1)).toMatchObject({ method: 'DELETE', path: `/v1/tasks/${remoteId}` });
    expect((await adapter.poll(remoteId)).state).toBe('canceled');
  });

  it('checkKey reads the organization', async () => {
    const { adapter } = await setup();
    expect(await adapter.checkKey()).toEqual({ ok: true, verdict: 'works', detail: 'The key works. Credit balance: 12345 credits.' });
    const wrong = new RunwayAdapter({ baseUrl: fake.url, keys: { RUNWAYML_API_SECRET: 'nope-nope' } });
    expect(await wrong.checkKey()).toMatchObject({ ok: false, verdict: 'wrong', detail: expect.stringMatching(/rejected the API key \(HTTP 401\)/) });
  });

  it('nothing returned as raw holds the key or image data', async () => {
    const { adapter, dir } = await setup();
    const raws: unknown[] = [];
    const sub = await adapter.submit(makeRequest('runway:gen4_turbo', { startFrame: imageFile(dir, 's.png') }));
    raws.push(sub.raw);
    for (let i = 0; i < 3; i++) raws.push((await adapter.poll(sub.remoteId)).raw);
    const err = await providerError(adapter.submit(makeRequest('runway:gen4_turbo', { references: [imageFile(dir, 'r.png', { tag: '_x' })] })));
    raws.push(err.details.raw);
    expectRedacted(raws, [KEY]);
  });
});

describe('storyboard frames on Runway image models', () => {
  it('gen4_image: one text_to_image task with a plain id, polled to succeeded with a PNG and the credits charged', async () => {
    const { adapter, dir } = await setup();
    const req = makeRequest('runway:gen4_image', { references: [imageFile(dir, 'mara.png', { tag: 'mara' })] }, { subject: '@mara at the bar' });
    const { remoteId } = await adapter.submit(req);
    expect(remoteId).not.toMatch(/^frame:/);
    const post = creates()[0]!;
    expect(post.path).toBe('/v1/text_to_image');
    expect(post.body).toEqual({
      model: 'gen4_image',
      promptText: req.prompt.text,
      ratio: '1280:720',
      referenceImages: [{ uri: expect.stringMatching(/^data:image\/png;base64,iVBOR/), tag: 'mara' }],
      seed: 42,
    });
    const seen: PollResult[] = [];
    const end = await pollToEnd(adapter, remoteId, seen);
    expect(seen.map((s) => s.state)).toEqual(['running', 'running', 'succeeded']);
    expect(end).toMatchObject({ state: 'succeeded', costUsd: 0.05 });
    if (end.state !== 'succeeded') throw new Error(end.state);
    const dest = path.join(dir, 'frame.png');
    await adapter.download(end.outputUrl, dest);
    expect(pngSize(fs.readFileSync(dest))).toEqual({ width: 640, height: 360 });
    expect(fake.creates).toBe(1);
  });

  it("sends the tier's wire ratio: 1080p at 21:9 is 1808:768 (8 credits); a resolution the model lacks uses its default", async () => {
    const { adapter } = await setup();
    const big = await adapter.submit(makeRequest('runway:gen4_image', { resolution: '1080p', aspectRatio: '21:9', seed: null }));
    expect(creates()[0]!.body).toEqual({ model: 'gen4_image', promptText: expect.any(String), ratio: '1808:768' });
    expect(await pollToEnd(adapter, big.remoteId)).toMatchObject({ state: 'succeeded', costUsd: 0.08 });
    await adapter.submit(makeRequest('runway:gen4_image', { resolution: '4k', aspectRatio: '3:4' }));
    expect(creates()[1]!.body).toMatchObject({ ratio: '720:960' });
  });

  it('gen4_image_turbo: 2 credits a frame; without a reference it is refused before any request, as the API refuses it', async () => {
    const { adapter, dir } = await setup();
    const req = makeRequest('runway:gen4_image_turbo', { resolution: '1080p', references: [imageFile(dir, 'a.png', { tag: 'alley' })] });
    const { remoteId } = await adapter.submit(req);
    expect(creates()[0]!.body).toMatchObject({ model: 'gen4_image_turbo', ratio: '1920:1080', referenceImages: [{ tag: 'alley' }] });
    expect(await pollToEnd(adapter, remoteId)).toMatchObject({ state: 'succeeded', costUsd: 0.02 });

    const err = await providerError(adapter.submit(makeRequest('runway:gen4_image_turbo')));
    expect(err).toMatchObject({ kind: 'permanent', details: { code: 'needs_reference' } });
    expect(err.message).toMatch(/^Runway Gen-4 Image Turbo makes frames from reference images only; this shot has none\. Add a reference/);
    expect(fake.creates).toBe(1);
    const direct = await fetch(`${fake.url}/v1/text_to_image`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${KEY}`, 'X-Runway-Version': '2024-11-06', 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: 'gen4_image_turbo', promptText: 'x', ratio: '1280:720' }),
    });
    expect(direct.status).toBe(400);
    expect(await direct.json()).toEqual({ error: 'gen4_image_turbo requires 1 to 3 referenceImages.' });
  });

  it('more references than the model takes are refused locally', async () => {
    const { adapter, dir } = await setup();
    const refs = ['a', 'b', 'c', 'd'].map((n) => imageFile(dir, `${n}.png`, { tag: `ref_${n}` }));
    expect((await providerError(adapter.submit(makeRequest('runway:gen4_image', { references: refs })))).details.code).toBe('too_many_refs');
    expect(fake.requests).toHaveLength(0);
  });
});

describe('Runway fake on the clock (the engine benchmark mode)', () => {
  it('runs cap tasks at a time for generationMs each, starting the next when a slot frees', async () => {
    let t = 1_000_000;
    fake = await startRunwayFake({ apiKey: KEY, generationMs: 2000, maxConcurrent: 2, clock: new FakeClock(() => t) });
    const adapter = new RunwayAdapter({ baseUrl: fake.url, keys: { RUNWAYML_API_SECRET: KEY } });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await adapter.submit(makeRequest('runway:gen4.5'))).remoteId);
    const states = async () => Promise.all(ids.map(async (id) => (await adapter.poll(id)).state));
    expect(await states()).toEqual(['running', 'running', 'queued']);
    t += 2000;
    expect(await states()).toEqual(['succeeded', 'succeeded', 'running']);
    t += 1999;
    expect(await states()).toEqual(['succeeded', 'succeeded', 'running']);
    t += 1;
    expect(await states()).toEqual(['succeeded', 'succeeded', 'succeeded']);
  });
});
