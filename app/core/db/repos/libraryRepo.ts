import type { FocusRect, KeyframeWhich, LibraryImage, LibraryKind } from '../../../../shared/domain/library';
import type { AspectRatio } from '../../../../shared/domain/types';
import { perDb, type Db } from '../sqlite';

/** The only module with SQL for library items, their images, shot reference slots and keyframes. */

export interface ItemRow {
  id: string;
  kind: LibraryKind;
  name: string;
  tag: string;
  notes: string;
  position: number;
  /** A character's voice (shared/domain/voice.ts); null until one is picked. */
  voice: string | null;
}

export type NewImage = Omit<LibraryImage, 'primary' | 'focus'> & { primary: boolean };

interface ImageRow {
  id: string;
  item_id: string | null;
  name: string;
  position: number;
  is_primary: number;
  original_sha256: string;
  image_sha256: string;
  thumb_sha256: string;
  format: string;
  width: number;
  height: number;
  has_alpha: number;
  focus_json: string;
}

export interface RefRow {
  shotId: string;
  slot: number;
  itemId: string | null;
  imageId: string;
}

export interface KeyframeRow {
  shotId: string;
  which: KeyframeWhich;
  imageId: string;
  itemId: string | null;
  source: string;
}

function parseFocus(json: string): Partial<Record<AspectRatio, FocusRect>> {
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' ? (v as Partial<Record<AspectRatio, FocusRect>>) : {};
  } catch {
    return {};
  }
}

const imageFromRow = (r: ImageRow): LibraryImage => ({
  id: r.id,
  itemId: r.item_id,
  name: r.name,
  sha256: r.original_sha256,
  imageSha256: r.image_sha256,
  thumbSha256: r.thumb_sha256,
  width: r.width,
  height: r.height,
  hasAlpha: r.has_alpha === 1,
  format: r.format,
  primary: r.is_primary === 1,
  position: r.position,
  focus: parseFocus(r.focus_json),
});

