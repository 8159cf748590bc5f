// Google's official client (@google/genai 2.x) against the Veo fake's Gemini image route, and every
// storyboard-frame request the catalog allows compared with the wire body that client sends.
import fs from 'node:fs';
import { ApiError, GoogleGenAI, type GenerateContentParameters } from '@google/genai';
import { afterEach, describe, expect, it } from 'vitest';
import { VeoAdapter } from '../../app/core/providers/veo/adapter';
import { imageFile, makeRequest } from '../../app/core/providers/providers.testkit';
import { useTmpDir } from '../../app/core/testing/tmp.testkit';
import { getModel } from '../../shared/catalog';
import { pngSize } from '../fakes/common';
import { startVeoFake, type VeoFake } from '../fakes/veo/server';
import { frameCases, type CatalogCase } from './matrix';
import { typeErrors } from './typecheck';

const KEY = 'gemini-image-contract-key-0123456789';
const MODEL = 'gemini-3.1-flash-image';
const tmp = useTmpDir();
let fake: VeoFake;
afterEach(() => fake?.close());

async function setup() {
  fake = await startVeoFake({ apiKey: KEY });
  const ai = new GoogleGenAI({ apiKey: KEY, httpOptions: { baseUrl: fake.url, retryOptions: { attempts: 1 } } });
  const adapter = new VeoAdapter({ baseUrl: fake.url, keys: { GEMINI_API_KEY: KEY }, stagingDir: tmp() });
  return { ai, adapter };
}

const lastPost = () => [...fake.requests].reverse().find((r) => r.method === 'POST')!;

/** The same request as the official client's parameters; the image size as the adapter picks it per tier. */
function sdkParams(c: CatalogCase, prompt: string, png: string): GenerateContentParameters {
  const refs = Array.from({ length: c.refs }, () => ({ inlineData: { mimeType: 'image/png', data: png } }));
  return {
    model: getModel(c.tool)!.model,
    contents: [{ role: 'user', parts: [{ text: prompt }, ...refs] }],
    config: { seed: 42, responseModalities: ['IMAGE'], imageConfig: { aspectRatio: c.aspectRatio, imageSize: c.resolution === '1080p' ? '2K' : '1K' } },
  };
}

describe('the Gemini SDK against the fake image route', () => {
  it('generates a frame whose PNG comes back inline; errors arrive as ApiError with their status', async () => {
    const { ai } = await setup();
    const dir = tmp();
    const ref = fs.readFileSync(imageFile(dir, 'ref.png').path).toString('base64');
    const res = await ai.models.generateContent({
      model: MODEL,
      contents: [{ role: 'user', parts: [{ text: 'Mara under a neon sign, storyboard frame' }, { inlineData: { mimeType: 'image/png', data: ref } }] }],
      config: { responseModalities: ['IMAGE'], imageConfig: { aspectRatio: '16:9', imageSize: '1K' } },
    });
    expect(res.candidates?.[0]?.finishReason).toBe('STOP');
    expect(pngSize(Buffer.from(res.data ?? '', 'base64'))).toEqual({ width: 640, height: 360 });
    expect(res.usageMetadata?.candidatesTokenCount).toBe(1120);

    fake.setScenario({ create: [{ kind: 'http', status: 429, retryAfter: '5' }] });
    await expect(ai.models.generateContent({ model: MODEL, contents: 'x' })).rejects.toMatchObject({ status: 429 });
    const bad = await ai.models
      .generateContent({ model: MODEL, contents: 'x', config: { responseModalities: ['IMAGE'], imageConfig: { imageSize: '1k' } } })
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ApiError);
    expect(bad).toMatchObject({ status: 400 });
    expect(String((bad as Error).message)).toContain('uppercase K');
    const wrong = new GoogleGenAI({ apiKey: 'nope', httpOptions: { baseUrl: fake.url, retryOptions: { attempts: 1 } } });
    await expect(wrong.models.generateContent({ model: MODEL, contents: 'x' })).rejects.toMatchObject({ status: 400 });
    await expect(ai.models.generateContent({ model: 'gemini-0-image', contents: 'x' })).rejects.toMatchObject({ status: 404 });

    // A safety stop parses as the client's own shape: a candidate with a finish reason and no image.
    // (The 2.x client drops `finishMessage` on the Developer API; the adapter reads it where sent.)
    fake.setScenario({ outcome: { rai: ['The image may violate the usage policy.'] } });
    const stopped = await ai.models.generateContent({ model: MODEL, contents: 'x', config: { responseModalities: ['IMAGE'] } });
    expect(stopped.candidates?.[0]).toMatchObject({ finishReason: 'IMAGE_SAFETY' });
    expect(stopped.data).toBeUndefined();
  });
});

describe('every storyboard-frame request the catalog allows on the Gemini key', () => {
  it('is, on the wire, exactly the body the official client sends for the same request, and compiles against its types', async () => {
    const { ai, adapter } = await setup();
    const dir = tmp();
    const png = fs.readFileSync(imageFile(dir, 'ref.png').path).toString('base64');
    const cases = frameCases('veo');
    expect(cases.length).toBe(2 * 6 * 3);
    const mismatches: string[] = [];
    for (const c of cases) {
      const req = makeRequest(c.tool, {
        aspectRatio: c.aspectRatio,
        resolution: c.resolution,
        references: Array.from({ length: c.refs }, (_, i) => imageFile(dir, `ref${i}.png`)),
      });
      await adapter.submit(req);
      const ours = lastPost();
      await ai.models.generateContent(sdkParams(c, req.prompt.text, png));
      const theirs = lastPost();
      if (ours.path !== theirs.path) mismatches.push(`${c.name}: path ${ours.path} vs ${theirs.path}`);
      if (JSON.stringify(ours.body) !== JSON.stringify(theirs.body))
        mismatches.push(`${c.name}: ${JSON.stringify(ours.body)} vs ${JSON.stringify(theirs.body)}`);
    }
    expect(mismatches).toEqual([]);
    const params = cases.map((c) => ({ name: c.name, type: 'GenerateContentParameters', body: sdkParams(c, 'p', 'AAAA') }));
    expect(typeErrors("import type { GenerateContentParameters } from '@google/genai';", params)).toEqual([]);
  });

  it('notices a wrong body: a lowercase image size or a missing modality differs from the client', async () => {
    const { ai, adapter } = await setup();
    const c: CatalogCase = { name: 'planted', tool: `veo:${MODEL}`, durationS: 0, aspectRatio: '16:9', resolution: '1080p', start: false, end: false, refs: 0 };
    const req = makeRequest(c.tool, { resolution: '720p' });
    await adapter.submit(req);
    const ours = lastPost().body;
    await ai.models.generateContent(sdkParams(c, req.prompt.text, ''));
    expect(JSON.stringify(ours)).not.toBe(JSON.stringify(lastPost().body));
  });
});
