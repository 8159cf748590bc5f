// Geometry of the timeline. Cards are as wide as their duration (with a floor so a 2 s shot
// still shows its frame) and wrap into lines inside each scene; the virtualizer gets one row
// per scene header and per line of cards, all of known height, so scrolling 500 shots only
// ever mounts the few rows on screen.
import type { Shot } from '../../../shared/domain/types';
import type { TimelineModel } from './timeline';

export const GEOMETRY = {
  pxPerSecond: 34,
  minCardWidth: 136,
  thumbHeight: 88,
  /** Title bar + meta line + padding around the thumbnail. */
  cardChrome: 52,
  gap: 8,
  rowGap: 10,
  headerHeight: 38,
  emptyHeight: 64,
  padX: 12,
} as const;

export function cardWidth(durationS: number, zoom: number, maxWidth = Infinity): number {
  const w = Math.max(GEOMETRY.minCardWidth * zoom, durationS * GEOMETRY.pxPerSecond * zoom);
  return Math.round(Math.min(w, Math.max(GEOMETRY.minCardWidth * zoom, maxWidth)));
}

/** Frames get taller for square and portrait films, so a 9:16 frame is still big enough to judge. */
export function thumbHeight(zoom: number, ratio = 16 / 9): number {
  const boost = ratio < 1 ? 1.5 : ratio < 1.5 ? 1.15 : 1;
  return Math.round(GEOMETRY.thumbHeight * zoom * boost);
}

export function cardHeight(zoom: number, ratio = 16 / 9): number {
  return thumbHeight(zoom, ratio) + GEOMETRY.cardChrome;
}

export type TimelineRow =
  | { kind: 'header'; key: string; sceneId: string; sceneIndex: number }
  | { kind: 'cards'; key: string; sceneId: string; sceneIndex: number; shotIds: string[]; widths: number[]; xs: number[]; firstSlot: number }
  | { kind: 'empty'; key: string; sceneId: string; sceneIndex: number };

export interface TimelineLayout {
  rows: TimelineRow[];
  heights: number[];
  /** Top of each row from the top of the content. */
  tops: number[];
  total: number;
  /** For each shot: its row and the centre x of its card (for Up/Down). */
  place: Map<string, { row: number; x: number }>;
  /** Row of each scene's header. */
  headerRow: Map<string, number>;
}

/** Greedy line packing: as many cards as fit in `width`, at least one per line. */
export function packLine(widths: readonly number[], width: number, gap: number): number[][] {
  const lines: number[][] = [];
  let line: number[] = [];
  let x = 0;
  widths.forEach((w, i) => {
    const need = line.length ? x + gap + w : w;
    if (line.length && need > width) {
      lines.push(line);
      line = [i];
      x = w;
    } else {
      line.push(i);
      x = need;
    }
  });
  if (line.length) lines.push(line);
  return lines;
}

export function layoutTimeline(model: TimelineModel, containerWidth: number, zoom: number, ratio = 16 / 9): TimelineLayout {
  const inner = Math.max(GEOMETRY.minCardWidth * zoom, containerWidth - GEOMETRY.padX * 2);
  const rows: TimelineRow[] = [];
  const heights: number[] = [];
  const place = new Map<string, { row: number; x: number }>();
  const headerRow = new Map<string, number>();
  const lineHeight = cardHeight(zoom, ratio) + GEOMETRY.rowGap;
  model.blocks.forEach((block, sceneIndex) => {
    const sceneId = block.scene.id;
    headerRow.set(sceneId, rows.length);
    rows.push({ kind: 'header', key: `h:${sceneId}`, sceneId, sceneIndex });
    heights.push(GEOMETRY.headerHeight);
    if (!block.shots.length) {
      rows.push({ kind: 'empty', key: `e:${sceneId}`, sceneId, sceneIndex });
      heights.push(GEOMETRY.emptyHeight);
      return;
    }
    const widths = block.shots.map((s: Shot) => cardWidth(s.durationS, zoom, inner));
    for (const line of packLine(widths, inner, GEOMETRY.gap)) {
      const firstSlot = line[0]!;
      const shotIds = line.map((i) => block.shots[i]!.id);
      const lineWidths = line.map((i) => widths[i]!);
      const xs: number[] = [];
      let x = 0;
      lineWidths.forEach((w, i) => {
        xs.push(x);
        place.set(shotIds[i]!, { row: rows.length, x: x + w / 2 });
        x += w + GEOMETRY.gap;
      });
      rows.push({ kind: 'cards', key: `c:${shotIds[0]}`, sceneId, sceneIndex, shotIds, widths: lineWidths, xs, firstSlot });
      heights.push(lineHeight);
    }
  });
  const tops: number[] = [];
  let y = 0;
  for (const h of heights) {
    tops.push(y);
    y += h;
  }
  return { rows, heights, tops, total: y, place, headerRow };
}

