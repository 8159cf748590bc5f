// Slot edits as pure functions over the shot's current refs, producing the `refs.set` input.
import type { ShotRef } from '../../../../shared/domain/library';

export type SlotValue = { itemId: string; imageId?: string } | { imageId: string };

export function toInput(refs: readonly ShotRef[]): SlotValue[] {
  return refs.map((r) => (r.itemId ? { itemId: r.itemId, imageId: r.imageId } : { imageId: r.imageId }));
}

const key = (v: SlotValue) => ('itemId' in v ? `i:${v.itemId}` : `m:${v.imageId}`);

/**
 * Puts `value` in slot `at`: replaces what is there, or appends past the end. A reference that
 * is already in another slot swaps places with it rather than appearing twice.
 */
export function placeIn(refs: readonly ShotRef[], at: number, value: SlotValue): SlotValue[] {
  const list = toInput(refs);
  const from = list.findIndex((v) => key(v) === key(value));
  if (at >= list.length) {
    if (from >= 0) list.splice(from, 1);
    return [...list, value];
  }
  if (from >= 0) {
    [list[from], list[at]] = [list[at]!, list[from]!];
    return list;
  }
  list[at] = value;
  return list;
}

/** How a slot's reference is named to the user: its @tag, or the loose image's file name. */
export function refName(ref: Pick<ShotRef, 'tag' | 'name'>): string {
  return ref.tag ? `@${ref.tag}` : ref.name;
}

/** The reference `placeIn` would take out of the shot, or null (an empty slot, or a swap). */
export function displaced(refs: readonly ShotRef[], at: number, value: SlotValue): ShotRef | null {
  const old = refs[at];
  if (!old) return null;
  return toInput(refs).some((v) => key(v) === key(value)) ? null : old;
}

/** Said after a drop took a slot's place, so a reference is never replaced silently. */
export function replacedNote(slot: number, was: string, now: string): string {
  return `Replaced ${was} with ${now} in slot ${slot + 1} — Ctrl+Z to undo`;
}

export function clearSlot(refs: readonly ShotRef[], at: number): SlotValue[] {
  return toInput(refs).filter((_, i) => i !== at);
}

export function moveSlot(refs: readonly ShotRef[], from: number, to: number): SlotValue[] {
  const list = toInput(refs);
  const [moved] = list.splice(from, 1);
  if (moved) list.splice(Math.max(0, Math.min(to, list.length)), 0, moved);
  return list;
}
