// UI state only (never data from the core): selection, zoom, which panel or dialog is open.
import { create } from 'zustand';
import { EMPTY_SELECTION, type Selection } from '../lib/selection';

export type ProjectDialog = 'new' | 'open' | null;

/** A button on a toast: the one thing to do next ("Renumber", "Undo"). */
export interface ToastAction {
  label: string;
  run: () => void;
}

export interface Toast {
  id: number;
  kind: 'error' | 'info';
  message: string;
  action?: ToastAction;
}

interface UiState {
  selection: Selection;
  setSelection: (sel: Selection) => void;
  /** The scene Add shot targets when no shot is focused (a new, empty scene). */
  activeSceneId: string | null;
  setActiveScene: (id: string | null) => void;
  zoom: number;
  setZoom: (zoom: number) => void;
  shortcutsOpen: boolean;
  setShortcutsOpen: (open: boolean) => void;
  projectDialog: ProjectDialog;
  setProjectDialog: (d: ProjectDialog) => void;
  /** Bumped to ask the timeline to take keyboard focus (after add, undo, a dialog closing). */
  focusTimelineTick: number;
  focusTimeline: () => void;
  toasts: Toast[];
  notify: (kind: Toast['kind'], message: string, action?: ToastAction) => void;
  dismiss: (id: number) => void;
}

let toastSeq = 0;

export const ZOOM_MIN = 0.6;
export const ZOOM_MAX = 2;

export const useUi = create<UiState>()((set) => ({
  selection: EMPTY_SELECTION,
  setSelection: (selection) => set({ selection }),
  activeSceneId: null,
  setActiveScene: (activeSceneId) => set({ activeSceneId }),
  zoom: 1,
  setZoom: (zoom) => set({ zoom: Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, Math.round(zoom * 100) / 100)) }),
  shortcutsOpen: false,
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  projectDialog: null,
  setProjectDialog: (projectDialog) => set({ projectDialog }),
  focusTimelineTick: 0,
  focusTimeline: () => set((s) => ({ focusTimelineTick: s.focusTimelineTick + 1 })),
  toasts: [],
  notify: (kind, message, action) => set((s) => ({ toasts: [...s.toasts.slice(-3), { id: ++toastSeq, kind, message, action }] })),
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));
