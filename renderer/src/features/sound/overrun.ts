// How the card and the inspector say a shot's dialogue does not fit it, and which tools can be
// asked for a take's own sound.
import { getModel } from '../../../../shared/catalog';
import type { ToolId } from '../../../../shared/domain/types';

/** Seconds as the overrun reads them: one decimal ("1.4 s"), whole numbers bare ("5 s"). */
export function secondsText(s: number): string {
  const r = Math.round(s * 10) / 10;
  return `${Number.isInteger(r) ? r.toFixed(0) : r.toFixed(1)} s`;
}

/** An overrun never reads as "0 s": anything past the shot is at least a tenth. */
const overrunSeconds = (s: number) => secondsText(Math.max(0.1, s));

/** "dialogue runs 1.4 s past the shot". */
export function overrunText(overrunS: number): string {
  return `dialogue runs ${overrunSeconds(overrunS)} past the shot`;
}

/** The card's flag: "+1.4 s". */
export function overrunFlag(overrunS: number): string {
  return `+${overrunSeconds(overrunS)}`;
}

/** Tools that make a take's own sound only when asked (and charge for it), as the catalog says: Kling 2.6. */
export function offersSound(tool: ToolId): boolean {
  return !!getModel(tool)?.soundOption;
}
