// Selection maths for the timeline: plain functions over the shot order so keyboard, mouse
// and commands agree, and so they can be unit-tested without a DOM.

export interface Selection {
  /** Selected shot ids, kept in timeline order. */
  ids: string[];
  /** Where a Shift-range starts. */
  anchor: string | null;
  /** The shot the inspector shows and the keyboard acts from. */
  focus: string | null;
}

export const EMPTY_SELECTION: Selection = { ids: [], anchor: null, focus: null };

function inOrder(order: readonly string[], ids: Iterable<string>): string[] {
  const set = new Set(ids);
  return order.filter((id) => set.has(id));
}

function range(order: readonly string[], a: string, b: string): string[] {
  const i = order.indexOf(a);
  const j = order.indexOf(b);
  if (i < 0 || j < 0) return [b];
  return order.slice(Math.min(i, j), Math.max(i, j) + 1);
}

export function single(id: string): Selection {
  return { ids: [id], anchor: id, focus: id };
}

/** A click: plain selects one, `toggle` (Ctrl/Cmd) adds or removes, `range` (Shift) extends from the anchor. */
export function clickSelect(sel: Selection, id: string, mods: { toggle?: boolean; range?: boolean }, order: readonly string[]): Selection {
  if (mods.range && sel.anchor && order.includes(sel.anchor)) {
    const span = range(order, sel.anchor, id);
    const ids = mods.toggle ? inOrder(order, [...sel.ids, ...span]) : span;
    return { ids, anchor: sel.anchor, focus: id };
  }
  if (mods.toggle) {
    const has = sel.ids.includes(id);
    const ids = has ? sel.ids.filter((x) => x !== id) : inOrder(order, [...sel.ids, id]);
    return { ids, anchor: id, focus: has ? (ids[ids.length - 1] ?? id) : id };
  }
  return single(id);
}

/** Keyboard focus move: plain moves select the target; `extend` (Shift) grows the range from the anchor. */
export function moveFocusTo(sel: Selection, target: string, extend: boolean, order: readonly string[]): Selection {
  if (!extend) return single(target);
  const anchor = sel.anchor && order.includes(sel.anchor) ? sel.anchor : (sel.focus ?? target);
  return { ids: range(order, anchor, target), anchor, focus: target };
}

export function selectAll(order: readonly string[], focus: string | null): Selection {
  const f = focus && order.includes(focus) ? focus : (order[0] ?? null);
  return { ids: [...order], anchor: order[0] ?? null, focus: f };
}

/** Toggles the focused shot in or out of the selection (Space). */
export function toggleFocused(sel: Selection, order: readonly string[]): Selection {
  if (!sel.focus) return sel;
  const has = sel.ids.includes(sel.focus);
  const ids = has ? sel.ids.filter((x) => x !== sel.focus) : inOrder(order, [...sel.ids, sel.focus]);
  return { ...sel, ids, anchor: sel.focus };
}

/** Drops ids that no longer exist (after undo, delete, another window's edit). */
export function pruneSelection(sel: Selection, order: readonly string[]): Selection {
  const present = new Set(order);
  const ids = sel.ids.filter((id) => present.has(id));
  const focus = sel.focus && present.has(sel.focus) ? sel.focus : (ids[ids.length - 1] ?? null);
  const anchor = sel.anchor && present.has(sel.anchor) ? sel.anchor : focus;
  if (ids.length === sel.ids.length && focus === sel.focus && anchor === sel.anchor) return sel;
  return { ids: inOrder(order, ids), anchor, focus };
}

/** The shot to focus once `removed` are deleted: the next survivor after the focus, else the one before. */
export function focusAfterRemoval(order: readonly string[], removed: readonly string[], focus: string | null): string | null {
  const gone = new Set(removed);
  const start = focus ? order.indexOf(focus) : -1;
  if (start >= 0) {
    for (let i = start; i < order.length; i++) if (!gone.has(order[i]!)) return order[i]!;
    for (let i = start; i >= 0; i--) if (!gone.has(order[i]!)) return order[i]!;
  }
  return order.find((id) => !gone.has(id)) ?? null;
}

/** The ids a command acts on: the selection, else the focused shot. */
export function targets(sel: Selection): string[] {
  if (sel.ids.length) return sel.ids;
  return sel.focus ? [sel.focus] : [];
}
