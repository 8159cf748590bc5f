import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureMedia, pngSize } from '../../../../test/fakes/common';
import { startVeoFake, type VeoFake, type VeoFakeOptions } from '../../../../test/fakes/veo/server';
import { useTmpDir } from '../../testing/tmp.testkit';
import { expectRedacted, imageFile, makeRequest, providerError } from '../providers.testkit';
import { VeoAdapter } from './adapter';

const KEY = 'AIza-gemini-image-secret-0123456789';
const TOOL = 'veo:gemini-3.1-flash-image';
const tmp = useTmpDir();
let fake: VeoFake;
afterEach(() => fake?.close());

async function setup(opts: VeoFakeOptions = {}, timeoutMs?: number) {
  fake = await startVeoFake({ apiKey: KEY, ...opts });
  const staging = tmp();
  const adapter = new VeoAdapter({ baseUrl: fake.url, keys: { GEMINI_API_KEY: KEY }, stagingDir: staging, timeoutMs });
  return { adapter, staging, dir: tmp() };
}

const posts = () => fake.requests.filter((r) => r.method === 'POST');
type Body = { contents: Array<{ parts: Array<Record<string, unknown>> }>; generationConfig: Record<string, unknown> };

describe('Gemini image frames through the Veo adapter', () => {
  it('one generateContent: the image is staged before submit returns; poll says where, download copies it to dest', async () => {
    const { adapter, staging, dir } = await setup();
    const req = makeRequest(TOOL);
    const sub = await adapter.submit(req);
    const post = posts()[0]!;
    expect(post.path).toBe('/v1beta/models/gemini-3.1-flash-image:generateContent');
    expect(post.headers['x-goog-api-key']).toBe(KEY);
    expect(post.body).toEqual({
      contents: [{ role: 'user', parts: [{ text: req.prompt.text }] }],
      generationConfig: { responseModalities: ['IMAGE'], seed: 42, imageConfig: { aspectRatio: '16:9', imageSize: '1K' } },
    });
    expect(sub.remoteId).toMatch(/^image:gemini-image-job-1-[0-9a-f]{8}\.png$/);
    const staged = path.join(staging, sub.remoteId.slice('image:'.length));
    expect(fs.readFileSync(staged)).toEqual(fixtureMedia().png);

    const end = await adapter.poll(sub.remoteId);
    expect(end).toEqual({ state: 'succeeded', outputUrl: pathToFileURL(staged).href, costUsd: null, raw: expect.anything() });
    if (end.state !== 'succeeded') throw new Error(end.state);
    const dest = path.join(dir, 'frame.png');
    await adapter.download(end.outputUrl, dest);
    expect(pngSize(fs.readFileSync(dest))).toEqual({ width: 640, height: 360 });
    // Still staged: a download cut short by a crash can be done again.
    expect(fs.existsSync(staged)).toBe(true);
    expect(fake.creates).toBe(1);
    expect(fake.requests).toHaveLength(1);
  });

  it('references follow the prompt as inlineData parts; 1080p asks for 2K, at the shot ratio', async () => {
    const { adapter, dir } = await setup();
    const refs = [imageFile(dir, 'mara.png', { tag: 'mara' }), imageFile(dir, 'bar.png', { mime: 'image/png' })];
    await adapter.submit(makeRequest(TOOL, { references: refs, resolution: '1080p', aspectRatio: '9:16', seed: null }));
    const body = posts()[0]!.body as Body;
    expect(body.contents[0]!.parts.map((p) => Object.keys(p)[0])).toEqual(['text', 'inlineData', 'inlineData']);
    expect(body.contents[0]!.parts[1]).toEqual({ inlineData: { mimeType: 'image/png', data: expect.stringMatching(/^iVBOR/) } });
    expect(body.generationConfig).toEqual({ responseModalities: ['IMAGE'], imageConfig: { aspectRatio: '9:16', imageSize: '2K' } });
    // A resolution the model does not name falls back to its default, as the estimate prices it.
    await adapter.submit(makeRequest(TOOL, { resolution: '4k' }));
    expect((posts()[1]!.body as Body).generationConfig).toMatchObject({ imageConfig: { imageSize: '1K' } });
  });

  it('without a staging folder the image waits under the system temp folder', async () => {
    fake = await startVeoFake({ apiKey: KEY });
    const adapter = new VeoAdapter({ baseUrl: fake.url, keys: { GEMINI_API_KEY: KEY } });
    const { remoteId } = await adapter.submit(makeRequest(TOOL));
    const staged = path.join(os.tmpdir(), 'shotline-staging', remoteId.slice('image:'.length));
    expect(fs.existsSync(staged)).toBe(true);
    fs.rmSync(staged);
  });

  it('a staged file that is gone fails the job without a new request; only staged files are copied out', async () => {
    const { adapter, staging, dir } = await setup();
    const { remoteId } = await adapter.submit(makeRequest(TOOL));
    fs.rmSync(path.join(staging, remoteId.slice('image:'.length)));
    expect(await adapter.poll(remoteId)).toMatchObject({ state: 'failed', code: 'output_gone', retryable: false });
    expect(fake.requests).toHaveLength(1);
    const secret = path.join(dir, 'gemini-image-x-00000000.png');
    fs.writeFileSync(secret, 'not yours');
    const err = await providerError(adapter.download(pathToFileURL(secret).href, path.join(dir, 'out.png')));
    expect(err.details.code).toBe('bad_output_url');
    expect((await providerError(adapter.poll('image:../../etc/passwd'))).details.code).toBe('bad_remote_id');
  });

  it('429 RESOURCE_EXHAUSTED is rate_limited with the wait, and nothing is staged', async () => {
    const { adapter, staging } = await setup();
    const exhausted = { error: { code: 429, message: 'Quota exceeded', status: 'RESOURCE_EXHAUSTED', details: [{ retryDelay: '21s' }] } };
    fake.setScenario({
      create: [
        { kind: 'http', status: 429, retryAfter: '7' },
        { kind: 'http', status: 429, body: exhausted },
      ],
    });
    expect(await providerError(adapter.submit(makeRequest(TOOL)))).toMatchObject({ kind: 'rate_limited', details: { retryAfterS: 7 } });
    expect(await providerError(adapter.submit(makeRequest(TOOL)))).toMatchObject({ kind: 'rate_limited', details: { retryAfterS: 21 } });
    expect(fs.readdirSync(staging)).toEqual([]);
    expect(fake.creates).toBe(0);
  });

  it('a safety stop is a permanent content refusal; words without an image are permanent no_image', async () => {
    const { adapter, staging } = await setup();
    fake.setScenario({ outcome: { rai: ['The image may violate the usage policy.'] } });
    const refused = await providerError(adapter.submit(makeRequest(TOOL)));
    expect(refused).toMatchObject({ kind: 'permanent', details: { code: 'IMAGE_SAFETY' } });
    expect(refused.message).toMatch(/^Refused by the provider's content filter: The image may violate the usage policy/);
    fake.setScenario({ outcome: { text: 'I cannot draw that, but here is a poem.' } });
    const words = await providerError(adapter.submit(makeRequest(TOOL)));
    expect(words).toMatchObject({ kind: 'permanent', details: { code: 'no_image' } });
    expect(words.message).toContain('"I cannot draw that, but here is a poem."');
    expect(fs.readdirSync(staging)).toEqual([]);
  });

  it("a request the API refuses is permanent with Google's reason; too many references are refused locally", async () => {
    const { adapter, dir } = await setup({ maxInputImages: 1 });
    const two = [imageFile(dir, 'a.png'), imageFile(dir, 'b.png')];
    const err = await providerError(adapter.submit(makeRequest(TOOL, { references: two })));
    expect(err).toMatchObject({ kind: 'permanent', details: { status: 400, code: 'INVALID_ARGUMENT' } });
    expect(err.message).toMatch(/At most 1 input images are supported; got 2/);
    const four = ['a', 'b', 'c', 'd'].map((n) => imageFile(dir, `${n}.png`));
    expect((await providerError(adapter.submit(makeRequest(TOOL, { references: four })))).details.code).toBe('too_many_refs');
    expect(posts()).toHaveLength(1);
  });

  it('a wrong key is auth; a 503 after the image was made and a timeout are transient, each sent once', async () => {
    const { adapter } = await setup({}, 300);
    const wrong = new VeoAdapter({ baseUrl: fake.url, keys: { GEMINI_API_KEY: 'AIza-wrong' } });
    expect(await providerError(wrong.submit(makeRequest(TOOL)))).toMatchObject({ kind: 'auth', details: { status: 400 } });
    fake.setScenario({ create: [{ kind: 'after_create', status: 503 }, { kind: 'timeout' }] });
    expect(await providerError(adapter.submit(makeRequest(TOOL)))).toMatchObject({ kind: 'transient', details: { status: 503 } });
    expect(await providerError(adapter.submit(makeRequest(TOOL)))).toMatchObject({ kind: 'transient', details: { code: 'timeout' } });
    expect(posts()).toHaveLength(3);
  });

  it('nothing returned as raw holds the key or the image', async () => {
    const { adapter, dir } = await setup();
    const sub = await adapter.submit(makeRequest(TOOL, { references: [imageFile(dir, 'r.png')] }));
    const raws = [sub.raw, (await adapter.poll(sub.remoteId)).raw];
    fake.setScenario({ outcome: { text: 'no' } });
    raws.push((await providerError(adapter.submit(makeRequest(TOOL)))).details.raw);
    expectRedacted(raws, [KEY]);
  });
});
