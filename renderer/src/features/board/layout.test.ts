import { describe, expect, it } from 'vitest';
import type { Scene, Shot } from '../../../../shared/domain/types';
import type { SceneBlock } from '../../lib/timeline';
import { BOARD, boardNeighbour, layoutBoard, panelTarget } from './layout';

const block = (id: string, shots: number): SceneBlock => ({
  scene: { id } as Scene,
  shots: Array.from({ length: shots }, (_, i) => ({ id: `${id}-${i}` }) as Shot),
  durationS: 0,
});

describe('board layout', () => {
  it('fills the width with as many panels as the density allows, stretched to fit', () => {
    const l = layoutBoard({ blocks: [block('a', 7)] }, 1000, 'M', 16 / 9);
    const inner = 1000 - BOARD.padX * 2;
    expect(l.columns).toBe(Math.floor((inner + BOARD.gap) / (panelTarget('M', 16 / 9) + BOARD.gap)));
    expect(l.panelWidth * l.columns + BOARD.gap * (l.columns - 1)).toBeLessThanOrEqual(inner);
    expect(l.panelWidth).toBeGreaterThanOrEqual(panelTarget('M', 16 / 9));
    expect(l.imageHeight).toBe(Math.round(l.panelWidth / (16 / 9)));
  });

  it('gives each scene a heading, lines of panels, or an empty row', () => {
    const l = layoutBoard({ blocks: [block('a', 5), block('b', 0)] }, 3 * 200 + 2 * BOARD.gap + 2 * BOARD.padX, 'S', 16 / 9);
    expect(l.columns).toBe(3);
    expect(l.rows.map((r) => r.kind)).toEqual(['header', 'panels', 'panels', 'header', 'empty']);
    expect(l.heights).toEqual([BOARD.headerHeight, l.panelHeight + BOARD.rowGap, l.panelHeight + BOARD.rowGap, BOARD.headerHeight, BOARD.emptyHeight]);
    expect(l.rowOf.get('a-4')).toBe(2);
  });

  it('keeps one column when the board is narrower than a panel', () => {
    const l = layoutBoard({ blocks: [block('a', 2)] }, 50, 'L', 16 / 9);
    expect(l.columns).toBe(1);
    expect(l.rows).toHaveLength(3);
  });

  it('makes portrait panels narrower and larger densities wider', () => {
    expect(panelTarget('M', 9 / 16)).toBeLessThan(panelTarget('M', 16 / 9));
    expect(panelTarget('S', 16 / 9)).toBeLessThan(panelTarget('M', 16 / 9));
    expect(panelTarget('M', 16 / 9)).toBeLessThan(panelTarget('L', 16 / 9));
  });

  it('moves by column across lines and by line keeping the column', () => {
    const model = { blocks: [block('a', 5), block('b', 2)] };
    const l = layoutBoard(model, 3 * 200 + 2 * BOARD.gap + 2 * BOARD.padX, 'S', 16 / 9);
    const order = model.blocks.flatMap((b) => b.shots.map((s) => s.id));
    expect(boardNeighbour(l, order, 'a-2', 'ArrowRight')).toBe('a-3');
    expect(boardNeighbour(l, order, 'a-0', 'ArrowLeft')).toBe('a-0');
    expect(boardNeighbour(l, order, 'a-2', 'ArrowDown')).toBe('a-4');
    expect(boardNeighbour(l, order, 'a-4', 'ArrowDown')).toBe('b-1');
    expect(boardNeighbour(l, order, 'b-1', 'ArrowUp')).toBe('a-4');
    expect(boardNeighbour(l, order, 'a-1', 'ArrowUp')).toBe('a-1');
  });
});
