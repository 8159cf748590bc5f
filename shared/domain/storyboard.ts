// The storyboard PDF on its own, as the contract, the dialog and the CLI speak of it.

/** Panels a page: two or three large ones to draw over and annotate, six to read the film at a glance. */
export const PANELS_PER_PAGE = [2, 3, 6] as const;
export type PanelsPerPage = (typeof PANELS_PER_PAGE)[number];

export const PAPER_SIZES = ['A4', 'LETTER'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export interface StoryboardSummary {
  /** The PDF written. */
  path: string;
  /** Every page of the file, the cover included. */
  pages: number;
  shots: number;
}
