// Google's official client (@google/genai 2.x, the line with Veo on the Gemini Developer API)
// against our Veo fake, and every request the catalog allows compared with the wire body that
// client sends for the same request.
import fs from 'node:fs';
import path from 'node:path';
import { GoogleGenAI, type GenerateVideosParameters } from '@google/genai';
import { afterEach, describe, expect, it } from 'vitest';
import { VeoAdapter } from '../../app/core/providers/veo/adapter';
import { imageFile, makeRequest } from '../../app/core/providers/providers.testkit';
import { useTmpDir } from '../../app/core/testing/tmp.testkit';
import { getModel } from '../../shared/catalog';
import { startVeoFake, type VeoFake } from '../fakes/veo/server';
import { catalogCases, type CatalogCase } from './matrix';
import { typeErrors } from './typecheck';

const KEY = 'veo-contract-key-0123456789';
const tmp = useTmpDir();
let fake: VeoFake;
afterEach(() => fake?.close());

async function setup() {
  fake = await startVeoFake({ apiKey: KEY });
  const ai = new GoogleGenAI({ apiKey: KEY, httpOptions: { baseUrl: fake.url, retryOptions: { attempts: 1 } } });
  const adapter = new VeoAdapter({ baseUrl: fake.url, keys: { GEMINI_API_KEY: KEY } });
  return { ai, adapter };
}

const lastPost = () => [...fake.requests].reverse().find((r) => r.method === 'POST')!;

/** The same request as the official client's parameters. */
function sdkParams(c: CatalogCase, prompt: string, negative: string | null, png: string): GenerateVideosParameters {
  const image = { imageBytes: png, mimeType: 'image/png' };
  return {
    model: getModel(c.tool)!.model,
    source: { prompt, ...(c.start ? { image } : {}) },
    config: {
      numberOfVideos: 1,
      durationSeconds: c.durationS,
      aspectRatio: c.aspectRatio,
      resolution: c.resolution,
      ...(negative ? { negativePrompt: negative } : {}),
      ...(c.end ? { lastFrame: image } : {}),
      ...(c.refs > 0 ? { referenceImages: Array.from({ length: c.refs }, () => ({ image, referenceType: 'ASSET' as never })) } : {}),
    },
  };
}

describe('the Gemini SDK against the Veo fake', () => {
  it('creates, polls to the end and downloads through the official client; errors arrive as ApiError with their status', async () => {
    const { ai } = await setup();
    const dir = tmp();
    let op = await ai.models.generateVideos({
      model: 'veo-3.1-generate-preview',
      source: { prompt: 'A courier runs' },
      config: { durationSeconds: 8, aspectRatio: '16:9' },
    });
    for (let i = 0; i < 6 && !op.done; i++) op = await ai.operations.getVideosOperation({ operation: op });
    expect(op.done).toBe(true);
    const video = op.response?.generatedVideos?.[0]?.video;
    expect(video?.uri).toMatch(/\/v1beta\/files\/[^/]+:download/);
    const file = path.join(dir, 'take.mp4');
    // Google's URIs are https; the client reads the file id only from such a URI, then asks its own base URL.
    await ai.files.download({ file: { uri: video!.uri!.replace(/^http:/, 'https:') }, downloadPath: file });
    // The client writes the file when its promise resolves on some versions, a tick later on others.
    for (let i = 0; i < 50 && !(fs.existsSync(file) && fs.statSync(file).size > 1000); i++) await new Promise((r) => setTimeout(r, 20));
    expect(fs.readFileSync(file).subarray(4, 8).toString('latin1')).toBe('ftyp');

    fake.setScenario({ create: [{ kind: 'http', status: 429 }] });
    await expect(ai.models.generateVideos({ model: 'veo-3.1-generate-preview', source: { prompt: 'x' } })).rejects.toMatchObject({ status: 429 });
    const bad = await ai.models
      .generateVideos({ model: 'veo-3.1-generate-preview', source: { prompt: 'x' }, config: { aspectRatio: '4:3' } })
      .catch((e: unknown) => e);
    expect(bad).toMatchObject({ status: 400 });
    expect(String((bad as Error).message)).toContain('aspectRatio must be 16:9 or 9:16');
    const wrong = new GoogleGenAI({ apiKey: 'nope', httpOptions: { baseUrl: fake.url, retryOptions: { attempts: 1 } } });
    await expect(wrong.models.generateVideos({ model: 'veo-3.1-generate-preview', source: { prompt: 'x' } })).rejects.toMatchObject({ status: 400 });

    // A refused-by-filter operation parses as the client's own shape.
    fake.setScenario({ outcome: { rai: ['The prompt could not be submitted.'] } });
    let filtered = await ai.models.generateVideos({ model: 'veo-3.1-generate-preview', source: { prompt: 'x' } });
    for (let i = 0; i < 6 && !filtered.done; i++) filtered = await ai.operations.getVideosOperation({ operation: filtered });
    expect(filtered.response?.raiMediaFilteredCount).toBe(1);
    expect(filtered.response?.raiMediaFilteredReasons).toEqual(['The prompt could not be submitted.']);
  });
});

