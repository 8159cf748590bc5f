// Luma's official client (lumaai) against our Luma fake, and every request body the catalog
// allows checked against that client's request types.
import LumaAI from 'lumaai';
import { afterEach, describe, expect, it } from 'vitest';
import { LumaAdapter } from '../../app/core/providers/luma/adapter';
import { useTmpDir } from '../../app/core/testing/tmp.testkit';
import { startLumaFake, type LumaFake } from '../fakes/luma/server';
import { catalogCases, sendCases, type CatalogCase } from './matrix';
import { typeErrors, type TypedBody } from './typecheck';

const KEY = 'luma-contract-key-0123456789';
const IMPORTS = "import type LumaAI from 'lumaai';";
const CREATE = 'LumaAI.GenerationCreateParams';
const tmp = useTmpDir();
let fake: LumaFake;
afterEach(() => fake?.close());

async function client() {
  fake = await startLumaFake({ apiKey: KEY });
  return new LumaAI({ authToken: KEY, baseURL: fake.url, maxRetries: 0 });
}

describe('the Luma SDK against the Luma fake', () => {
  it('creates, polls to the end, downloads, lists and deletes; every reply fits the SDK types', async () => {
    const sdk = await client();
    const replies: TypedBody[] = [];
    const created = await sdk.generations.create({ model: 'ray-2', prompt: 'A courier runs', aspect_ratio: '16:9', resolution: '720p', duration: '5s' });
    replies.push({ name: 'create', type: 'LumaAI.Generation', body: created });
    let gen = await sdk.generations.get(created.id!);
    for (let i = 0; i < 5 && gen.state !== 'completed'; i++) {
      replies.push({ name: `get ${gen.state}`, type: 'LumaAI.Generation', body: gen });
      gen = await sdk.generations.get(created.id!);
    }
    replies.push({ name: 'get completed', type: 'LumaAI.Generation', body: gen });
    expect(gen.state).toBe('completed');
    const mp4 = Buffer.from(await (await fetch(gen.assets!.video!)).arrayBuffer());
    expect(mp4.subarray(4, 8).toString('latin1')).toBe('ftyp');

    const list = await sdk.generations.list({ limit: 10 });
    replies.push({ name: 'list', type: 'LumaAI.GenerationListResponse', body: list });
    expect(list.generations.map((g) => g.id)).toContain(created.id);
    const credits = await sdk.credits.get();
    replies.push({ name: 'credits', type: 'LumaAI.CreditGetResponse', body: credits });

    await sdk.generations.delete(created.id!);
    await expect(sdk.generations.get(created.id!)).rejects.toBeInstanceOf(LumaAI.NotFoundError);
    expect(typeErrors(IMPORTS, replies)).toEqual([]);
  });

  it('answers each injected error in a shape the SDK turns into its own error class', async () => {
    const sdk = await client();
    const body = { model: 'ray-2', prompt: 'x', duration: '5s' } as const;
    fake.setScenario({
      create: [
        { kind: 'http', status: 429 },
        { kind: 'http', status: 500 },
      ],
    });
    await expect(sdk.generations.create(body)).rejects.toBeInstanceOf(LumaAI.RateLimitError);
    await expect(sdk.generations.create(body)).rejects.toBeInstanceOf(LumaAI.InternalServerError);
    const bad = await sdk.generations.create({ ...body, aspect_ratio: '5:4' as '16:9' }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(LumaAI.BadRequestError);
    const wrongKey = new LumaAI({ authToken: 'nope', baseURL: fake.url, maxRetries: 0 });
    await expect(wrongKey.credits.get()).rejects.toBeInstanceOf(LumaAI.AuthenticationError);

    fake.setScenario({ outcome: { failed: 'The prompt failed moderation.' } });
    const doomed = await sdk.generations.create(body);
    let gen = await sdk.generations.get(doomed.id!);
    for (let i = 0; i < 5 && gen.state !== 'failed'; i++) gen = await sdk.generations.get(doomed.id!);
    expect(gen).toMatchObject({ state: 'failed', failure_reason: 'The prompt failed moderation.' });
    expect(typeErrors(IMPORTS, [{ name: 'failed', type: 'LumaAI.Generation', body: gen }])).toEqual([]);
  });
});

describe('every Luma request the catalog allows', () => {
  it('passes the SDK request types, and the fake accepts it', async () => {
    fake = await startLumaFake({ apiKey: KEY });
    const adapter = new LumaAdapter({ baseUrl: fake.url, keys: { LUMAAI_API_KEY: KEY } });
    const cases = catalogCases('luma');
    // Validation refuses keyframes for Luma (they must be web links); the bodies the adapter
    // would build with a hosted image are checked too, so a keyframe shape error still shows.
    const hosted: CatalogCase[] = cases.filter((c) => c.durationS === 5).map((c) => ({ ...c, name: `${c.name} hosted start+end`, start: true, end: true }));
    const { bodies, refused } = await sendCases([...cases, ...hosted], adapter, fake.requests, tmp(), { url: 'https://images.example.com' });
    expect(refused).toEqual([]);
    expect(cases.length).toBeGreaterThan(50);
    expect(bodies).toHaveLength(cases.length + hosted.length);
    expect(bodies.filter((b) => (b.body as { keyframes?: unknown }).keyframes)).toHaveLength(hosted.length);
    expect(
      typeErrors(
        IMPORTS,
        bodies.map((b) => ({ name: b.name, type: CREATE, body: b.body })),
      ),
    ).toEqual([]);
  });

  it('fails a planted wrong body', () => {
    const errors = typeErrors(IMPORTS, [
      { name: 'planted ratio', type: CREATE, body: { model: 'ray-2', prompt: 'x', aspect_ratio: '2:1' } },
      { name: 'planted keyframe', type: CREATE, body: { model: 'ray-2', keyframes: { frame0: { type: 'image', data: 'AAAA' } } } },
    ]);
    expect(errors).toHaveLength(2);
  });
});
