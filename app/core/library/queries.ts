// Reads that put the library together for the UI and the CLI: items with their images and
// where they are used, and each shot's slots and keyframes.
import type { ItemUse, Keyframe, LibraryImage, LibraryItem, ShotRef, ShotRefs } from '../../../shared/domain/library';
import { shotTags } from '../../../shared/domain/tags';
import type { LibraryCtx } from './ops';

export interface LibraryListing {
  items: LibraryItem[];
  /** Images in no item: dropped straight onto a slot or a keyframe. */
  loose: LibraryImage[];
}

export function listLibrary(ctx: LibraryCtx): LibraryListing {
  const images = ctx.lib.images();
  const byItem = new Map<string, LibraryImage[]>();
  const loose: LibraryImage[] = [];
  for (const img of images) {
    if (img.itemId) byItem.set(img.itemId, [...(byItem.get(img.itemId) ?? []), img]);
    else loose.push(img);
  }
  const uses = usage(ctx);
  const items = ctx.lib.items().map((row) => ({
    ...row,
    images: byItem.get(row.id) ?? [],
    usedBy: uses.get(row.id) ?? [],
  }));
  return { items, loose };
}

/** Item id → its uses, in timeline order: slots, keyframes, and @mentions in the prompt. */
export function usage(ctx: LibraryCtx): Map<string, ItemUse[]> {
  const shots = ctx.timeline.shots();
  const tagToItem = new Map(ctx.lib.items().map((i) => [i.tag.toLowerCase(), i.id]));
  const refs = ctx.lib.refs();
  const keyframes = ctx.lib.keyframes();
  const out = new Map<string, ItemUse[]>();
  const add = (itemId: string, use: ItemUse) => {
    const list = out.get(itemId) ?? [];
    if (!list.some((u) => u.shotId === use.shotId && u.as === use.as)) list.push(use);
    out.set(itemId, list);
  };
  for (const shot of shots) {
    const base = { shotId: shot.id, label: shot.label };
    for (const r of refs) if (r.shotId === shot.id && r.itemId) add(r.itemId, { ...base, as: 'ref' });
    for (const k of keyframes) if (k.shotId === shot.id && k.itemId) add(k.itemId, { ...base, as: k.which });
    for (const tag of shotTags(shot)) {
      const itemId = tagToItem.get(tag.toLowerCase());
      if (itemId) add(itemId, { ...base, as: 'prompt' });
    }
  }
  return out;
}

/** Shot labels that use the item, once each, in timeline order. */
export function usedByLabels(uses: readonly ItemUse[]): string[] {
  return [...new Set(uses.map((u) => u.label))];
}

/** Slots and keyframes of every shot that has any. */
export function allShotRefs(ctx: LibraryCtx): Record<string, ShotRefs> {
  const images = new Map(ctx.lib.images().map((i) => [i.id, i]));
  const items = new Map(ctx.lib.items().map((i) => [i.id, i]));
  const out: Record<string, ShotRefs> = {};
  const entry = (shotId: string) => (out[shotId] ??= { shotId, refs: [], start: null, end: null });
  for (const r of ctx.lib.refs()) {
    const image = images.get(r.imageId);
    if (!image) continue;
    const item = r.itemId ? items.get(r.itemId) : undefined;
    const ref: ShotRef = {
      slot: r.slot,
      itemId: r.itemId,
      imageId: r.imageId,
      tag: item?.tag ?? null,
      name: item?.name ?? image.name,
      thumbSha256: image.thumbSha256,
    };
    entry(r.shotId).refs.push(ref);
  }
  for (const k of ctx.lib.keyframes()) {
    const image = images.get(k.imageId);
    if (!image) continue;
    const kf: Keyframe = {
      which: k.which,
      imageId: k.imageId,
      itemId: k.itemId,
      source: k.source,
      thumbSha256: image.thumbSha256,
      width: image.width,
      height: image.height,
    };
    entry(k.shotId)[k.which] = kf;
  }
  for (const e of Object.values(out)) e.refs.sort((a, b) => a.slot - b.slot);
  return out;
}

export function shotRefs(ctx: LibraryCtx, shotId: string): ShotRefs {
  return allShotRefs(ctx)[shotId] ?? { shotId, refs: [], start: null, end: null };
}
