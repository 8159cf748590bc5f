// Pure reordering rules shared by the core (which persists positions) and the renderer
// (which predicts drop targets). Positions are dense 0..n-1 after every move.

/** Moves `moving` (in their current order) so the first lands at `toIndex` of the rest. */
export function moveItems<T>(list: readonly T[], moving: ReadonlySet<T>, toIndex: number): T[] {
  const kept = list.filter((x) => !moving.has(x));
  const moved = list.filter((x) => moving.has(x));
  const at = Math.max(0, Math.min(toIndex, kept.length));
  return [...kept.slice(0, at), ...moved, ...kept.slice(at)];
}
