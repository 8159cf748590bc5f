// The sound lanes' mix (mute, solo, level per lane), remembered per machine like the panel sizes:
// it is how this person listens, not part of the film. Also whether the lanes are shown (folded,
// the player's picture gets their height) and which music bed is picked.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { DEFAULT_LANE, LANES, LEVEL_MAX_DB, LEVEL_MIN_DB, type Lane, type LaneMix } from './mix';

interface SoundUiState {
  mix: Record<Lane, LaneMix>;
  setLane: (lane: Lane, patch: Partial<LaneMix>) => void;
  lanesShown: boolean;
  showLanes: (shown: boolean) => void;
  /** The music bed whose settings are open (null: none). */
  picked: string | null;
  pick: (id: string | null) => void;
}

const DEFAULT_MIX = Object.fromEntries(LANES.map((l) => [l, DEFAULT_LANE])) as Record<Lane, LaneMix>;

function clean(value: unknown): LaneMix {
  const v = (value ?? {}) as Partial<LaneMix>;
  const level = typeof v.levelDb === 'number' && Number.isFinite(v.levelDb) ? v.levelDb : 0;
  return { muted: v.muted === true, solo: v.solo === true, levelDb: Math.min(LEVEL_MAX_DB, Math.max(LEVEL_MIN_DB, level)) };
}

export const useSoundUi = create<SoundUiState>()(
  persist(
    (set) => ({
      mix: DEFAULT_MIX,
      setLane: (lane, patch) => set((s) => ({ mix: { ...s.mix, [lane]: clean({ ...s.mix[lane], ...patch }) } })),
      lanesShown: true,
      showLanes: (lanesShown) => set({ lanesShown }),
      picked: null,
      pick: (picked) => set({ picked }),
    }),
    {
      name: 'shotline.sound.v1',
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ mix: s.mix, lanesShown: s.lanesShown }),
      merge: (persisted, current) => {
        const saved = persisted as Partial<SoundUiState> | undefined;
        const p = (saved?.mix ?? {}) as Partial<Record<Lane, unknown>>;
        return {
          ...current,
          mix: Object.fromEntries(LANES.map((l) => [l, clean(p[l])])) as Record<Lane, LaneMix>,
          lanesShown: saved?.lanesShown !== false,
        };
      },
    },
  ),
);
