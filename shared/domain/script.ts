// What a screenplay or shot-list import will do, as the preview shows it and the CLI prints it.
import { plural } from './words';

/** Shots per action paragraph and dialogue exchange (default), or one per scene. */
export const GRANULARITIES = ['paragraph', 'scene'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export interface ScriptPreview {
  format: 'fountain' | 'fdx' | 'json' | 'csv';
  title: string | null;
  /** `change` against an earlier import of the same script; absent on a first import. */
  scenes: Array<{ heading: string; shots: number; location: string | null; change?: 'added' | 'removed' | 'changed' | 'moved' | 'same' }>;
  shots: number;
  /** Speakers (ticked by default) and names only seen in capitals in action (unticked). */
  characters: Array<{ name: string; tag: string; speaks: boolean; lines: number; matched: boolean }>;
  locations: Array<{ name: string; tag: string; matched: boolean }>;
  dialogueLines: number;
  runningTimeS: number;
  /** Rewritten shots whose length counts their lines' recorded audio, not the words' estimate. */
  measuredShots: number;
  /** One take of each shot the import makes or rewrites, on its tool (`costedShots` of them). */
  costUsd: number;
  /** Every shot of a first import; of a revision, only those it adds or rewrites: unchanged shots and shots kept for their takes cost nothing new. */
  costedShots: number;
  /** Into a project an earlier draft came into: scenes by what happens to them, and shots kept only for their takes. */
  revision: { added: number; removed: number; changed: number; moved: number; same: number; keptWithTakes: number } | null;
}

export interface ScriptImportResult {
  scenes: number;
  shots: number;
  /** Tags of library items made, and of existing items matched by name. */
  created: string[];
  matched: string[];
}

/** "estimated $4.20", and into an earlier draft's project which shots that counts: the preview's and the CLI's words. */
export function importCostText(p: Pick<ScriptPreview, 'costUsd' | 'costedShots' | 'revision'>, usd: (n: number) => string): string {
  return `estimated ${usd(p.costUsd)}${p.revision ? ` for ${plural(p.costedShots, 'new or rewritten shot')}` : ''}`;
}
