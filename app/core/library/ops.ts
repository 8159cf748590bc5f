// Library and slot edits as plain synchronous functions over the repos. Callers run them inside
// a transaction: a history step in the app (one undo), a plain transaction in the CLI.
import { randomUUID } from 'node:crypto';
import { parseVoice } from '../../../shared/domain/voice';
import { getModel } from '../../../shared/catalog';
import { fitFocus } from '../../../shared/domain/focus';
import type { FocusRect, KeyframeWhich, LibraryKind } from '../../../shared/domain/library';
import { bareTag, renameTagInShot, suggestTag, tagProblem } from '../../../shared/domain/tags';
import type { AspectRatio, Shot } from '../../../shared/domain/types';
import { type ItemRow, type LibraryRepo } from '../db/repos/libraryRepo';
import type { TimelineRepo } from '../db/repos/timelineRepo';
import type { Project } from '../project/project';
import { UserError } from '../errors';

export interface LibraryCtx {
  lib: LibraryRepo;
  timeline: TimelineRepo;
}

export function libraryCtx(project: Pick<Project, 'library' | 'timeline'>): LibraryCtx {
  return { lib: project.library, timeline: project.timeline };
}

export const KIND_NAMES: Record<LibraryKind, string> = { character: 'character', location: 'location', prop: 'prop', style: 'style' };

export function itemOrThrow(ctx: LibraryCtx, id: string): ItemRow {
  const item = ctx.lib.item(id);
  if (!item) throw new UserError('That library item no longer exists. It may have been deleted; press Ctrl+Z to bring it back.');
  return item;
}

export function shotOrThrow(ctx: LibraryCtx, id: string): Shot {
  const shot = ctx.timeline.shot(id);
  if (!shot) throw new UserError('That shot no longer exists. It may have been deleted; press Ctrl+Z to bring it back.');
  return shot;
}

export function shotByLabel(ctx: LibraryCtx, label: string): Shot {
  const shot = ctx.timeline.shots().find((s) => s.label.toLowerCase() === label.trim().toLowerCase());
  if (!shot) throw new UserError(`There is no shot ${label} in this project. See the labels with: shotline list DIR`);
  return shot;
}

/** The item a "@tag" (or "tag") names. */
export function itemByTag(ctx: LibraryCtx, tag: string): ItemRow {
  const item = ctx.lib.itemByTag(bareTag(tag));
  if (!item) throw new UserError(`No library item is tagged @${bareTag(tag)}. Check the spelling, or add it to the library first.`);
  return item;
}

function checkTag(ctx: LibraryCtx, tag: string, selfId?: string): string {
  const t = bareTag(tag);
  const problem = tagProblem(t);
  if (problem) throw new UserError(`Tag ${problem}`);
  const other = ctx.lib.itemByTag(t);
  if (other && other.id !== selfId) throw new UserError(`@${other.tag} is already the tag of "${other.name}" (${other.kind}). Pick another tag.`);
  return t;
}

/** Only characters speak; the voice must be one of the forms voice.ts reads. */
function checkVoice(item: Pick<ItemRow, 'kind' | 'tag'>, voice: string | null): string | null {
  if (voice === null) return null;
  if (item.kind !== 'character') throw new UserError(`@${item.tag} is a ${KIND_NAMES[item.kind]}; only characters have a voice.`);
  if (!parseVoice(voice)) throw new UserError(`"${voice}" is not a voice. Use local (the free scratch voice), local:<variant> or elevenlabs:<voice id>.`);
  return voice.trim();
}

function checkName(name: string): string {
  const n = name.trim();
  if (!n) throw new UserError('A library item needs a name.');
  if (n.length > 200) throw new UserError('That name is longer than 200 characters. Shorten it.');
  return n;
}

export function createItem(ctx: LibraryCtx, input: { kind: LibraryKind; name: string; tag?: string; notes?: string }): ItemRow {
  const name = checkName(input.name);
  const tag = input.tag?.trim() ? checkTag(ctx, input.tag) : suggestTag(name, ctx.lib.tags());
  const item: ItemRow = { id: randomUUID(), kind: input.kind, name, tag, notes: input.notes ?? '', position: ctx.lib.nextItemPosition(), voice: null };
  ctx.lib.insertItem(item);
  return item;
}

