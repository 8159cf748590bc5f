// Runway's official client (@runwayml/sdk) against our Runway fake, and every request body the
// catalog allows checked against that client's request types.
import fs from 'node:fs';
import RunwayML from '@runwayml/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { estimateShot, takeEstimateUsd } from '../../shared/domain/cost';
import { makeShot } from '../../shared/domain/shot.testkit';
import { validateShot } from '../../shared/domain/validation';
import { RunwayAdapter } from '../../app/core/providers/runway/adapter';
import { imageFile, makeRequest } from '../../app/core/providers/providers.testkit';
import { useTmpDir } from '../../app/core/testing/tmp.testkit';
import { pngSize } from '../fakes/common';
import { startRunwayFake, type RunwayFake } from '../fakes/runway/server';
import { catalogCases, frameCases, sendCases } from './matrix';
import { typeErrors, type TypedBody } from './typecheck';

const KEY = 'rw-contract-key-0123456789';
const IMPORTS = "import type RunwayML from '@runwayml/sdk';";
const REQUEST_TYPES: Record<string, string> = {
  '/v1/image_to_video': 'RunwayML.ImageToVideoCreateParams',
  '/v1/text_to_video': 'RunwayML.TextToVideoCreateParams',
  '/v1/text_to_image': 'RunwayML.TextToImageCreateParams',
};
const tmp = useTmpDir();
let fake: RunwayFake;
afterEach(() => fake?.close());

async function client(opts: Parameters<typeof startRunwayFake>[0] = {}) {
  fake = await startRunwayFake({ apiKey: KEY, ...opts });
  // No retries: the SDK's own retry of a create is exactly what Shotline must never do.
  return new RunwayML({ apiKey: KEY, baseURL: fake.url, maxRetries: 0 });
}

