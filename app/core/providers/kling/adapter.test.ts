import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../../test/fakes/common';
import { klingFault, startKlingFake, type KlingFake, type KlingFakeOptions } from '../../../../test/fakes/kling/server';
import { useTmpDir } from '../../testing/tmp.testkit';
import { expectMp4, expectRedacted, imageFile, makeRequest, providerError } from '../providers.testkit';
import type { AdapterConfig, PollResult } from '../types';
import { getModel } from '../../../../shared/catalog';
import { judgeAudio } from '../../media/qc';
import { KlingAdapter } from './adapter';

const AK = 'ak-0123456789abcdef';
const SK = 'sk-fedcba9876543210';
/** One clock for both sides, starting at a fixed time: JWT times never depend on when the test runs. */
const T0 = Date.UTC(2026, 5, 1, 12);
const tmp = useTmpDir();
let now = T0;
let fake: KlingFake;
afterEach(() => fake?.close());

async function setup(opts: KlingFakeOptions = {}, cfg: Partial<AdapterConfig> = {}) {
  now = T0;
  fake = await startKlingFake({ accessKey: AK, secretKey: SK, clock: new FakeClock(() => now), ...opts });
  const adapter = new KlingAdapter({ baseUrl: fake.url, keys: { KLING_ACCESS_KEY: AK, KLING_SECRET_KEY: SK }, now: () => now, ...cfg });
  return { adapter, dir: tmp() };
}

async function pollToEnd(adapter: KlingAdapter, remoteId: string, seen: PollResult[] = []): Promise<PollResult> {
  for (let i = 0; i < 10; i++) {
    const r = await adapter.poll(remoteId);
    seen.push(r);
    if (r.state !== 'queued' && r.state !== 'running') return r;
  }
  throw new Error('task did not end');
}

