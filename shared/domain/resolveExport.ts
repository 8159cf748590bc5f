// The choices and reports of "Export: DaVinci Resolve…" as the contract carries them. The
// writers' own model is cut.ts; this is what the dialog, the CLI and the core say to each other.
import type { CutDiff } from './cut';

/**
 * Media formats of the export. H.264 in MP4 is small and what Resolve on macOS and Windows reads;
 * DNxHR HQ and ProRes 422 in MOV with PCM audio are for Resolve's free edition on Linux, which
 * decodes neither H.264 nor AAC (docs/resolve.md, Conformed clips).
 */
export const MEDIA_FORMATS = ['h264', 'dnxhr', 'prores'] as const;
export type MediaFormat = (typeof MEDIA_FORMATS)[number];

export const MEDIA_FORMAT_LABELS: Record<MediaFormat, string> = {
  h264: 'H.264 (MP4) — small, macOS and Windows',
  dnxhr: 'DNxHR HQ (MOV, PCM audio) — Resolve on Linux',
  prores: 'ProRes 422 (MOV, PCM audio) — Resolve on Linux, Mac editors',
};

/** How a take of another shape fills the frame: whole picture with bars, or filled and cropped. Never stretched. */
export const FRAME_FITS = ['letterbox', 'crop'] as const;
export type FrameFit = (typeof FRAME_FITS)[number];

export const FRAME_FIT_LABELS: Record<FrameFit, string> = {
  letterbox: 'Letter/pillar-box (whole picture)',
  crop: 'Crop to fill',
};

/** Error code of `export.resolve` when the folder exists and `replace` was not set: ask, then retry with replace. */
export const EXPORT_EXISTS = 'export-exists';

export type ResolveExportStep = 'prepare' | 'media' | 'timelines' | 'metadata' | 'storyboard' | 'manifest' | 'finish';

export const EXPORT_STEP_LABELS: Record<ResolveExportStep, string> = {
  prepare: 'Reading takes',
  media: 'Writing media',
  timelines: 'Writing timelines',
  metadata: 'Writing metadata',
  storyboard: 'Drawing the storyboard',
  manifest: 'Checksumming',
  finish: 'Finishing',
};

export interface ResolveExportProgress {
  exportId: string;
  step: ResolveExportStep;
  /** What is being done, for people: "Media/SC01_SH010_T02_runway.mp4 (conform)". */
  detail: string;
  /** 0–1 over the whole export. */
  fraction: number;
}

export interface ResolveExportSummary {
  /** The finished folder, `OUT/<Title>_Resolve`. */
  folder: string;
  fcpxml: string;
  shots: number;
  /** Shots whose selected (or newest) take is in Media/. */
  takes: number;
  placeholders: number;
  alternates: number;
  /** Media files stream-copied because they already conformed, and those re-encoded. */
  copied: number;
  encoded: number;
  width: number;
  height: number;
  warnings: string[];
}

export interface ResolveExportInfo {
  width: number;
  height: number;
  fps: number;
  /** Where the dialog proposes to export: the folder that holds the project. */
  defaultOutDir: string;
  /** `<Title>_Resolve`: what is created inside the chosen folder. */
  folderName: string;
}

/** What `cut.importPreview` found in a timeline exported back from Resolve. */
export interface CutImportPreview {
  file: string;
  /** Clips on the edit's main track. */
  clips: number;
  diff: CutDiff;
  /** True when applying would change nothing. */
  unchanged: boolean;
}

/** What `cut.importApply` changed, as one undoable step. */
export interface CutImportResult {
  /** Shots that changed place among the others (CutDiff.reordered). */
  moved: number;
  /** Shots whose planned duration changed. */
  durations: number;
  /** Shots the edit no longer has: kept, reported, deleted only if the user then asks. */
  removed: Array<{ shotId: string; label: string }>;
}