describe('the Runway SDK against the Runway fake', () => {
  it('creates, polls to the end, downloads and deletes; every reply has the fields the SDK types require', async () => {
    const sdk = await client();
    const dir = tmp();
    const start = `data:image/png;base64,${fs.readFileSync(imageFile(dir, 'start.png').path).toString('base64')}`;
    const replies: TypedBody[] = [];

    const video = await sdk.imageToVideo.create({ model: 'gen4_turbo', promptImage: start, ratio: '1280:720', duration: 5, promptText: 'A courier runs' });
    replies.push({ name: 'image_to_video create', type: 'RunwayML.ImageToVideoCreateResponse', body: video });
    expect(video.estimatedCost.credits).toBe(25);

    let task = await sdk.tasks.retrieve(video.id);
    for (let i = 0; i < 5 && task.status !== 'SUCCEEDED'; i++) {
      replies.push({ name: `task ${task.status}`, type: 'RunwayML.TaskRetrieveResponse', body: task });
      task = await sdk.tasks.retrieve(video.id);
    }
    replies.push({ name: 'task SUCCEEDED', type: 'RunwayML.TaskRetrieveResponse', body: task });
    if (task.status !== 'SUCCEEDED') throw new Error(`task ended ${task.status}`);
    expect(task.cost.credits).toBe(25);
    const mp4 = Buffer.from(await (await fetch(task.output[0]!)).arrayBuffer());
    expect(mp4.subarray(4, 8).toString('latin1')).toBe('ftyp');

    const text = await sdk.textToVideo.create({ model: 'gen4.5', promptText: 'A courier runs', ratio: '720:1280', duration: 4 });
    replies.push({ name: 'text_to_video create', type: 'RunwayML.TextToVideoCreateResponse', body: text });
    const frame = await sdk.textToImage.create({
      model: 'gen4_image',
      promptText: 'Mara @mara',
      ratio: '1920:1080',
      referenceImages: [{ uri: start, tag: 'mara' }],
    });
    replies.push({ name: 'text_to_image create', type: 'RunwayML.TextToImageCreateResponse', body: frame });

    // A task under way is cancelled by DELETE; afterwards it is CANCELLED or gone.
    await sdk.tasks.retrieve(text.id);
    await sdk.tasks.delete(text.id);
    const after = await sdk.tasks.retrieve(text.id).catch((err: unknown) => err);
    if (after instanceof RunwayML.NotFoundError) expect(after.status).toBe(404);
    else replies.push({ name: 'task CANCELLED', type: 'RunwayML.TaskRetrieveResponse', body: after });

    const org = await sdk.organization.retrieve();
    replies.push({ name: 'organization', type: 'RunwayML.OrganizationRetrieveResponse', body: org });

    expect(typeErrors(IMPORTS, replies)).toEqual([]);
  });

  it('answers each injected error in a shape the SDK turns into its own error class', async () => {
    const sdk = await client();
    const body = { model: 'gen4.5', promptText: 'x', ratio: '1280:720', duration: 5 } as const;
    fake.setScenario({
      create: [
        { kind: 'http', status: 429, retryAfter: '3' },
        { kind: 'http', status: 500 },
        { kind: 'http', status: 503 },
      ],
    });
    await expect(sdk.textToVideo.create(body)).rejects.toBeInstanceOf(RunwayML.RateLimitError);
    await expect(sdk.textToVideo.create(body)).rejects.toBeInstanceOf(RunwayML.InternalServerError);
    await expect(sdk.textToVideo.create(body)).rejects.toBeInstanceOf(RunwayML.InternalServerError);

    // A body the API refuses is a 400 with the reason, as BadRequestError.
    const bad = await sdk.textToVideo.create({ ...body, ratio: '960:960' as '1280:720' }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(RunwayML.BadRequestError);
    expect(String((bad as Error).message)).toMatch(/ratio must be one of 1280:720, 720:1280/);

    const wrongKey = new RunwayML({ apiKey: 'not-the-key', baseURL: fake.url, maxRetries: 0 });
    await expect(wrongKey.tasks.retrieve('x')).rejects.toBeInstanceOf(RunwayML.AuthenticationError);
    await expect(sdk.tasks.retrieve('no-such-task')).rejects.toBeInstanceOf(RunwayML.NotFoundError);

    // A failed task carries failure and failureCode, as the SDK's Failed type has them.
    fake.setScenario({ outcome: { failureCode: 'SAFETY.INPUT.TEXT', failure: 'The prompt was flagged.' } });
    const doomed = await sdk.textToVideo.create(body);
    let task = await sdk.tasks.retrieve(doomed.id);
    for (let i = 0; i < 5 && task.status !== 'FAILED'; i++) task = await sdk.tasks.retrieve(doomed.id);
    expect(task).toMatchObject({ status: 'FAILED', failureCode: 'SAFETY.INPUT.TEXT' });
    expect(typeErrors(IMPORTS, [{ name: 'task FAILED', type: 'RunwayML.TaskRetrieveResponse', body: task }])).toEqual([]);
  });
});

describe('every Runway request the catalog allows', () => {
  it('passes the SDK request types, and the fake accepts it', async () => {
    fake = await startRunwayFake({ apiKey: KEY });
    const adapter = new RunwayAdapter({ baseUrl: fake.url, keys: { RUNWAYML_API_SECRET: KEY } });
    const cases = catalogCases('runway');
    const { bodies, refused } = await sendCases(cases, adapter, fake.requests, tmp());
    expect(refused).toEqual([]);
    // Each path is exercised, and every case sent at least one body.
    expect(new Set(bodies.map((b) => b.path))).toEqual(new Set(Object.keys(REQUEST_TYPES)));
    expect(new Set(bodies.map((b) => b.name)).size).toBe(cases.length);
    expect(cases.length).toBeGreaterThan(300);
    expect(
      typeErrors(
        IMPORTS,
        bodies.map((b) => ({ name: `${b.name} → ${b.path}`, type: REQUEST_TYPES[b.path]!, body: b.body })),
      ),
    ).toEqual([]);
  });

  it('fails a planted wrong body: gen4.5 text_to_video at 960:960', () => {
    const errors = typeErrors(IMPORTS, [
      { name: 'planted', type: REQUEST_TYPES['/v1/text_to_video']!, body: { model: 'gen4.5', promptText: 'x', ratio: '960:960', duration: 5 } },
      {
        name: 'planted duration',
        type: REQUEST_TYPES['/v1/image_to_video']!,
        body: { model: 'veo3.1', promptImage: 'https://x/a.png', ratio: '1280:720', duration: 5 },
      },
    ]);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^planted: .*960:960/);
  });

  it('makes the start frame first for gen4.5 at a ratio text cannot make, and prices it', async () => {
    fake = await startRunwayFake({ apiKey: KEY });
    const adapter = new RunwayAdapter({ baseUrl: fake.url, keys: { RUNWAYML_API_SECRET: KEY } });
    const shot = makeShot({ tool: 'runway:gen4.5', aspectRatio: '1:1', durationS: 5 });
    expect(validateShot(shot).map((i) => i.severity)).toEqual(['warning']);
    const { bodies, refused } = await sendCases(
      [{ name: 'gen4.5 1:1', tool: 'runway:gen4.5', durationS: 5, aspectRatio: '1:1', resolution: '720p', start: false, end: false, refs: 0 }],
      adapter,
      fake.requests,
      tmp(),
    );
    expect(refused).toEqual([]);
    expect(bodies.map((b) => [b.path, (b.body as { ratio: string }).ratio])).toEqual([
      ['/v1/text_to_image', '720:720'],
      ['/v1/image_to_video', '960:960'],
    ]);
    // The estimate counts the frame: 5 s × 12 credits + one 720p gen4_image frame (5 credits).
    expect(estimateShot(shot).usd).toBe(0.6);
    expect(takeEstimateUsd(shot, shot.tool, { refs: 0, startFrame: false })).toBe(0.65);
  });

  it('records what Runway charged, the start frame included, and never sends text_to_video at a ratio it refuses', async () => {
    fake = await startRunwayFake({ apiKey: KEY });
    const adapter = new RunwayAdapter({ baseUrl: fake.url, keys: { RUNWAYML_API_SECRET: KEY } });
    const dir = tmp();
    const req = makeRequest('runway:gen4_turbo', { durationS: 4, references: [imageFile(dir, 'mara.png', { tag: 'mara' })] });
    const { remoteId } = await adapter.submit(req);
    let poll = await adapter.poll(remoteId);
    while (poll.state !== 'step_done') poll = await adapter.poll(remoteId);
    expect(poll.costUsd).toBe(0.05);
    const video = await adapter.submitNext!(remoteId, req);
    let end = await adapter.poll(video.remoteId);
    while (end.state === 'queued' || end.state === 'running') end = await adapter.poll(video.remoteId);
    expect(end).toMatchObject({ state: 'succeeded', costUsd: 0.2 });

    // A model without the text ratio and no frame model to make one: refused before any request.
    const noFrame = { ...makeRequest('runway:gen4.5', { aspectRatio: '1:1' }) };
    noFrame.model = { ...noFrame.model, refsVia: null };
    const posts = fake.requests.length;
    await expect(adapter.submit(noFrame)).rejects.toThrow(/cannot make 1:1 from text alone/);
    expect(fake.requests.length).toBe(posts);
  });
});