function makeLibraryRepo(db: Db) {
  const q = {
    items: db.prepare('SELECT id, kind, name, tag, notes, position, voice FROM library_items ORDER BY position, name'),
    item: db.prepare('SELECT id, kind, name, tag, notes, position, voice FROM library_items WHERE id = ?'),
    itemByTag: db.prepare('SELECT id, kind, name, tag, notes, position FROM library_items WHERE tag = ? COLLATE NOCASE'),
    tags: db.prepare('SELECT tag FROM library_items').pluck(),
    maxItemPosition: db.prepare('SELECT COALESCE(MAX(position), -1) FROM library_items').pluck(),
    insertItem: db.prepare(
      'INSERT INTO library_items (id, kind, name, tag, notes, position, voice) VALUES (@id, @kind, @name, @tag, @notes, @position, @voice)',
    ),
    updateItem: db.prepare(
      'UPDATE library_items SET kind = @kind, name = @name, tag = @tag, notes = @notes, position = @position, voice = @voice WHERE id = @id',
    ),
    deleteItem: db.prepare('DELETE FROM library_items WHERE id = ?'),
    images: db.prepare('SELECT * FROM library_images ORDER BY item_id, position'),
    image: db.prepare('SELECT * FROM library_images WHERE id = ?'),
    imagesOf: db.prepare('SELECT * FROM library_images WHERE item_id = ? ORDER BY position'),
    imageInItem: db.prepare('SELECT * FROM library_images WHERE item_id = ? AND original_sha256 = ?'),
    looseImage: db.prepare('SELECT * FROM library_images WHERE item_id IS NULL AND original_sha256 = ?'),
    anyImage: db.prepare('SELECT * FROM library_images WHERE original_sha256 = ? LIMIT 1'),
    insertImage: db.prepare(
      `INSERT INTO library_images (id, item_id, name, position, is_primary, original_sha256, image_sha256, thumb_sha256, format, width, height, has_alpha)
       VALUES (@id, @itemId, @name, @position, @primary, @sha256, @imageSha256, @thumbSha256, @format, @width, @height, @hasAlpha)`,
    ),
    setPrimary: db.prepare('UPDATE library_images SET is_primary = (id = @id) WHERE item_id = @itemId AND is_primary <> (id = @id)'),
    placeImage: db.prepare('UPDATE library_images SET position = ? WHERE id = ? AND position <> ?'),
    setFocus: db.prepare('UPDATE library_images SET focus_json = ? WHERE id = ?'),
    deleteImage: db.prepare('DELETE FROM library_images WHERE id = ?'),
    refs: db.prepare('SELECT shot_id AS shotId, slot, item_id AS itemId, image_id AS imageId FROM shot_refs ORDER BY shot_id, slot'),
    refsOf: db.prepare('SELECT shot_id AS shotId, slot, item_id AS itemId, image_id AS imageId FROM shot_refs WHERE shot_id = ? ORDER BY slot'),
    clearRefs: db.prepare('DELETE FROM shot_refs WHERE shot_id = ?'),
    insertRef: db.prepare('INSERT INTO shot_refs (shot_id, slot, item_id, image_id) VALUES (@shotId, @slot, @itemId, @imageId)'),
    keyframes: db.prepare('SELECT shot_id AS shotId, which, image_id AS imageId, item_id AS itemId, source FROM shot_keyframes ORDER BY shot_id, which DESC'),
    keyframesOf: db.prepare(
      'SELECT shot_id AS shotId, which, image_id AS imageId, item_id AS itemId, source FROM shot_keyframes WHERE shot_id = ? ORDER BY which DESC',
    ),
    clearKeyframe: db.prepare('DELETE FROM shot_keyframes WHERE shot_id = ? AND which = ?'),
    insertKeyframe: db.prepare('INSERT INTO shot_keyframes (shot_id, which, image_id, item_id, source) VALUES (@shotId, @which, @imageId, @itemId, @source)'),
    imageInUse: db
      .prepare('SELECT EXISTS (SELECT 1 FROM shot_refs WHERE image_id = @id) OR EXISTS (SELECT 1 FROM shot_keyframes WHERE image_id = @id)')
      .pluck(),
    assetInUse: db.prepare('SELECT EXISTS (SELECT 1 FROM library_images WHERE original_sha256 = @sha OR image_sha256 = @sha OR thumb_sha256 = @sha)').pluck(),
  };

  return {
    items: (): ItemRow[] => q.items.all() as ItemRow[],
    item: (id: string): ItemRow | undefined => q.item.get(id) as ItemRow | undefined,
    itemByTag: (tag: string): ItemRow | undefined => q.itemByTag.get(tag) as ItemRow | undefined,
    tags: (): string[] => q.tags.all() as string[],
    nextItemPosition: (): number => (q.maxItemPosition.get() as number) + 1,
    insertItem: (item: ItemRow) => void q.insertItem.run(item),
    updateItem: (item: ItemRow) => void q.updateItem.run(item),
    deleteItem: (id: string) => void q.deleteItem.run(id),

    images: (): LibraryImage[] => (q.images.all() as ImageRow[]).map(imageFromRow),
    image: (id: string): LibraryImage | undefined => {
      const r = q.image.get(id) as ImageRow | undefined;
      return r && imageFromRow(r);
    },
    imagesOf: (itemId: string): LibraryImage[] => (q.imagesOf.all(itemId) as ImageRow[]).map(imageFromRow),
    /** The image made from this original file in that item (or among loose images), if any. */
    findImage: (itemId: string | null, sha256: string): LibraryImage | undefined => {
      const r = (itemId ? q.imageInItem.get(itemId, sha256) : q.looseImage.get(sha256)) as ImageRow | undefined;
      return r && imageFromRow(r);
    },
    /** Any image made from this original file, to reuse its working copy and thumbnail. */
    findAnyImage: (sha256: string): LibraryImage | undefined => {
      const r = q.anyImage.get(sha256) as ImageRow | undefined;
      return r && imageFromRow(r);
    },
    insertImage: (img: NewImage) => void q.insertImage.run({ ...img, primary: img.primary ? 1 : 0, hasAlpha: img.hasAlpha ? 1 : 0 }),
    setPrimary: (itemId: string, imageId: string) => void q.setPrimary.run({ itemId, id: imageId }),
    placeImage: (id: string, position: number) => void q.placeImage.run(position, id, position),
    setFocus: (id: string, focus: Partial<Record<AspectRatio, FocusRect>>) => void q.setFocus.run(JSON.stringify(focus), id),
    deleteImage: (id: string) => void q.deleteImage.run(id),
    imageInUse: (id: string): boolean => q.imageInUse.get({ id }) === 1,
    assetInUse: (sha: string): boolean => q.assetInUse.get({ sha }) === 1,

    refs: (): RefRow[] => q.refs.all() as RefRow[],
    refsOf: (shotId: string): RefRow[] => q.refsOf.all(shotId) as RefRow[],
    /** Replaces the shot's slots with `refs` in order. */
    setRefs(shotId: string, refs: Omit<RefRow, 'shotId' | 'slot'>[]) {
      const now = q.refsOf.all(shotId) as RefRow[];
      const same = now.length === refs.length && now.every((r, i) => r.imageId === refs[i]!.imageId && r.itemId === refs[i]!.itemId);
      // Unchanged slots write nothing, so the undo history gets no empty step.
      if (same) return;
      q.clearRefs.run(shotId);
      refs.forEach((r, slot) => q.insertRef.run({ shotId, slot, itemId: r.itemId, imageId: r.imageId }));
    },
    keyframes: (): KeyframeRow[] => q.keyframes.all() as KeyframeRow[],
    keyframesOf: (shotId: string): KeyframeRow[] => q.keyframesOf.all(shotId) as KeyframeRow[],
    setKeyframe(shotId: string, which: KeyframeWhich, kf: Omit<KeyframeRow, 'shotId' | 'which'> | null) {
      q.clearKeyframe.run(shotId, which);
      if (kf) q.insertKeyframe.run({ shotId, which, ...kf });
    },
  };
}

export const libraryRepo = perDb(makeLibraryRepo);

export type LibraryRepo = ReturnType<typeof libraryRepo>;
