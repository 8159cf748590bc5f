// The script import dialog: open or not, and the file a drop handed it (UI state only).
import { create } from 'zustand';

interface ScriptImportState {
  open: boolean;
  /** A file dropped on the timeline; null when the dialog was opened from the menu. */
  dropped: File | null;
  show: (dropped?: File | null) => void;
  close: () => void;
}

export const useScriptImport = create<ScriptImportState>()((set) => ({
  open: false,
  dropped: null,
  show: (dropped = null) => set({ open: true, dropped }),
  close: () => set({ open: false, dropped: null }),
}));

/** Names a drop on the timeline is taken as a script or shot list for. */
export const SCRIPT_FILE = /\.(fountain|spmd|fdx|txt|csv|json)$/i;
