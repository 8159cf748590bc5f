// Whether the Versions dialog is open (UI state only; the core holds the versions).
import { create } from 'zustand';

export const useVersionsDialog = create<{ open: boolean; show: () => void; close: () => void }>()((set) => ({
  open: false,
  show: () => set({ open: true }),
  close: () => set({ open: false }),
}));
