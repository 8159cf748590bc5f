// Where the storyboard's panels go: the page's orientation and grid for a number of panels a page,
// the box of every frame and its words, and how scenes flow into rows and pages. Pure geometry in
// PDF points, so the page count is known (and tested) without drawing anything.
import type { PanelsPerPage, PaperSize } from '../../../../shared/domain/storyboard';
import type { AspectRatio } from '../../../../shared/domain/types';

export interface StoryboardLayout {
  orientation: 'landscape' | 'portrait';
  cols: number;
  rows: number;
  /** Where a panel's words go: under its frame, or to its right. */
  text: 'under' | 'beside';
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PageGeometry {
  width: number;
  height: number;
  frameW: number;
  frameH: number;
  /** The scene heading line above row `row`. */
  heading(row: number): Box;
  frame(row: number, col: number): Box;
  /** The panel's label, action, dialogue and fields. */
  text(row: number, col: number): Box;
}

export const MARGIN = 36;
/** The title and page number line at the top of every page. */
const HEADER = 24;
/** Every row keeps a line above it for a scene heading, so the grid is the same on every page. */
const HEADING = 16;
const GAP = 14;
const TEXT_PAD = 5;
/** The least room a panel's words need: label, three lines of action, two of dialogue, two of fields. */
const TEXT_UNDER = 100;
const TEXT_BESIDE = 170;

const PAPER: Record<PaperSize, [number, number]> = { A4: [595.28, 841.89], LETTER: [612, 792] };

const ratio = (aspectRatio: AspectRatio) => aspectRatio.split(':').map(Number) as [number, number];

/**
 * The Resolve export's layout, unchanged from before panels-a-page could be chosen: landscape
 * pages of six wide panels (3×2), eight square (4×2) or four tall (4×1), words under each.
 */
export function automaticLayout(aspectRatio: AspectRatio): StoryboardLayout {
  const [w, h] = ratio(aspectRatio);
  const [cols, rows] = w > h ? [3, 2] : w === h ? [4, 2] : [4, 1];
  return { orientation: 'landscape', cols, rows, text: 'under' };
}

/**
 * The arrangement of `perPage` panels that draws the frames largest on this paper, words kept
 * readable. Every grid of that many cells is tried on both orientations, with the words under
 * the frames or beside them; ties go to landscape. For 16:9 on A4 this gives two frames stacked
 * on a portrait page, three in a column with the words to their right (the classic storyboard
 * sheet), and six in a landscape 3×2 grid; tall frames stand side by side.
 */
export function storyboardLayout(aspectRatio: AspectRatio, perPage: PanelsPerPage, paper: PaperSize = 'A4'): StoryboardLayout {
  let best: { layout: StoryboardLayout; area: number } | null = null;
  for (const orientation of ['landscape', 'portrait'] as const) {
    for (let cols = 1; cols <= perPage; cols++) {
      if (perPage % cols !== 0) continue;
      for (const text of ['under', 'beside'] as const) {
        const layout = { orientation, cols, rows: perPage / cols, text };
        const { frameW, frameH } = pageGeometry(layout, aspectRatio, paper);
        if (frameW > 0 && (!best || frameW * frameH > best.area + 1)) best = { layout, area: frameW * frameH };
      }
    }
  }
  return best!.layout;
}

export function pageGeometry(layout: StoryboardLayout, aspectRatio: AspectRatio, paper: PaperSize): PageGeometry {
  const [short, long] = PAPER[paper];
  const [width, height] = layout.orientation === 'landscape' ? [long, short] : [short, long];
  const [rw, rh] = ratio(aspectRatio);
  const contentW = width - 2 * MARGIN;
  const rowH = (height - 2 * MARGIN - HEADER - (layout.rows - 1) * GAP) / layout.rows;
  const cellH = rowH - HEADING;
  const colW = (contentW - (layout.cols - 1) * GAP) / layout.cols;
  const under = layout.text === 'under';
  const frameW = Math.min(under ? colW : colW - GAP - TEXT_BESIDE, ((under ? cellH - TEXT_UNDER : cellH) * rw) / rh);
  const frameH = (frameW * rh) / rw;
  // Frames narrower than their column (tall ones, or short rows) close up and centre as a block.
  const pitch = under ? frameW : colW;
  const left = MARGIN + (contentW - layout.cols * pitch - (layout.cols - 1) * GAP) / 2;
  const rowTop = (row: number) => MARGIN + HEADER + row * (rowH + GAP);
  const colLeft = (col: number) => left + col * (pitch + GAP);
  return {
    width,
    height,
    frameW,
    frameH,
    heading: (row) => ({ x: left, y: rowTop(row), w: contentW - 2 * (left - MARGIN), h: HEADING }),
    frame: (row, col) => ({ x: colLeft(col), y: rowTop(row) + HEADING, w: frameW, h: frameH }),
    text: (row, col) =>
      under
        ? { x: colLeft(col), y: rowTop(row) + HEADING + frameH + TEXT_PAD, w: frameW, h: cellH - frameH - TEXT_PAD }
        : { x: colLeft(col) + frameW + GAP, y: rowTop(row) + HEADING, w: colW - frameW - GAP, h: cellH },
  };
}

export interface Row<P> {
  /** Index of the scene in the input. */
  scene: number;
  /** The scene's first row (its heading), or a later one. */
  first: boolean;
  panels: P[];
}

/**
 * Scenes into pages of rows. A scene starts a new row under its heading, not a new page: short
 * films have many scenes of a few shots, and a page per scene would leave most pages half empty,
 * while a row keeps a scene's panels together right under its heading. A page that opens in the
 * middle of a scene repeats the heading (the drawing marks it continued), so any page read alone
 * says where it is.
 */
export function paginate<P>(scenes: ReadonlyArray<{ panels: readonly P[] }>, layout: Pick<StoryboardLayout, 'cols' | 'rows'>): Row<P>[][] {
  const rows: Row<P>[] = [];
  scenes.forEach((scene, i) => {
    for (let at = 0; at < scene.panels.length; at += layout.cols) rows.push({ scene: i, first: at === 0, panels: scene.panels.slice(at, at + layout.cols) });
  });
  const pages: Row<P>[][] = [];
  for (let at = 0; at < rows.length; at += layout.rows) pages.push(rows.slice(at, at + layout.rows));
  return pages;
}