/** The row at content height `y` (clamped to the first and last row). */
export function rowAt(layout: TimelineLayout, y: number): number {
  let lo = 0;
  let hi = layout.rows.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (layout.tops[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Where dragged shots would land: slot `slot` (0..n) of the scene's shot list, and where to draw the insertion mark. */
export interface ShotDropSlot {
  sceneId: string;
  slot: number;
  row: number;
  /** x of the insertion mark, relative to the row's content box. */
  x: number;
}

/** Hit test for a shot drag at content coordinates (x relative to the padded content, y from the top). */
export function shotDropAt(layout: TimelineLayout, x: number, y: number): ShotDropSlot | null {
  if (!layout.rows.length) return null;
  const r = rowAt(layout, y);
  const row = layout.rows[r]!;
  if (row.kind === 'header' || row.kind === 'empty') {
    // Onto a scene's header (or its empty row): the start of that scene.
    const next = layout.rows[r + 1];
    if (row.kind === 'header' && next?.kind === 'cards' && next.sceneId === row.sceneId)
      return { sceneId: row.sceneId, slot: 0, row: r + 1, x: -GEOMETRY.gap / 2 };
    const emptyRow = row.kind === 'empty' ? r : r + 1;
    return { sceneId: row.sceneId, slot: 0, row: emptyRow, x: 0 };
  }
  let i = row.shotIds.findIndex((_, k) => x < row.xs[k]! + row.widths[k]! / 2);
  if (i < 0) i = row.shotIds.length;
  const markX = i < row.shotIds.length ? row.xs[i]! - GEOMETRY.gap / 2 : row.xs[i - 1]! + row.widths[i - 1]! + GEOMETRY.gap / 2;
  return { sceneId: row.sceneId, slot: row.firstSlot + i, row: r, x: markX };
}

/** Hit test for a scene drag: the scene index (0..n) the dragged scene would be inserted before. */
export function sceneDropAt(layout: TimelineLayout, y: number): { slot: number; y: number } | null {
  const headers = layout.rows.map((row, i) => ({ row, i })).filter(({ row }) => row.kind === 'header');
  if (!headers.length) return null;
  for (let k = 0; k < headers.length; k++) {
    const top = layout.tops[headers[k]!.i]!;
    const bottom = k + 1 < headers.length ? layout.tops[headers[k + 1]!.i]! : layout.total;
    if (y < (top + bottom) / 2) return { slot: k, y: top };
    if (y < bottom) return { slot: k + 1, y: bottom };
  }
  return { slot: headers.length, y: layout.total };
}

/** Up/Down: the card in the nearest line of cards above or below whose centre is closest in x. */
export function verticalNeighbour(layout: TimelineLayout, shotId: string, dir: -1 | 1): string | null {
  const from = layout.place.get(shotId);
  if (!from) return null;
  for (let r = from.row + dir; r >= 0 && r < layout.rows.length; r += dir) {
    const row = layout.rows[r]!;
    if (row.kind !== 'cards') continue;
    let best: string | null = null;
    let bestDist = Infinity;
    row.shotIds.forEach((id, i) => {
      const d = Math.abs(row.xs[i]! + row.widths[i]! / 2 - from.x);
      if (d < bestDist) {
        bestDist = d;
        best = id;
      }
    });
    return best;
  }
  return null;
}
