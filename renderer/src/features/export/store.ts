// Which export dialog is open: UI state only (the core holds every result).
import { create } from 'zustand';

export type ExportDialog = 'resolve' | 'shotList' | 'storyboard' | 'importCut' | null;

export const useExportDialog = create<{ open: ExportDialog; setOpen: (d: ExportDialog) => void }>()((set) => ({
  open: null,
  setOpen: (open) => set({ open }),
}));
