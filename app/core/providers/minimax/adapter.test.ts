import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { minimaxFault, startMinimaxFake, type MinimaxFake, type MinimaxFakeOptions } from '../../../../test/fakes/minimax/server';
import { useTmpDir } from '../../testing/tmp.testkit';
import { expectMp4, expectRedacted, imageFile, makeRequest, providerError } from '../providers.testkit';
import type { PollResult } from '../types';
import { MinimaxAdapter } from './adapter';

const KEY = 'mm-secret-0123456789';
const HAILUO = 'minimax:MiniMax-Hailuo-02';
const tmp = useTmpDir();
let fake: MinimaxFake;
afterEach(() => fake?.close());

async function setup(opts: MinimaxFakeOptions = {}) {
  fake = await startMinimaxFake({ apiKey: KEY, ...opts });
  return { adapter: new MinimaxAdapter({ baseUrl: fake.url, keys: { MINIMAX_API_KEY: KEY } }), dir: tmp() };
}

async function pollToEnd(adapter: MinimaxAdapter, remoteId: string, seen: PollResult[] = []): Promise<PollResult> {
  for (let i = 0; i < 10; i++) {
    const r = await adapter.poll(remoteId);
    seen.push(r);
    if (r.state !== 'queued' && r.state !== 'running') return r;
  }
  throw new Error('task did not end');
}

const posts = () => fake.requests.filter((r) => r.method === 'POST');

