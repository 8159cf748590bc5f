// The fast half of an import: one synchronous step (run inside an undoable edit) that records
// the prepared files and puts them where the user dropped them.
import { randomUUID } from 'node:crypto';
import type { ImportSummary, ImportTarget } from '../../../shared/domain/library';
import type { ItemRow } from '../db/repos/libraryRepo';
import type { MediaStore } from '../media/store';
import { UserError } from '../errors';
import { guessKind, tagFromName } from './guess';
import { createItem, itemOrThrow, setKeyframe, shotOrThrow, slotCount, tooManyRefs, type LibraryCtx } from './ops';
import type { PreparedImage, Refusal } from './prepare';

/** "mara_front-2.png" → "Mara front 2" */
export function nameFromFile(file: string): string {
  const base = file
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .replace(/[_\-.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return base ? base.charAt(0).toUpperCase() + base.slice(1) : 'Untitled';
}

/**
 * Where a slot drop puts its files: onto the slot dropped on, taking the place of its reference
 * (as a library item dropped there does), or after the last filled slot. `room` is how many files fit.
 */
export function slotDrop(ctx: LibraryCtx, target: { shotId: string; slot?: number }) {
  const shot = shotOrThrow(ctx, target.shotId);
  const filled = ctx.lib.refsOf(shot.id).length;
  const at = Math.min(target.slot ?? filled, filled);
  const replaces = at < filled;
  return { shot, filled, at, replaces, room: Math.max(0, slotCount(shot) - filled) + (replaces ? 1 : 0) };
}

/** Refusals for files beyond what the target can hold; the caller prepares only the rest. */
export function overCapacity(ctx: LibraryCtx, target: ImportTarget, names: string[]): { keep: number; refused: Refusal[] } {
  let keep = names.length;
  let reason = '';
  if (target.to === 'slot') {
    const drop = slotDrop(ctx, target);
    keep = drop.room;
    reason = tooManyRefs(drop.shot, drop.filled + names.length - (drop.replaces ? 1 : 0));
  } else if (target.to === 'keyframe') {
    keep = 1;
    reason = 'a keyframe holds one image; this one was not used.';
  }
  return { keep, refused: names.slice(keep).map((name) => ({ name, reason })) };
}

/** How a slot's reference is named to the user: its item's @tag, or the loose image's file name. */
function refName(ctx: LibraryCtx, ref: { itemId: string | null; imageId: string }): string {
  const tag = ref.itemId ? ctx.lib.item(ref.itemId)?.tag : undefined;
  return tag ? `@${tag}` : (ctx.lib.image(ref.imageId)?.name ?? 'an image');
}

function record(store: MediaStore, p: PreparedImage) {
  store.record(p.original, { kind: 'image', mime: p.original.mime, width: p.width, height: p.height, originalName: p.name });
  store.record(p.working, { kind: 'image', mime: p.working.mime, width: p.width, height: p.height, originalName: p.name });
  store.record(p.thumb, { kind: 'image', mime: p.thumb.mime, originalName: p.name });
}

/** Besides the drop targets: loose images in the library, in no item (a frame grabbed from a take). */
export type CommitTarget = ImportTarget | { to: 'loose' };

export function commitImport(ctx: LibraryCtx, store: MediaStore, prepared: PreparedImage[], target: CommitTarget, refused: Refusal[]): ImportSummary {
  const summary: ImportSummary = { added: [], skipped: [], refused: [...refused], itemsCreated: [] };
  if (prepared.length === 0) return summary;

  /** Adds the image to an item (or as a loose image when `item` is null); returns its id. */
  const addImage = (p: PreparedImage, item: ItemRow | null): string | null => {
    const existing = ctx.lib.findImage(item?.id ?? null, p.original.sha256);
    if (existing) {
      if (item) {
        summary.skipped.push({ name: p.name, reason: `already in @${item.tag} (as ${existing.name}).` });
        return null;
      }
      // A loose image dropped again is reused, not copied.
      summary.added.push({ name: p.name, imageId: existing.id, itemId: null, tag: null, width: p.width, height: p.height, stored: 'existing' });
      return existing.id;
    }
    record(store, p);
    const siblings = item ? ctx.lib.imagesOf(item.id) : [];
    const id = randomUUID();
    ctx.lib.insertImage({
      id,
      itemId: item?.id ?? null,
      name: p.name,
      position: siblings.length,
      primary: !!item && !siblings.some((s) => s.primary),
      sha256: p.original.sha256,
      imageSha256: p.working.sha256,
      thumbSha256: p.thumb.sha256,
      format: p.format,
      width: p.width,
      height: p.height,
      hasAlpha: p.hasAlpha,
    });
    summary.added.push({
      name: p.name,
      imageId: id,
      itemId: item?.id ?? null,
      tag: item?.tag ?? null,
      width: p.width,
      height: p.height,
      stored: p.storedBefore ? 'existing' : 'new',
    });
    return id;
  };

  const newItem = (input: Parameters<typeof createItem>[1]) => {
    const item = createItem(ctx, input);
    summary.itemsCreated.push({ id: item.id, tag: item.tag, name: item.name });
    return item;
  };

  switch (target.to) {
    case 'items': {
      const groups = new Map<string, PreparedImage[]>();
      for (const p of prepared) groups.set(p.group ?? p.name, [...(groups.get(p.group ?? p.name) ?? []), p]);
      for (const [key, files] of groups) {
        const first = files[0]!;
        const kind = target.kind ?? guessKind([first.group, first.folder, ...files.map((f) => f.name)]);
        const item = newItem({ kind, name: first.group ?? nameFromFile(key), tag: tagFromName(key, kind, ctx.lib.tags()) });
        for (const p of files) addImage(p, item);
      }
      break;
    }
    case 'item': {
      const existing = target.tag ? ctx.lib.itemByTag(target.tag.replace(/^@/, '')) : undefined;
      const item = existing ?? newItem({ kind: target.kind, name: target.name, tag: target.tag, notes: target.notes });
      for (const p of prepared) addImage(p, item);
      break;
    }
    case 'existing': {
      const item = itemOrThrow(ctx, target.itemId);
      for (const p of prepared) addImage(p, item);
      break;
    }
    case 'slot': {
      const { shot, filled, at, replaces } = slotDrop(ctx, target);
      const refs = ctx.lib.refsOf(shot.id).map((r) => ({ itemId: r.itemId, imageId: r.imageId }));
      const placed: { name: string; imageId: string }[] = [];
      for (const p of prepared) {
        const imageId = addImage(p, null);
        if (imageId && ![...refs, ...placed].some((r) => r.imageId === imageId)) placed.push({ name: p.name, imageId });
      }
      const old = replaces && placed[0] ? refs[at]! : null;
      if (old) summary.replaced = { slot: at, was: refName(ctx, old), now: placed[0]!.name };
      refs.splice(at, old ? 1 : 0, ...placed.map(({ imageId }) => ({ itemId: null, imageId })));
      // A shot already over its model's limit (the model was switched) may keep its count, not grow.
      if (refs.length > slotCount(shot) && refs.length > filled) throw new UserError(tooManyRefs(shot, refs.length));
      ctx.lib.setRefs(shot.id, refs);
      break;
    }
    case 'loose':
      for (const p of prepared) addImage(p, null);
      break;
    case 'keyframe': {
      const imageId = addImage(prepared[0]!, null);
      if (imageId) setKeyframe(ctx, target.shotId, target.which, { imageId, source: target.source ?? prepared[0]!.name });
      break;
    }
  }
  return summary;
}