describe('storyboard frames on Runway image models', () => {
  it('textToImage through the SDK: gen4_image_turbo takes 1–3 references at 2 credits, and a PNG comes back', async () => {
    const sdk = await client();
    const dir = tmp();
    const ref = `data:image/png;base64,${fs.readFileSync(imageFile(dir, 'ref.png').path).toString('base64')}`;
    const created = await sdk.textToImage.create({
      model: 'gen4_image_turbo',
      promptText: '@mara at the bar',
      ratio: '1920:1080',
      referenceImages: [{ uri: ref, tag: 'mara' }],
    });
    expect(created.estimatedCost.credits).toBe(2);
    let task = await sdk.tasks.retrieve(created.id);
    for (let i = 0; i < 5 && task.status !== 'SUCCEEDED'; i++) task = await sdk.tasks.retrieve(created.id);
    if (task.status !== 'SUCCEEDED') throw new Error(`task ended ${task.status}`);
    expect(task.cost.credits).toBe(2);
    expect(pngSize(Buffer.from(await (await fetch(task.output[0]!)).arrayBuffer()))).toEqual({ width: 640, height: 360 });
    expect(typeErrors(IMPORTS, [{ name: 'image task SUCCEEDED', type: 'RunwayML.TaskRetrieveResponse', body: task }])).toEqual([]);

    // Without a reference the SDK's own types refuse it, and so does the API.
    const none = { model: 'gen4_image_turbo', promptText: 'x', ratio: '1280:720' } as const;
    expect(typeErrors(IMPORTS, [{ name: 'turbo without references', type: REQUEST_TYPES['/v1/text_to_image']!, body: none }])).toHaveLength(1);
    const bad = await sdk.textToImage.create(none as never).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(RunwayML.BadRequestError);
    expect(String((bad as Error).message)).toMatch(/gen4_image_turbo requires 1 to 3 referenceImages/);
  });

  it('every frame request the catalog allows passes the SDK request type, the fake accepts it, and it ends succeeded', async () => {
    fake = await startRunwayFake({ apiKey: KEY });
    const adapter = new RunwayAdapter({ baseUrl: fake.url, keys: { RUNWAYML_API_SECRET: KEY } });
    const cases = frameCases('runway');
    // gen4_image: 2 sizes × 6 ratios × 0, 1 or 3 references; turbo the same without 0.
    expect(cases).toHaveLength(36 + 24);
    const { bodies, refused } = await sendCases(cases, adapter, fake.requests, tmp());
    expect(refused).toEqual([]);
    expect(bodies).toHaveLength(cases.length);
    expect(new Set(bodies.map((b) => b.path))).toEqual(new Set(['/v1/text_to_image']));
    expect(fake.tasks().every((t) => t.status === 'SUCCEEDED')).toBe(true);
    expect(
      typeErrors(
        IMPORTS,
        bodies.map((b) => ({ name: b.name, type: REQUEST_TYPES[b.path]!, body: b.body })),
      ),
    ).toEqual([]);
  });
});