describe('MiniMax adapter against the fake', () => {
  it('text to video: body, states, files/retrieve, a real MP4', async () => {
    const { adapter, dir } = await setup();
    const req = makeRequest(HAILUO, { durationS: 10 });
    const { remoteId } = await adapter.submit(req);
    expect(posts()[0]).toMatchObject({
      path: '/v1/video_generation',
      headers: { authorization: `Bearer ${KEY}` },
      body: { model: 'MiniMax-Hailuo-02', prompt: req.prompt.text, duration: 10, resolution: '768P' },
    });
    const seen: PollResult[] = [];
    const end = await pollToEnd(adapter, remoteId, seen);
    expect(seen.map((s) => s.state)).toEqual(['running', 'running', 'succeeded']);
    expect(fake.requests.at(-1)!.path).toBe('/v1/files/retrieve');
    if (end.state !== 'succeeded') throw new Error(end.state);
    await adapter.download(end.outputUrl, path.join(dir, 'm.mp4'));
    expectMp4(path.join(dir, 'm.mp4'));
  });

  it('first and last frames go as data URLs', async () => {
    const { adapter, dir } = await setup();
    await adapter.submit(makeRequest(HAILUO, { startFrame: imageFile(dir, 'a.png'), endFrame: imageFile(dir, 'b.png') }));
    const body = posts()[0]!.body as Record<string, string>;
    expect(body.first_frame_image).toMatch(/^data:image\/png;base64,iVBOR/);
    expect(body.last_frame_image).toMatch(/^data:image\/png;base64,/);
  });

  it("validation: 200 + 2013 is permanent with MiniMax's reason", async () => {
    const { adapter } = await setup();
    const err = await providerError(adapter.submit(makeRequest(HAILUO, { resolution: '1080p', durationS: 10 })));
    expect(err).toMatchObject({ kind: 'permanent', details: { status: 200, code: '2013' } });
    expect(err.message).toBe('MiniMax refused the request (code 2013): invalid params, 1080P supports a duration of 6 seconds only.');
    expect(fake.creates).toBe(0);
  });

  it('auth: a wrong key is HTTP 200 + 1004, reported as auth; no key fails before any request', async () => {
    const { adapter } = await setup({ apiKey: 'other' });
    const err = await providerError(adapter.submit(makeRequest(HAILUO)));
    expect(err).toMatchObject({ kind: 'auth', details: { code: '1004' } });
    expect(err.message).toMatch(/belongs to the other MiniMax host/);
    const keyless = new MinimaxAdapter({ baseUrl: fake.url, keys: {} });
    expect((await providerError(keyless.poll('1'))).details.code).toBe('no_key');
    expect(fake.requests).toHaveLength(1);
  });

  it('200 + status codes: 1002 rate_limited, 1008 permanent, 1026 content filter, 1000 transient', async () => {
    const { adapter } = await setup();
    fake.setScenario({
      create: [
        minimaxFault(1002, 'rate limit'),
        minimaxFault(1008, 'insufficient balance'),
        minimaxFault(1026, 'input new_sensitive'),
        minimaxFault(1000, 'unknown error'),
      ],
    });
    expect((await providerError(adapter.submit(makeRequest(HAILUO)))).kind).toBe('rate_limited');
    const balance = await providerError(adapter.submit(makeRequest(HAILUO)));
    expect(balance).toMatchObject({ kind: 'permanent', details: { code: '1008' } });
    expect(balance.message).toMatch(/balance is too low: top it up/);
    const refused = await providerError(adapter.submit(makeRequest(HAILUO)));
    expect(refused.kind).toBe('permanent');
    expect(refused.message).toMatch(/Refused by the provider's content filter: input new_sensitive/);
    expect((await providerError(adapter.submit(makeRequest(HAILUO)))).kind).toBe('transient');
    expect(fake.creates).toBe(0);
  });

  it('HTTP 429 with Retry-After, 5xx after create (one create) and a timeout', async () => {
    const { adapter } = await setup();
    fake.setScenario({ create: [{ kind: 'http', status: 429, retryAfter: '5' }, { kind: 'after_create', status: 502 }, { kind: 'timeout' }] });
    expect(await providerError(adapter.submit(makeRequest(HAILUO)))).toMatchObject({ kind: 'rate_limited', details: { retryAfterS: 5 } });
    expect(await providerError(adapter.submit(makeRequest(HAILUO)))).toMatchObject({ kind: 'transient', details: { status: 502 } });
    expect(fake.creates).toBe(1);
    const impatient = new MinimaxAdapter({ baseUrl: fake.url, keys: { MINIMAX_API_KEY: KEY }, timeoutMs: 300 });
    expect(await providerError(impatient.submit(makeRequest(HAILUO)))).toMatchObject({ kind: 'transient', details: { code: 'timeout' } });
    expect(posts()).toHaveLength(3);
  });

  it.each(['Fail', 'Failed'] as const)('status %s: 1027 is a content refusal, other codes retryable', async (failWord) => {
    const { adapter } = await setup({ failWord });
    fake.setScenario({ outcome: { code: 1027, msg: 'output new_sensitive' } });
    const refused = await pollToEnd(adapter, (await adapter.submit(makeRequest(HAILUO))).remoteId);
    expect(refused).toMatchObject({
      state: 'failed',
      code: '1027',
      retryable: false,
      reason: expect.stringMatching(/^Refused by the provider's content filter/),
    });
    fake.setScenario({ outcome: { code: 1033, msg: 'system error' } });
    expect(await pollToEnd(adapter, (await adapter.submit(makeRequest(HAILUO))).remoteId)).toMatchObject({ state: 'failed', retryable: true });
  });

  it('a task that never finishes stays running; a poll error code is surfaced', async () => {
    const { adapter } = await setup();
    fake.setScenario({ outcome: 'never' });
    const { remoteId } = await adapter.submit(makeRequest(HAILUO));
    for (let i = 0; i < 6; i++) expect((await adapter.poll(remoteId)).state).toBe('running');
    fake.setScenario({ poll: [minimaxFault(1001, 'request timeout')] });
    expect(await providerError(adapter.poll(remoteId))).toMatchObject({ kind: 'transient', details: { code: '1001' } });
  });

  it('expired download link: url_expired, then a re-poll retrieves a fresh one', async () => {
    const { adapter, dir } = await setup();
    const { remoteId } = await adapter.submit(makeRequest(HAILUO));
    const end = await pollToEnd(adapter, remoteId);
    if (end.state !== 'succeeded') throw new Error(end.state);
    fake.clock.advance(10 * 3600_000);
    const dest = path.join(dir, 'm.mp4');
    expect((await providerError(adapter.download(end.outputUrl, dest))).details.code).toBe('url_expired');
    const fresh = await adapter.poll(remoteId);
    if (fresh.state !== 'succeeded') throw new Error(fresh.state);
    await adapter.download(fresh.outputUrl, dest);
    expectMp4(dest);
  });

  it('checkKey asks about a task that does not exist', async () => {
    const { adapter } = await setup();
    expect(await adapter.checkKey()).toMatchObject({ ok: true, verdict: 'works', detail: expect.stringMatching(/^The key works\./) });
    const wrong = new MinimaxAdapter({ baseUrl: fake.url, keys: { MINIMAX_API_KEY: 'wrong-key' } });
    expect(await wrong.checkKey()).toMatchObject({ ok: false, verdict: 'wrong', detail: expect.stringMatching(/rejected the API key \(code 1004\)/) });
  });

  it('raw keeps the Trace-Id and never the key or image data', async () => {
    const { adapter, dir } = await setup();
    const sub = await adapter.submit(makeRequest(HAILUO, { startFrame: imageFile(dir, 's.png') }));
    const raws: unknown[] = [sub.raw];
    for (let i = 0; i < 3; i++) raws.push((await adapter.poll(sub.remoteId)).raw);
    const err = await providerError(adapter.submit(makeRequest(HAILUO, { resolution: '1080p', durationS: 10 })));
    expect(err.details.raw).toMatchObject({ trace_id: expect.stringMatching(/^[0-9a-f]{32}$/) });
    raws.push(err.details.raw);
    expectRedacted(raws, [KEY]);
  });
});