/** Renaming the tag rewrites every @mention in every shot; returns the labels of shots rewritten. */
export function updateItem(
  ctx: LibraryCtx,
  id: string,
  patch: { kind?: LibraryKind; name?: string; tag?: string; notes?: string; voice?: string | null },
): { item: ItemRow; rewritten: string[] } {
  const item = itemOrThrow(ctx, id);
  const next: ItemRow = {
    ...item,
    ...(patch.voice !== undefined ? { voice: checkVoice({ ...item, ...(patch.kind ? { kind: patch.kind } : {}) }, patch.voice) } : {}),
    ...(patch.kind ? { kind: patch.kind } : {}),
    ...(patch.name !== undefined ? { name: checkName(patch.name) } : {}),
    ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
    ...(patch.tag !== undefined ? { tag: checkTag(ctx, patch.tag, id) } : {}),
  };
  ctx.lib.updateItem(next);
  const rewritten: string[] = [];
  if (next.tag !== item.tag) {
    for (const shot of ctx.timeline.shots()) {
      const renamed = renameTagInShot(shot, item.tag, next.tag);
      if (!renamed) continue;
      ctx.timeline.updateShot({ ...shot, action: renamed.action, dialogue: renamed.dialogue, prompt: { ...shot.prompt, ...renamed.prompt } });
      rewritten.push(shot.label);
    }
  }
  return { item: next, rewritten };
}

/** Removes the item, its images, and every slot or keyframe that used them. */
export function deleteItem(ctx: LibraryCtx, id: string) {
  itemOrThrow(ctx, id);
  const images = new Set(ctx.lib.imagesOf(id).map((i) => i.id));
  dropUses(ctx, (r) => r.itemId === id || images.has(r.imageId));
  for (const imageId of images) ctx.lib.deleteImage(imageId);
  ctx.lib.deleteItem(id);
}

/** Removes one image, and its uses; the item's next image becomes primary if it was. */
export function deleteImage(ctx: LibraryCtx, imageId: string) {
  const image = imageOrThrow(ctx, imageId);
  dropUses(ctx, (r) => r.imageId === imageId);
  ctx.lib.deleteImage(imageId);
  if (image.itemId) {
    const rest = ctx.lib.imagesOf(image.itemId);
    rest.forEach((img, i) => ctx.lib.placeImage(img.id, i));
    if (image.primary && rest[0]) ctx.lib.setPrimary(image.itemId, rest[0].id);
  }
}

/** Deletes slots and keyframes matching `drop`, closing the gaps in each shot's slots. */
function dropUses(ctx: LibraryCtx, drop: (r: { itemId: string | null; imageId: string }) => boolean) {
  const byShot = new Map<string, ReturnType<LibraryRepo['refs']>>();
  for (const r of ctx.lib.refs()) byShot.set(r.shotId, [...(byShot.get(r.shotId) ?? []), r]);
  for (const [shotId, refs] of byShot) {
    if (refs.some(drop))
      ctx.lib.setRefs(
        shotId,
        refs.filter((r) => !drop(r)),
      );
  }
  for (const k of ctx.lib.keyframes()) if (drop(k)) ctx.lib.setKeyframe(k.shotId, k.which, null);
}

export function imageOrThrow(ctx: LibraryCtx, id: string) {
  const image = ctx.lib.image(id);
  if (!image) throw new UserError('That image is no longer in the library. It may have been deleted; press Ctrl+Z to bring it back.');
  return image;
}

export function setPrimary(ctx: LibraryCtx, imageId: string) {
  const image = imageOrThrow(ctx, imageId);
  if (!image.itemId) throw new UserError('A loose image belongs to no item, so it cannot be an item’s primary image.');
  ctx.lib.setPrimary(image.itemId, imageId);
}

export function moveImage(ctx: LibraryCtx, imageId: string, toIndex: number) {
  const image = imageOrThrow(ctx, imageId);
  if (!image.itemId) return;
  const others = ctx.lib.imagesOf(image.itemId).filter((i) => i.id !== imageId);
  others.splice(Math.max(0, Math.min(toIndex, others.length)), 0, image);
  others.forEach((img, i) => ctx.lib.placeImage(img.id, i));
}

