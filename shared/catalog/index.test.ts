import { describe, expect, it } from 'vitest';
import { ASPECT_RATIOS, PROVIDERS } from '../domain/types';
import { audioModelsFor } from './audio';
import { CATALOG, CREDIT_USD, DEFAULT_TOOL, PROVIDER_SPECS, getModel, modelsFor, runwayRatio, videoModels, wireRatio, imageModels, takeKindOf } from './index';

const spec = (tool: string) => {
  const m = getModel(tool);
  if (!m) throw new Error(`missing ${tool}`);
  return m;
};

describe('catalog invariants', () => {
  it('dates every price source and points it somewhere a reader of this repository can check', () => {
    for (const m of CATALOG) {
      expect(m.price.sources.length, m.tool).toBeGreaterThan(0);
      for (const s of m.price.sources) {
        expect(s.asOf, `${m.tool}: ${s.label}`).toMatch(/^20\d\d(-\d\d){0,2}$/);
        expect(s.ref, `${m.tool}: ${s.label}`).not.toMatch(/PROVIDERS\.md|DOMAIN\.md|seeds\/|§/);
        expect(s.ref.length).toBeGreaterThan(5);
      }
    }
  });

  it("prices Veo 3.1 Fast at Google's rates after the April 2026 cut, per resolution", () => {
    const fast = spec('veo:veo-3.1-fast-generate-preview');
    expect(fast.tiers.map((t) => [t.resolution, t.usdPerSecond])).toEqual([
      ['720p', 0.1],
      ['1080p', 0.12],
    ]);
    expect(fast.price.sources.find((s) => s.ref.includes('ai.google.dev'))).toMatchObject({ value: 0.12, asOf: '2026-04-09' });
  });

  it('names every tool provider:model after the API model id, once', () => {
    for (const m of CATALOG) {
      expect(m.tool).toMatch(/^[a-z]+:[A-Za-z0-9_.-]+$/);
      expect(m.tool).toBe(`${m.provider}:${m.model}`);
      expect(PROVIDERS).toContain(m.provider);
    }
    expect(new Set(CATALOG.map((m) => m.tool)).size).toBe(CATALOG.length);
  });

  it('gives video models ascending durations and image models none', () => {
    for (const m of CATALOG) {
      if (m.output === 'image') {
        expect(m.durations).toEqual([]);
        continue;
      }
      expect(m.durations.length, m.tool).toBeGreaterThan(0);
      m.durations.forEach((d, i) => {
        expect(d).toBeGreaterThan(i === 0 ? 0 : (m.durations[i - 1] ?? 0));
      });
      expect(m.fps).toBeGreaterThan(0);
    }
  });

  it('uses only our six ratios, and text-only ratios are a subset', () => {
    for (const m of CATALOG) {
      expect(m.ratios.length).toBeGreaterThan(0);
      for (const r of [...m.ratios, ...m.textRatios, ...Object.keys(m.wireRatios)]) expect(ASPECT_RATIOS).toContain(r);
      for (const r of m.textRatios) expect(m.ratios).toContain(r);
    }
  });

  it('keeps tiers, resolutions and the default in step', () => {
    for (const m of CATALOG) {
      expect(m.tiers.map((t) => t.resolution)).toEqual(m.resolutions);
      expect(m.resolutions).toContain(m.defaultResolution);
      for (const t of m.tiers) {
        for (const d of t.durations ?? []) expect(m.durations).toContain(d);
        expect(t.mode === null || m.provider === 'kling').toBe(true);
      }
    }
  });

  it('has non-negative prices, each with a source, credits only on Runway', () => {
    for (const m of CATALOG) {
      expect(m.price.sources.length, m.tool).toBeGreaterThan(0);
      for (const t of m.tiers) {
        expect(t.usdPerSecond).toBeGreaterThanOrEqual(0);
        if (t.creditsPerSecond !== null) {
          expect(m.provider).toBe('runway');
          expect(t.usdPerSecond).toBeCloseTo(t.creditsPerSecond * CREDIT_USD, 10);
        }
      }
      expect(m.price.perImage).toBe(m.output === 'image');
      if (m.provider !== 'runway') expect(m.price.creditsPerSecond).toBeNull();
    }
  });

  it('keeps limits sane and points references at an image model that takes as many', () => {
    for (const m of CATALOG) {
      expect(m.promptMaxChars).toBeGreaterThan(0);
      expect(m.maxRefs).toBeGreaterThanOrEqual(0);
      expect(m.concurrency).toBeGreaterThan(0);
      if (m.refsVia) {
        const via = spec(m.refsVia);
        expect(via.output).toBe('image');
        expect(via.maxRefs).toBeGreaterThanOrEqual(m.maxRefs);
      }
      if (m.negativePrompt) expect(m.negativeFallback).toBe('drop');
    }
  });

  it('makes the local animatic free and the default', () => {
    const local = spec(DEFAULT_TOOL);
    expect(DEFAULT_TOOL).toBe('local:animatic');
    expect(local.tiers.every((t) => t.usdPerSecond === 0)).toBe(true);
    expect(local.fps).toBe(24);
    expect(local.maxRefs).toBe(3);
    expect(local.keyframes.first).toBe(true);
    expect(local.ratios).toEqual([...ASPECT_RATIOS]);
    expect(local.durations).toContain(3.5);
    expect(local.durations[0]).toBe(1);
    expect(local.durations[local.durations.length - 1]).toBe(60);
  });

  it('has a provider entry for every provider, keys only for remote ones', () => {
    expect(PROVIDER_SPECS.map((p) => p.id).sort()).toEqual([...PROVIDERS].sort());
    for (const p of PROVIDER_SPECS) {
      expect(modelsFor(p.id).length + audioModelsFor(p.id).length).toBeGreaterThan(0);
      expect(p.keyEnv.length === 0).toBe(p.id === 'local');
      if (p.id !== 'local') expect(p.defaultBaseUrl).toMatch(/^https:\/\//);
    }
  });
});

describe('required models', () => {
  it('lists the models the issue names', () => {
    const tools = [
      'runway:gen4_turbo',
      'runway:gen4.5',
      'runway:gen4_image',
      'runway:veo3.1',
      'runway:veo3.1_fast',
      'kling:kling-v2-1-master',
      'kling:kling-v2-5-turbo',
      'kling:kling-v2-6',
      'kling:kling-v2-1',
      'kling:kling-v1-6',
      'veo:veo-3.1-generate-preview',
      'luma:ray-2',
      'minimax:MiniMax-Hailuo-02',
      'local:animatic',
    ];
    for (const t of tools) expect(getModel(t), t).toBeDefined();
  });

  it('describes gen4_turbo as image-to-video, 2–10 s, six ratios, 5 credits/s', () => {
    const m = spec('runway:gen4_turbo');
    expect(m.requiresImage).toBe(true);
    expect(m.endpoints).toEqual(['image-to-video']);
    expect(m.durations).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(m.ratios).toHaveLength(6);
    expect(m.price.creditsPerSecond).toBe(5);
    expect(m.maxRefs).toBe(3);
    expect(m.refsVia).toBe('runway:gen4_image');
    expect(m.keyframes).toMatchObject({ first: true, last: false });
    expect(m.minPollS).toBe(5);
    expect(m.promptMaxChars).toBe(1000);
  });

  it('records both gen4.5 prices and flags the dispute', () => {
    const m = spec('runway:gen4.5');
    expect(m.price.creditsPerSecond).toBe(12);
    expect(m.price.disputed).toMatch(/12/);
    expect(m.price.disputed).toMatch(/25/);
    const creditFigures = m.price.sources.filter((s) => s.unit === 'credits/s').map((s) => s.value);
    expect(creditFigures).toContain(12);
    expect(creditFigures).toContain(25);
    expect(m.endpoints).toContain('text-to-video');
  });

  it('prices gen4_image per image', () => {
    const m = spec('runway:gen4_image');
    expect(m.output).toBe('image');
    expect(m.price.perImage).toBe(true);
    expect(m.price.creditsPerSecond).toBe(5);
    expect(m.tiers.find((t) => t.resolution === '1080p')?.creditsPerSecond).toBe(8);
    expect(m.maxRefs).toBe(3);
  });

  it('gives Kling 5/10 s, a negative prompt, and references on 1.6 only', () => {
    for (const m of modelsFor('kling')) {
      expect(m.durations).toEqual([5, 10]);
      expect(m.negativePrompt).toBe(true);
      expect(m.maxRefs).toBe(m.model === 'kling-v1-6' ? 4 : 0);
    }
    expect(spec('kling:kling-v2-1').endpoints).toEqual(['image-to-video']);
    expect(spec('kling:kling-v1-6').endpoints).toContain('references-to-video');
    const turbo = spec('kling:kling-v2-5-turbo');
    expect(turbo.tiers.map((t) => [t.resolution, t.mode, t.lastFrame])).toEqual([
      ['720p', 'std', false],
      ['1080p', 'pro', true],
    ]);
  });

  it('limits Hailuo 02 at 1080p to 6 s', () => {
    const m = spec('minimax:MiniMax-Hailuo-02');
    expect(m.durations).toEqual([6, 10]);
    expect(m.tiers.find((t) => t.resolution === '1080p')?.durations).toEqual([6]);
    expect(m.promptForm).toBe('bracketCamera');
  });
});

describe('lookups', () => {
  it('finds models by tool and provider, and lists video models only', () => {
    expect(getModel('runway:nope')).toBeUndefined();
    expect(modelsFor('luma').map((m) => m.model)).toEqual(['ray-2', 'ray-flash-2']);
    expect(videoModels().some((m) => m.tool === 'runway:gen4_image')).toBe(false);
    expect(videoModels().length + imageModels().length).toBe(CATALOG.length);
    expect(imageModels().map((m) => m.tool)).toEqual(expect.arrayContaining(['runway:gen4_image', 'local:frame']));
    expect(takeKindOf('local:frame')).toBe('frame');
    expect(takeKindOf('runway:gen4_turbo')).toBe('video');
  });
});

describe('wire ratios', () => {
  it('maps our ratios to Runway pixels', () => {
    expect(runwayRatio('16:9')).toBe('1280:720');
    expect(ASPECT_RATIOS.map(runwayRatio)).toEqual(['1280:720', '720:1280', '960:960', '1104:832', '832:1104', '1584:672']);
  });

  it('follows the resolution where Runway names pixels, and passes others through', () => {
    expect(wireRatio(spec('runway:veo3.1'), '16:9')).toBe('1280:720');
    expect(wireRatio(spec('runway:veo3.1'), '9:16', '1080p')).toBe('1080:1920');
    expect(wireRatio(spec('runway:gen4_image'), '21:9', '1080p')).toBe('1808:768');
    expect(wireRatio(spec('runway:gen4_turbo'), '4:3')).toBe('1104:832');
    expect(wireRatio(spec('kling:kling-v2-6'), '9:16')).toBe('9:16');
  });
});
