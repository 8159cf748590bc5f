// Which shot the sketch dialog is open on (one at a time); opened from the inspector's keyframes
// and from a board panel's menu.
import { create } from 'zustand';

interface SketchUi {
  shotId: string | null;
  open: (shotId: string) => void;
  close: () => void;
}

export const useSketch = create<SketchUi>()((set) => ({
  shotId: null,
  open: (shotId) => set({ shotId }),
  close: () => set({ shotId: null }),
}));
