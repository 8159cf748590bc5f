import { describe, expect, it } from 'vitest';
import { getModel } from '../catalog';
import { ALL_KLING_TOOL, ALL_RUNWAY_TOOL, estimateShot, projectCost, roundUsd } from './cost';
import { makeShot } from './shot.testkit';
import type { Scene } from './types';

const est = (tool: string, durationS: number, extra: { aspectRatio?: '16:9' | '4:3' | '21:9'; resolution?: string } = {}) =>
  estimateShot({ tool, durationS, aspectRatio: extra.aspectRatio ?? '16:9', resolution: extra.resolution ?? '' });

describe('estimateShot', () => {
  it('prices Runway in credits at $0.01 each', () => {
    expect(est('runway:gen4_turbo', 5)).toEqual({
      usd: 0.25,
      credits: 25,
      billedDurationS: 5,
      pricedTool: 'runway:gen4_turbo',
      adjustment: null,
      unknownTool: false,
    });
  });

  it('prices gen4.5 at the chosen 12 credits/s', () => {
    const e = est('runway:gen4.5', 5);
    expect(e.credits).toBe(60);
    expect(e.usd).toBe(0.6);
  });

  it('prices a too-long Runway shot at the longest clip and says so', () => {
    const e = est('runway:gen4_turbo', 12);
    expect(e.billedDurationS).toBe(10);
    expect(e.credits).toBe(50);
    expect(e.adjustment).toBe('Runway Gen-4 Turbo makes clips of 2–10 s: priced as 10 s.');
  });

  it('prices Kling in dollars at the nearest clip, ties to the longer', () => {
    const seven = est('kling:kling-v2-5-turbo', 7);
    expect(seven.credits).toBeNull();
    expect(seven.billedDurationS).toBe(5);
    expect(seven.usd).toBe(0.21);
    expect(seven.adjustment).toBe('Kling 2.5 Turbo makes clips of 5 or 10 s: priced as 5 s.');
    expect(est('kling:kling-v2-5-turbo', 7.5).billedDurationS).toBe(10);
    expect(est('kling:kling-v2-5-turbo', 10).adjustment).toBeNull();
  });

  it('prices the resolution tier the shot asks for', () => {
    expect(est('kling:kling-v2-5-turbo', 5, { resolution: '1080p' }).usd).toBe(0.35);
    const unknownRes = est('kling:kling-v2-5-turbo', 5, { resolution: '4k' });
    expect(unknownRes.usd).toBe(0.21);
    expect(unknownRes.adjustment).toBe('Kling 2.5 Turbo makes 720p or 1080p: priced at 720p.');
    const hailuo = est('minimax:MiniMax-Hailuo-02', 10, { resolution: '1080p' });
    expect(hailuo.billedDurationS).toBe(6);
    expect(hailuo.adjustment).toContain('at 1080p: priced as 6 s');
    expect(hailuo.usd).toBe(0.48);
  });

  it('prices a ratio the model cannot make at the nearest one, without changing the price', () => {
    const e = est('veo:veo-3.1-generate-preview', 8, { aspectRatio: '4:3' });
    expect(e.usd).toBe(3.2);
    expect(e.adjustment).toBe('Veo 3.1 makes 16:9 or 9:16: priced as 16:9.');
  });

  it('joins several adjustments in one sentence', () => {
    const e = est('veo:veo-3.1-generate-preview', 5, { aspectRatio: '21:9' });
    expect(e.billedDurationS).toBe(6);
    expect(e.adjustment).toBe('Veo 3.1 makes clips of 4, 6 or 8 s: priced as 6 s; Veo 3.1 makes 16:9 or 9:16: priced as 16:9.');
  });

  it('makes the local animatic free at any half second', () => {
    const e = est('local:animatic', 3.5);
    expect(e).toMatchObject({ usd: 0, credits: null, billedDurationS: 3.5, adjustment: null });
    expect(est('local:animatic', 3.3).billedDurationS).toBe(3.5);
  });

  it('prices an image model as one image', () => {
    const e = est('runway:gen4_image', 5);
    expect(e.credits).toBe(5);
    expect(e.usd).toBe(0.05);
    expect(e.adjustment).toContain('still frame');
  });

  it('flags an unknown tool and prices it at nothing', () => {
    const e = est('pika:v2', 5);
    expect(e.unknownTool).toBe(true);
    expect(e.usd).toBe(0);
    expect(e.adjustment).toContain('pika:v2');
  });

  it('prices on an override tool when given', () => {
    const shot = { tool: 'local:animatic', durationS: 5, aspectRatio: '16:9' as const };
    const e = estimateShot(shot, 'runway:gen4_turbo');
    expect(e.pricedTool).toBe('runway:gen4_turbo');
    expect(e.credits).toBe(25);
  });

  it('reads prices from the catalog, where both gen4.5 figures are recorded', () => {
    const sources = getModel('runway:gen4.5')?.price.sources.map((s) => s.value) ?? [];
    expect(sources).toEqual(expect.arrayContaining([12, 25]));
    expect(getModel('runway:gen4.5')?.price.disputed).toBeTruthy();
  });
});

