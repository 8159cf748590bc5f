// Panel sizes, remembered per machine in localStorage.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export interface PanelSizes {
  /** Library column width. */
  left: number;
  /** Inspector column width. */
  right: number;
  /** Player height above the timeline. */
  player: number;
  /** Cost panel height at the bottom of the left column. */
  cost: number;
}

export const PANEL_LIMITS: Record<keyof PanelSizes, { min: number; max: number }> = {
  left: { min: 200, max: 560 },
  right: { min: 300, max: 640 },
  player: { min: 120, max: 640 },
  cost: { min: 140, max: 900 },
};

export const DEFAULT_SIZES: PanelSizes = { left: 290, right: 390, player: 340, cost: 420 };

interface LayoutState {
  sizes: PanelSizes;
  setSize: (key: keyof PanelSizes, value: number) => void;
  reset: () => void;
}

export function clampSize(key: keyof PanelSizes, value: number): number {
  const { min, max } = PANEL_LIMITS[key];
  return Math.round(Math.min(max, Math.max(min, value)));
}

export const useLayout = create<LayoutState>()(
  persist(
    (set) => ({
      sizes: DEFAULT_SIZES,
      setSize: (key, value) => set((s) => ({ sizes: { ...s.sizes, [key]: clampSize(key, value) } })),
      reset: () => set({ sizes: DEFAULT_SIZES }),
    }),
    {
      name: 'shotline.layout.v1',
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ sizes: s.sizes }),
      merge: (persisted, current) => {
        const saved = (persisted as Partial<LayoutState> | undefined)?.sizes ?? {};
        return { ...current, sizes: { ...DEFAULT_SIZES, ...saved } };
      },
    },
  ),
);
