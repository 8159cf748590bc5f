// Panel sizes, the centre view (timeline or board) and the board's density, remembered per
// machine in localStorage.
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

/** What the centre column shows under the player: the timeline of cards, or the board of frames. */
export type MainView = 'timeline' | 'board';
export const BOARD_DENSITIES = ['S', 'M', 'L'] as const;
export type BoardDensity = (typeof BOARD_DENSITIES)[number];

interface LayoutState {
  sizes: PanelSizes;
  setSize: (key: keyof PanelSizes, value: number) => void;
  reset: () => void;
  view: MainView;
  setView: (view: MainView) => void;
  boardDensity: BoardDensity;
  setBoardDensity: (density: BoardDensity) => void;
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
      view: 'timeline',
      setView: (view) => set({ view }),
      boardDensity: 'M',
      setBoardDensity: (boardDensity) => set({ boardDensity }),
    }),
    {
      name: 'shotline.layout.v1',
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ sizes: s.sizes, view: s.view, boardDensity: s.boardDensity }),
      merge: (persisted, current) => {
        const p = (persisted as Partial<LayoutState> | undefined) ?? {};
        return {
          ...current,
          sizes: { ...DEFAULT_SIZES, ...p.sizes },
          view: p.view === 'board' ? 'board' : 'timeline',
          boardDensity: BOARD_DENSITIES.includes(p.boardDensity as BoardDensity) ? (p.boardDensity as BoardDensity) : current.boardDensity,
        };
      },
    },
  ),
);