describe('projectCost', () => {
  const scenes: Scene[] = [
    { id: 'b', number: 2, name: 'EXT. STREET', position: 1 },
    { id: 'a', number: 1, name: 'INT. DINER', position: 0 },
    { id: 'c', number: 3, name: 'EMPTY', position: 2 },
  ];
  const shots = [
    makeShot({ id: '1', sceneId: 'a', tool: 'runway:gen4_turbo', durationS: 5 }),
    makeShot({ id: '2', sceneId: 'a', tool: 'kling:kling-v2-5-turbo', durationS: 10 }),
    makeShot({ id: '3', sceneId: 'b', tool: 'runway:gen4.5', durationS: 4 }),
    makeShot({ id: '4', sceneId: 'b', tool: 'local:animatic', durationS: 2.5 }),
    makeShot({ id: '5', sceneId: 'b', tool: 'nobody:knows', durationS: 3 }),
  ];
  const cost = projectCost({ project: { budgetUsd: 1 }, scenes, shots });

  it('sums shots into totals, credits and running time', () => {
    // 0.25 + 0.42 + 0.48 + 0 + 0
    expect(cost.totalUsd).toBe(1.15);
    expect(cost.totalCredits).toBe(25 + 48);
    expect(cost.totalDurationS).toBe(24.5);
  });

  it('breaks the total down by provider', () => {
    expect(cost.byProvider).toEqual({
      runway: { usd: 0.73, credits: 73 },
      kling: { usd: 0.42, credits: 0 },
      local: { usd: 0, credits: 0 },
    });
  });

  it('breaks the total down by scene in timeline order, empty scenes included', () => {
    expect(cost.byScene).toEqual([
      { sceneId: 'a', number: 1, name: 'INT. DINER', usd: 0.67, credits: 25, shots: 2, durationS: 15 },
      { sceneId: 'b', number: 2, name: 'EXT. STREET', usd: 0.48, credits: 48, shots: 3, durationS: 9.5 },
      { sceneId: 'c', number: 3, name: 'EMPTY', usd: 0, credits: 0, shots: 0, durationS: 0 },
    ]);
  });

  it('compares the plan with all Runway and all Kling', () => {
    expect(ALL_RUNWAY_TOOL).toBe('runway:gen4_turbo');
    expect(ALL_KLING_TOOL).toBe('kling:kling-v2-5-turbo');
    // gen4_turbo at 5 credits/s on 5 + 10 + 4 + 2.5→3 + 3 s
    expect(cost.alternatives.allRunway).toBe(1.25);
    // Kling 2.5 Turbo std, $0.042/s on 5 + 10 + 5 + 5 + 5 s
    expect(cost.alternatives.allKling).toBe(1.26);
  });

  it('warns when the plan passes the budget', () => {
    expect(cost.overBudget).toBe(true);
    expect(cost.budgetLeftUsd).toBe(-0.15);
    const roomy = projectCost({ project: { budgetUsd: 40 }, scenes, shots });
    expect(roomy.overBudget).toBe(false);
    expect(roomy.budgetLeftUsd).toBe(38.85);
    const none = projectCost({ project: { budgetUsd: null }, scenes, shots });
    expect(none.overBudget).toBe(false);
    expect(none.budgetLeftUsd).toBeNull();
  });

  it('rounds the sum once rather than summing rounded shots', () => {
    // Luma Ray 2 at 720p: $0.142/s × 9 s = $1.278 a shot, shown as $1.28.
    const luma = [1, 2, 3].map((i) => makeShot({ id: String(i), sceneId: 'a', tool: 'luma:ray-2', durationS: 9 }));
    expect(estimateShot(luma[0] ?? makeShot()).usd).toBe(1.28);
    const total = projectCost({ project: { budgetUsd: null }, scenes, shots: luma });
    expect(total.totalUsd).toBe(3.83);
    expect(total.byScene[0]?.usd).toBe(3.83);
  });

  it('handles an empty plan', () => {
    const empty = projectCost({ project: { budgetUsd: 10 }, scenes: [], shots: [] });
    expect(empty).toMatchObject({ totalUsd: 0, totalCredits: 0, overBudget: false, budgetLeftUsd: 10, byProvider: {}, byScene: [] });
    expect(empty.alternatives).toEqual({ allRunway: 0, allKling: 0 });
  });
});

describe('roundUsd', () => {
  it('rounds to the cent, half away from zero, despite binary fractions', () => {
    expect(roundUsd(1.005)).toBe(1.01);
    expect(roundUsd(2.675)).toBe(2.68);
    expect(roundUsd(0.125)).toBe(0.13);
    expect(roundUsd(-0.125)).toBe(-0.13);
    expect(roundUsd(0.1 + 0.2)).toBe(0.3);
    expect(roundUsd(1.234)).toBe(1.23);
    expect(Object.is(roundUsd(-0.001), 0)).toBe(true);
  });
});
