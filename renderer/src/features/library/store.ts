// Library UI state only (never data from the core): the open item, the kind shown, running
// imports and the last import's summary.
import { create } from 'zustand';
import type { ImportProgress, ImportSummary, LibraryKind } from '../../../../shared/domain/library';

export type KindFilter = LibraryKind | 'all';

export interface ImportRun {
  id: string;
  label: string;
  done: number;
  total: number;
  /** Date.now() when it began, for the time left. */
  startedAt: number;
}

export interface FocusTarget {
  imageId: string;
  name: string;
}

interface LibraryUiState {
  kind: KindFilter;
  setKind: (kind: KindFilter) => void;
  openItemId: string | null;
  openItem: (id: string | null) => void;
  runs: ImportRun[];
  start: (run: ImportRun) => void;
  progress: (p: ImportProgress) => void;
  finish: (id: string, label: string, summary: ImportSummary) => void;
  summary: { label: string; summary: ImportSummary } | null;
  dismissSummary: () => void;
  focus: FocusTarget | null;
  editFocus: (target: FocusTarget | null) => void;
  reset: () => void;
}

export const useLibraryUi = create<LibraryUiState>()((set) => ({
  kind: 'all',
  setKind: (kind) => set({ kind }),
  openItemId: null,
  openItem: (openItemId) => set({ openItemId }),
  runs: [],
  start: (run) => set((s) => ({ runs: [...s.runs, run] })),
  progress: (p) =>
    set((s) =>
      s.runs.some((r) => r.id === p.importId)
        ? { runs: s.runs.map((r) => (r.id === p.importId ? { ...r, done: Math.max(r.done, p.done), total: p.total } : r)) }
        : s,
    ),
  finish: (id, label, summary) => set((s) => ({ runs: s.runs.filter((r) => r.id !== id), summary: { label, summary } })),
  summary: null,
  dismissSummary: () => set({ summary: null }),
  focus: null,
  editFocus: (focus) => set({ focus }),
  reset: () => set({ openItemId: null, runs: [], summary: null, focus: null }),
}));