/** Stores the crop for one ratio (made valid for the image), or clears it back to centred. */
export function setFocus(ctx: LibraryCtx, imageId: string, ratio: AspectRatio, rect: FocusRect | null): FocusRect | null {
  const image = imageOrThrow(ctx, imageId);
  const focus = { ...image.focus };
  const fitted = rect ? fitFocus(rect, image.width, image.height, ratio) : null;
  if (fitted) focus[ratio] = fitted;
  else delete focus[ratio];
  ctx.lib.setFocus(imageId, focus);
  return fitted;
}

export type SlotInput = { itemId: string; imageId?: string } | { imageId: string };

/** How many reference slots the shot's model has, from the catalog. */
export function slotCount(shot: Shot): number {
  return getModel(shot.tool)?.maxRefs ?? 0;
}

export function tooManyRefs(shot: Shot, wanted: number): string {
  const spec = getModel(shot.tool);
  const name = spec?.name ?? shot.tool;
  const max = slotCount(shot);
  if (max === 0) return `${name} takes no reference images. Pick a model that takes references for shot ${shot.label}.`;
  return `${name} takes up to ${max} reference image${max === 1 ? '' : 's'}; shot ${shot.label} would have ${wanted}. Clear a slot first, or pick a model that takes more.`;
}

/**
 * Fills the shot's slots with `refs`, in order. More than the model takes is refused, except
 * that a shot already over (its model was switched) may be reordered or trimmed.
 */
export function setShotRefs(ctx: LibraryCtx, shotId: string, refs: SlotInput[]) {
  const shot = shotOrThrow(ctx, shotId);
  const current = ctx.lib.refsOf(shotId).length;
  if (refs.length > slotCount(shot) && refs.length > current) throw new UserError(tooManyRefs(shot, refs.length));
  const rows = refs.map((r) => {
    if ('itemId' in r) {
      const item = itemOrThrow(ctx, r.itemId);
      const images = ctx.lib.imagesOf(item.id);
      const image = r.imageId ? images.find((i) => i.id === r.imageId) : (images.find((i) => i.primary) ?? images[0]);
      if (!image) throw new UserError(`@${item.tag} has no image yet. Add one to "${item.name}" first.`);
      return { itemId: item.id, imageId: image.id };
    }
    const image = imageOrThrow(ctx, r.imageId);
    return { itemId: image.itemId, imageId: image.id };
  });
  const seen = new Set<string>();
  for (const r of rows) {
    const key = r.itemId ?? r.imageId;
    if (seen.has(key)) {
      const tag = r.itemId ? ctx.lib.item(r.itemId)?.tag : null;
      throw new UserError(`${tag ? `@${tag}` : 'That image'} is in two slots of shot ${shot.label}. Use each reference once.`);
    }
    seen.add(key);
  }
  ctx.lib.setRefs(shotId, rows);
}

export type KeyframeInput = { itemId: string; imageId?: string; source?: string } | { imageId: string; source?: string };

export function setKeyframe(ctx: LibraryCtx, shotId: string, which: KeyframeWhich, input: KeyframeInput | null) {
  const shot = shotOrThrow(ctx, shotId);
  if (!input) return ctx.lib.setKeyframe(shot.id, which, null);
  if ('itemId' in input) {
    const item = itemOrThrow(ctx, input.itemId);
    const images = ctx.lib.imagesOf(item.id);
    const image = input.imageId ? images.find((i) => i.id === input.imageId) : (images.find((i) => i.primary) ?? images[0]);
    if (!image) throw new UserError(`@${item.tag} has no image yet. Add one to "${item.name}" first.`);
    return ctx.lib.setKeyframe(shot.id, which, { imageId: image.id, itemId: item.id, source: input.source ?? `@${item.tag}` });
  }
  const image = imageOrThrow(ctx, input.imageId);
  ctx.lib.setKeyframe(shot.id, which, { imageId: image.id, itemId: image.itemId, source: input.source ?? image.name });
}

/** Gives shot `to` the same slots and keyframes as `from`: a duplicated shot keeps its references. */
export function copyShotImages(ctx: LibraryCtx, from: string, to: string) {
  ctx.lib.setRefs(to, ctx.lib.refsOf(from));
  for (const { which, imageId, itemId, source } of ctx.lib.keyframesOf(from)) ctx.lib.setKeyframe(to, which, { imageId, itemId, source });
}
