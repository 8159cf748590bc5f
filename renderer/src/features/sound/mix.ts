// Mute, solo and level per sound lane, as the gain each lane plays at. As on a mixing desk: with
// any lane soloed only the soloed lanes are heard; a muted lane is never heard, soloed or not.
export const LANES = ['dialogue', 'effects', 'take', 'music'] as const;
export type Lane = (typeof LANES)[number];

export const LANE_NAMES: Record<Lane, string> = { dialogue: 'Dialogue', effects: 'Effects', take: 'Take sound', music: 'Music' };

export interface LaneMix {
  muted: boolean;
  solo: boolean;
  /** Fader level in dB (0: as recorded). */
  levelDb: number;
}

export const LEVEL_MIN_DB = -40;
export const LEVEL_MAX_DB = 6;

export const DEFAULT_LANE: LaneMix = { muted: false, solo: false, levelDb: 0 };

export function dbToGain(db: number): number {
  return 10 ** (db / 20);
}

/** The linear gain each lane plays at (0 when not heard). */
export function laneGains(mix: Record<Lane, LaneMix>): Record<Lane, number> {
  const soloing = LANES.some((l) => mix[l].solo);
  const gain = (l: Lane) => {
    const m = mix[l];
    const heard = !m.muted && (!soloing || m.solo);
    return heard ? dbToGain(m.levelDb) : 0;
  };
  return Object.fromEntries(LANES.map((l) => [l, gain(l)])) as Record<Lane, number>;
}

/** How a level reads beside its fader: "0 dB", "−6 dB", "+3 dB". */
export function levelLabel(db: number): string {
  const r = Math.round(db);
  return r === 0 ? '0 dB' : `${r > 0 ? '+' : '−'}${Math.abs(r)} dB`;
}