const posts = () => fake.requests.filter((r) => r.method === 'POST');
const claims = (auth: string) => JSON.parse(Buffer.from(auth.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;

describe('Kling adapter against the fake', () => {
  it('text2video: JWT, string duration, negative prompt, external id, states, cost, a real MP4', async () => {
    const { adapter, dir } = await setup();
    const req = makeRequest('kling:kling-v2-5-turbo', { durationS: 10 }, { negative: 'blurry, text' });
    const { remoteId } = await adapter.submit(req);
    expect(remoteId).toMatch(/^text2video:/);
    const post = posts()[0]!;
    expect(post.path).toBe('/v1/videos/text2video');
    expect(post.body).toEqual({
      model_name: 'kling-v2-5-turbo',
      prompt: req.prompt.text,
      negative_prompt: 'blurry, text',
      mode: 'std',
      duration: '10',
      aspect_ratio: '16:9',
      external_task_id: 'shotline-job-1',
    });
    expect(claims(post.headers.authorization!.slice(7))).toEqual({ iss: AK, exp: T0 / 1000 + 1800, nbf: T0 / 1000 - 5 });

    const seen: PollResult[] = [];
    const end = await pollToEnd(adapter, remoteId, seen);
    expect(seen.map((s) => s.state)).toEqual(['running', 'running', 'succeeded']);
    if (end.state !== 'succeeded') throw new Error(end.state);
    expect(end.costUsd).toBeCloseTo(1.5 * 0.14);
    await adapter.download(end.outputUrl, path.join(dir, 'k.mp4'));
    expectMp4(path.join(dir, 'k.mp4'));
  });

  it('image2video at 1080p: raw base64 start and end frames in pro mode, no aspect_ratio', async () => {
    const { adapter, dir } = await setup();
    const req = makeRequest('kling:kling-v2-5-turbo', { resolution: '1080p', startFrame: imageFile(dir, 'a.png'), endFrame: imageFile(dir, 'b.png') });
    const { remoteId } = await adapter.submit(req);
    expect(remoteId).toMatch(/^image2video:/);
    const body = posts()[0]!.body as Record<string, string>;
    expect(body.mode).toBe('pro');
    expect(body.image).toBe(fs.readFileSync(path.join(dir, 'a.png')).toString('base64'));
    expect(body.image_tail).toMatch(/^iVBOR/);
    expect(body).not.toHaveProperty('aspect_ratio');
    expect((await pollToEnd(adapter, remoteId)).state).toBe('succeeded');
  });

  it('Kling 2.6 is sent silent, and the catalog says so, so a take without sound passes the technical check', async () => {
    const { adapter } = await setup();
    await adapter.submit(makeRequest('kling:kling-v2-6', { resolution: '1080p' }));
    expect(posts()[0]!.body).not.toHaveProperty('sound');
    const spec = getModel('kling:kling-v2-6')!;
    expect(judgeAudio(false, { audioPromised: spec.audio, modelName: spec.name }).ok).toBe(true);
  });

  it('an end frame in std mode (720p) is refused before any request, as the catalog says', async () => {
    const { adapter, dir } = await setup();
    const req = makeRequest('kling:kling-v2-5-turbo', { startFrame: imageFile(dir, 'a.png'), endFrame: imageFile(dir, 'b.png') });
    expect(await providerError(adapter.submit(req))).toMatchObject({ kind: 'permanent', details: { code: 'end_frame_unsupported' } });
    expect(fake.requests).toHaveLength(0);
  });

  it('multi-image2video for kling-v1-6 references; master models send no mode', async () => {
    const { adapter, dir } = await setup();
    const refs = [imageFile(dir, 'r1.png'), imageFile(dir, 'r2.png')];
    const { remoteId } = await adapter.submit(makeRequest('kling:kling-v1-6', { references: refs }));
    expect(remoteId).toMatch(/^multi-image2video:/);
    expect((posts()[0]!.body as { image_list: unknown[] }).image_list).toHaveLength(2);
    expect((await pollToEnd(adapter, remoteId)).state).toBe('succeeded');

    await adapter.submit(makeRequest('kling:kling-v2-1-master', { externalId: 'other' }));
    expect(posts()[1]!.body).not.toHaveProperty('mode');
  });

  it('JWT checked by the fake: expired (1004), not yet valid (1003), wrong secret (1002) are auth', async () => {
    const { adapter } = await setup({}, { now: () => T0 - 3600_000 });
    expect(await providerError(adapter.submit(makeRequest('kling:kling-v2-6')))).toMatchObject({ kind: 'auth', details: { status: 401, code: '1004' } });
    const early = new KlingAdapter({ baseUrl: fake.url, keys: { KLING_ACCESS_KEY: AK, KLING_SECRET_KEY: SK }, now: () => T0 + 60_000 });
    expect((await providerError(early.poll('text2video:x'))).details.code).toBe('1003');
    const wrong = new KlingAdapter({ baseUrl: fake.url, keys: { KLING_ACCESS_KEY: AK, KLING_SECRET_KEY: 'other-secret' }, now: () => T0 });
    expect((await providerError(wrong.poll('text2video:x'))).details.code).toBe('1002');
    const keyless = new KlingAdapter({ baseUrl: fake.url, keys: { KLING_ACCESS_KEY: AK } });
    expect((await providerError(keyless.poll('text2video:x'))).details.code).toBe('no_key');
    expect(fake.creates).toBe(0);
  });

  it("validation: an image under 300 px is permanent with Kling's reason; a reused external id too", async () => {
    const { adapter, dir } = await setup();
    const small = imageFile(dir, 'small.png');
    const bytes = fs.readFileSync(small.path);
    bytes.writeUInt32BE(200, 20);
    fs.writeFileSync(small.path, bytes);
    const err = await providerError(adapter.submit(makeRequest('kling:kling-v2-6', { startFrame: small })));
    expect(err).toMatchObject({ kind: 'permanent', details: { status: 400, code: '1201' } });
    expect(err.message).toMatch(/image must be at least 300px in width and height/);

    await adapter.submit(makeRequest('kling:kling-v2-6'));
    expect((await providerError(adapter.submit(makeRequest('kling:kling-v2-6')))).message).toMatch(/external_task_id shotline-job-1 already exists/);
    expect(fake.creates).toBe(1);
  });

  it('429s: code 1303 (slots full) and 1302 with Retry-After are rate_limited; 1102 (pack used up) is permanent', async () => {
    const { adapter } = await setup({ maxConcurrent: 1 });
    await adapter.submit(makeRequest('kling:kling-v2-6', { externalId: 'a' }));
    const full = await providerError(adapter.submit(makeRequest('kling:kling-v2-6', { externalId: 'b' })));
    expect(full).toMatchObject({ kind: 'rate_limited', details: { status: 429, code: '1303' } });
    fake.setScenario({ create: [klingFault(1302, 'too fast', '4'), klingFault(1102)] });
    expect(await providerError(adapter.submit(makeRequest('kling:kling-v2-6', { externalId: 'c' })))).toMatchObject({
      kind: 'rate_limited',
      details: { retryAfterS: 4 },
    });
    const pack = await providerError(adapter.submit(makeRequest('kling:kling-v2-6', { externalId: 'd' })));
    expect(pack.kind).toBe('permanent');
    expect(pack.message).toMatch(/resource pack is used up or expired/);
  });

  it('moderation at submit (1301) is permanent in plain words', async () => {
    const { adapter } = await setup();
    fake.setScenario({ create: [klingFault(1301, 'prompt violates content policy')] });
    const err = await providerError(adapter.submit(makeRequest('kling:kling-v2-6')));
    expect(err.kind).toBe('permanent');
    expect(err.message).toMatch(/Refused by the provider's content filter: prompt violates content policy/);
  });

  it('5xx after create: transient, one create, and findByExternalId finds the task', async () => {
    const { adapter } = await setup();
    const req = makeRequest('kling:kling-v2-6');
    fake.setScenario({ create: [{ kind: 'after_create', status: 500 }] });
    expect(await providerError(adapter.submit(req))).toMatchObject({ kind: 'transient', details: { status: 500, code: '5000' } });
    expect(posts()).toHaveLength(1);
    const found = await adapter.findByExternalId('shotline-job-1', req);
    expect(found?.remoteId).toBe(`text2video:${fake.tasks()[0]!.id}`);
    expect((await pollToEnd(adapter, found!.remoteId)).state).toBe('succeeded');
    expect(fake.creates).toBe(1);
  });

  it('findByExternalId falls back to the list when the query slot takes task ids only; null when absent', async () => {
    const { adapter } = await setup({ externalIdInPath: false });
    const req = makeRequest('kling:kling-v2-6');
    await adapter.submit(req);
    expect((await adapter.findByExternalId('shotline-job-1', req))?.remoteId).toBe(`text2video:${fake.tasks()[0]!.id}`);
    expect(fake.requests.some((r) => r.path === '/v1/videos/text2video' && r.query.pageSize === '500')).toBe(true);
    expect(await adapter.findByExternalId('never-sent', req)).toBeNull();
  });

  it('a create that never answers is transient (timeout), sent once', async () => {
    const { adapter } = await setup({}, { timeoutMs: 300 });
    fake.setScenario({ create: [{ kind: 'timeout' }] });
    expect(await providerError(adapter.submit(makeRequest('kling:kling-v2-6')))).toMatchObject({ kind: 'transient', details: { code: 'timeout' } });
    expect(posts()).toHaveLength(1);
  });

  it('failed tasks: a content refusal is not retryable, another failure is', async () => {
    const { adapter } = await setup();
    fake.setScenario({ outcome: { failed: 'Failure to pass the risk control system' } });
    const refused = await pollToEnd(adapter, (await adapter.submit(makeRequest('kling:kling-v2-6', { externalId: 'a' }))).remoteId);
    expect(refused).toMatchObject({ state: 'failed', retryable: false, reason: expect.stringMatching(/^Refused by the provider's content filter/) });
    fake.setScenario({ outcome: { failed: 'internal render error' } });
    const other = await pollToEnd(adapter, (await adapter.submit(makeRequest('kling:kling-v2-6', { externalId: 'b' }))).remoteId);
    expect(other).toMatchObject({ state: 'failed', retryable: true });
  });

  it('a task that never finishes stays running; poll 5xx is transient', async () => {
    const { adapter } = await setup();
    fake.setScenario({ outcome: 'never' });
    const { remoteId } = await adapter.submit(makeRequest('kling:kling-v2-6'));
    for (let i = 0; i < 6; i++) expect((await adapter.poll(remoteId)).state).toBe('running');
    fake.setScenario({ poll: [klingFault(5001)] });
    expect(await providerError(adapter.poll(remoteId))).toMatchObject({ kind: 'transient', details: { status: 503 } });
  });

  it('expired output URL: url_expired, then a re-query gives a working one', async () => {
    const { adapter, dir } = await setup();
    const { remoteId } = await adapter.submit(makeRequest('kling:kling-v2-6'));
    const end = await pollToEnd(adapter, remoteId);
    if (end.state !== 'succeeded') throw new Error(end.state);
    now += 31 * 24 * 3600_000;
    const dest = path.join(dir, 'k.mp4');
    expect((await providerError(adapter.download(end.outputUrl, dest))).details.code).toBe('url_expired');
    expect(fs.existsSync(dest)).toBe(false);
    const fresh = await adapter.poll(remoteId);
    if (fresh.state !== 'succeeded') throw new Error(fresh.state);
    await adapter.download(fresh.outputUrl, dest);
    expectMp4(dest);
  });

  it('checkKey lists one task', async () => {
    const { adapter } = await setup();
    expect(await adapter.checkKey()).toEqual({
      ok: true,
      verdict: 'works',
      detail: 'The access key and secret key work. Kling shows the units left only in its console.',
    });
    expect(fake.requests[0]).toMatchObject({ path: '/v1/videos/text2video', query: { pageNum: '1', pageSize: '1' } });
    const wrong = new KlingAdapter({ baseUrl: fake.url, keys: { KLING_ACCESS_KEY: 'nope', KLING_SECRET_KEY: SK }, now: () => T0 });
    expect(await wrong.checkKey()).toMatchObject({ ok: false, detail: expect.stringMatching(/rejected the API key/) });
  });

  it('nothing returned as raw holds a key, a token or image data', async () => {
    const { adapter, dir } = await setup();
    const raws: unknown[] = [];
    const sub = await adapter.submit(makeRequest('kling:kling-v2-6', { startFrame: imageFile(dir, 's.png') }));
    raws.push(sub.raw);
    for (let i = 0; i < 3; i++) raws.push((await adapter.poll(sub.remoteId)).raw);
    const expired = new KlingAdapter({ baseUrl: fake.url, keys: { KLING_ACCESS_KEY: AK, KLING_SECRET_KEY: SK }, now: () => T0 - 7200_000 });
    raws.push((await providerError(expired.poll(sub.remoteId))).details.raw);
    expectRedacted(raws, [AK, SK]);
  });
});
