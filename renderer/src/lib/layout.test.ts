import { describe, expect, it } from 'vitest';
import { twoScenes } from './snapshots.testkit';
import { cardHeight, cardWidth, GEOMETRY, layoutTimeline, packLine, rowAt, sceneDropAt, shotDropAt, thumbHeight, verticalNeighbour } from './layout';
import { buildTimeline } from './timeline';

describe('cardWidth', () => {
  it('grows with duration and zoom, with a floor and a ceiling', () => {
    expect(cardWidth(10, 1)).toBe(340);
    expect(cardWidth(10, 1)).toBe(2 * cardWidth(5, 1));
    expect(cardWidth(1, 1)).toBe(GEOMETRY.minCardWidth);
    expect(cardWidth(10, 1.5)).toBe(510);
    expect(cardWidth(60, 1, 800)).toBe(800);
  });
});

describe('thumbHeight', () => {
  it('gives portrait and square films taller frames', () => {
    expect(thumbHeight(1)).toBe(GEOMETRY.thumbHeight);
    expect(thumbHeight(1, 9 / 16)).toBeGreaterThan(thumbHeight(1, 1));
    expect(thumbHeight(1, 1)).toBeGreaterThan(thumbHeight(1, 16 / 9));
    expect(cardHeight(2)).toBe(2 * GEOMETRY.thumbHeight + GEOMETRY.cardChrome);
  });
});

describe('packLine', () => {
  it('fills lines greedily, at least one card each', () => {
    expect(packLine([100, 100, 100], 220, 10)).toEqual([[0, 1], [2]]);
    expect(packLine([500, 100], 300, 10)).toEqual([[0], [1]]);
    expect(packLine([], 300, 10)).toEqual([]);
  });
});

describe('layoutTimeline', () => {
  const model = buildTimeline(twoScenes());

  it('emits a header per scene and wraps cards into lines', () => {
    // a, b = 170 each, c = 136 (floor), d = 170, e = 340; inner width 400 fits two 170s.
    const layout = layoutTimeline(model, 400 + GEOMETRY.padX * 2, 1);
    expect(layout.rows.map((r) => r.kind)).toEqual(['header', 'cards', 'cards', 'header', 'cards', 'cards']);
    const first = layout.rows[1];
    expect(first?.kind === 'cards' && first.shotIds).toEqual(['a', 'b']);
    expect(layout.heights[0]).toBe(GEOMETRY.headerHeight);
  });

  it('gives empty scenes a drop row', () => {
    const m = buildTimeline({ scenes: twoScenes().scenes, shots: twoScenes().shots.filter((s) => s.sceneId === 's2') });
    expect(layoutTimeline(m, 1000, 1).rows.map((r) => r.kind)).toEqual(['header', 'empty', 'header', 'cards']);
  });

  it('finds the nearest card on the line above or below', () => {
    const layout = layoutTimeline(model, 400 + GEOMETRY.padX * 2, 1);
    expect(verticalNeighbour(layout, 'a', 1)).toBe('c');
    expect(verticalNeighbour(layout, 'c', 1)).toBe('d');
    expect(verticalNeighbour(layout, 'b', -1)).toBeNull();
    expect(verticalNeighbour(layout, 'e', -1)).toBe('d');
  });

  it('hit-tests shot drops between cards, on headers and past the end of a line', () => {
    const layout = layoutTimeline(model, 400 + GEOMETRY.padX * 2, 1);
    const line1 = layout.tops[1]! + 10;
    expect(rowAt(layout, line1)).toBe(1);
    expect(shotDropAt(layout, 10, line1)).toMatchObject({ sceneId: 's1', slot: 0, row: 1 });
    expect(shotDropAt(layout, 100, line1)).toMatchObject({ sceneId: 's1', slot: 1 });
    expect(shotDropAt(layout, 399, line1)).toMatchObject({ sceneId: 's1', slot: 2, x: 170 + 8 + 170 + 4 });
    expect(shotDropAt(layout, 399, layout.tops[2]! + 5)).toMatchObject({ sceneId: 's1', slot: 3 });
    expect(shotDropAt(layout, 50, layout.tops[3]! + 5)).toMatchObject({ sceneId: 's2', slot: 0, row: 4 });
    expect(shotDropAt(layout, 50, layout.total + 100)).toMatchObject({ sceneId: 's2', slot: 1 });
  });

  it('hit-tests scene drops by the half of the scene block under the pointer', () => {
    const layout = layoutTimeline(model, 400 + GEOMETRY.padX * 2, 1);
    expect(sceneDropAt(layout, 5)?.slot).toBe(0);
    expect(sceneDropAt(layout, layout.tops[3]! - 5)?.slot).toBe(1);
    expect(sceneDropAt(layout, layout.total - 1)?.slot).toBe(2);
  });
});
