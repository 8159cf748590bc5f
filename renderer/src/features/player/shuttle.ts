// J/K/L shuttle as editors know it: L plays forward and each further L doubles the speed, J does
// the same backwards, K stops. Holding K turns J and L into single-frame steps. Space toggles
// play at normal speed. A pure state machine: the engine applies the rate it returns.

export const MAX_SHUTTLE = 8;

export type TransportKey = 'J' | 'K' | 'L' | 'Space';

export interface ShuttleResult {
  /** Playback rate: 0 stopped, ±1 normal, ±2, ±4, ±8. */
  rate: number;
  /** A single frame to step (K held with J or L), applied with the rate at 0. */
  step: -1 | 0 | 1;
}

export function shuttle(rate: number, key: TransportKey, kHeld = false): ShuttleResult {
  switch (key) {
    case 'K':
      return { rate: 0, step: 0 };
    case 'Space':
      return { rate: rate === 0 ? 1 : 0, step: 0 };
    case 'L':
      if (kHeld) return { rate: 0, step: 1 };
      return { rate: rate <= 0 ? 1 : Math.min(rate * 2, MAX_SHUTTLE), step: 0 };
    case 'J':
      if (kHeld) return { rate: 0, step: -1 };
      return { rate: rate >= 0 ? -1 : Math.max(rate * 2, -MAX_SHUTTLE), step: 0 };
  }
}

/** How a rate reads next to the timecode: "", "2×", "◀ 1×". */
export function rateLabel(rate: number): string {
  if (rate === 0 || rate === 1) return '';
  return rate < 0 ? `◀ ${-rate}×` : `${rate}×`;
}