describe('every Veo request the catalog allows', () => {
  it('is, on the wire, exactly the body the official client sends for the same request', async () => {
    const { ai, adapter } = await setup();
    const dir = tmp();
    const png = fs.readFileSync(imageFile(dir, 'frame.png').path).toString('base64');
    const cases = catalogCases('veo');
    expect(cases.length).toBeGreaterThan(20);
    expect(cases.some((c) => c.refs > 0) && cases.some((c) => c.end)).toBe(true);
    const mismatches: string[] = [];
    for (const c of cases) {
      const req = makeRequest(
        c.tool,
        {
          durationS: c.durationS,
          aspectRatio: c.aspectRatio,
          resolution: c.resolution,
          startFrame: c.start ? imageFile(dir, 'start.png') : null,
          endFrame: c.end ? imageFile(dir, 'end.png') : null,
          references: Array.from({ length: c.refs }, (_, i) => imageFile(dir, `ref${i}.png`)),
        },
        { negative: 'subtitles, watermark' },
      );
      await adapter.submit(req);
      const ours = lastPost();
      await ai.models.generateVideos(sdkParams(c, req.prompt.text, req.prompt.negative, png));
      const theirs = lastPost();
      if (ours.path !== theirs.path) mismatches.push(`${c.name}: path ${ours.path} vs ${theirs.path}`);
      if (JSON.stringify(ours.body) !== JSON.stringify(theirs.body))
        mismatches.push(`${c.name}: ${JSON.stringify(ours.body)} vs ${JSON.stringify(theirs.body)}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('notices a wrong body: a different duration or a missing negative prompt differs from the client', async () => {
    const { ai, adapter } = await setup();
    const c: CatalogCase = {
      name: 'planted',
      tool: 'veo:veo-3.1-generate-preview',
      durationS: 8,
      aspectRatio: '16:9',
      resolution: '720p',
      start: false,
      end: false,
      refs: 0,
    };
    const req = makeRequest(c.tool, { durationS: 6, aspectRatio: '16:9', resolution: '720p' });
    await adapter.submit(req);
    const ours = lastPost().body;
    await ai.models.generateVideos(sdkParams(c, req.prompt.text, null, ''));
    expect(JSON.stringify(ours)).not.toBe(JSON.stringify(lastPost().body));
    // The parameters compile against the client's types; a ratio typo in a field name does not.
    const errors = typeErrors("import type { GenerateVideosParameters } from '@google/genai';", [
      { name: 'ok', type: 'GenerateVideosParameters', body: { model: 'm', prompt: 'p', config: { durationSeconds: 8, aspectRatio: '16:9' } } },
      { name: 'planted', type: 'GenerateVideosParameters', body: { model: 'm', prompt: 'p', config: { duration_seconds: 8 } } },
    ]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^planted: /);
  });
});
