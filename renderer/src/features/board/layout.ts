// Geometry of the board: a grid of frames per scene, panels stretched to fill the width at the
// chosen density. Every row (scene heading, line of panels, empty scene) has a known height, so
// the virtualizer mounts only the rows on screen however many shots the film has.
import type { BoardDensity } from '../../stores/layout';
import type { TimelineModel } from '../../lib/timeline';

/** The width a panel aims at per density; portrait films get narrower panels so frames stay on screen. */
export const DENSITY_WIDTH: Record<BoardDensity, number> = { S: 168, M: 236, L: 340 };

export const BOARD = {
  padX: 16,
  gap: 12,
  rowGap: 14,
  headerHeight: 44,
  emptyHeight: 52,
  /** Frame strip + label line + three lines of dialogue + padding under the frame. */
  captionHeight: 26 + 22 + 3 * 16 + 12,
} as const;

export type BoardRow =
  | { kind: 'header'; key: string; sceneIndex: number }
  | { kind: 'panels'; key: string; sceneIndex: number; shotIds: string[] }
  | { kind: 'empty'; key: string; sceneIndex: number };

export interface BoardLayout {
  rows: BoardRow[];
  heights: number[];
  columns: number;
  panelWidth: number;
  imageHeight: number;
  panelHeight: number;
  /** Row of each shot's panel. */
  rowOf: Map<string, number>;
}

export function panelTarget(density: BoardDensity, ratio: number): number {
  return Math.round(DENSITY_WIDTH[density] * (ratio < 1 ? 0.62 : ratio < 1.5 ? 0.85 : 1));
}

export function layoutBoard(model: Pick<TimelineModel, 'blocks'>, containerWidth: number, density: BoardDensity, ratio: number): BoardLayout {
  const target = panelTarget(density, ratio);
  const inner = Math.max(target, containerWidth - BOARD.padX * 2);
  const columns = Math.max(1, Math.floor((inner + BOARD.gap) / (target + BOARD.gap)));
  const panelWidth = Math.floor((inner - BOARD.gap * (columns - 1)) / columns);
  const imageHeight = Math.round(panelWidth / ratio);
  const panelHeight = imageHeight + BOARD.captionHeight;
  const rows: BoardRow[] = [];
  const heights: number[] = [];
  const rowOf = new Map<string, number>();
  model.blocks.forEach((block, sceneIndex) => {
    rows.push({ kind: 'header', key: `h-${block.scene.id}`, sceneIndex });
    heights.push(BOARD.headerHeight);
    if (block.shots.length === 0) {
      rows.push({ kind: 'empty', key: `e-${block.scene.id}`, sceneIndex });
      heights.push(BOARD.emptyHeight);
      return;
    }
    for (let i = 0; i < block.shots.length; i += columns) {
      const shotIds = block.shots.slice(i, i + columns).map((s) => s.id);
      for (const id of shotIds) rowOf.set(id, rows.length);
      rows.push({ kind: 'panels', key: `p-${block.scene.id}-${i / columns}`, sceneIndex, shotIds });
      heights.push(panelHeight + BOARD.rowGap);
    }
  });
  return { rows, heights, columns, panelWidth, imageHeight, panelHeight, rowOf };
}

/** The shot a column away (Left/Right) or a line away (Up/Down) in board order, staying put at the ends. */
export function boardNeighbour(layout: BoardLayout, order: readonly string[], from: string, key: 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown'): string {
  const i = order.indexOf(from);
  if (i < 0) return from;
  if (key === 'ArrowLeft') return order[Math.max(0, i - 1)]!;
  if (key === 'ArrowRight') return order[Math.min(order.length - 1, i + 1)]!;
  const row = layout.rowOf.get(from);
  if (row === undefined) return from;
  const here = layout.rows[row] as Extract<BoardRow, { kind: 'panels' }>;
  const col = here.shotIds.indexOf(from);
  const step = key === 'ArrowUp' ? -1 : 1;
  for (let r = row + step; r >= 0 && r < layout.rows.length; r += step) {
    const other = layout.rows[r]!;
    if (other.kind === 'panels') return other.shotIds[Math.min(col, other.shotIds.length - 1)]!;
  }
  return from;
}
