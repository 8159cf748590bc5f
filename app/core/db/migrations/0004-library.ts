import type { Migration } from './types';

/**
 * The reference library (items and their images), the reference slots of each shot, and its
 * start/end keyframes. Images point at assets: the original as imported, the oriented 8-bit
 * sRGB working copy (often the same file) and a thumbnail. A loose image has no item.
 */
export const library: Migration = {
  version: 4,
  name: 'library',
  up: `
    CREATE TABLE library_items (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('character', 'location', 'prop', 'style')),
      name TEXT NOT NULL,
      tag TEXT NOT NULL,
      notes TEXT NOT NULL DEFAULT '',
      position INTEGER NOT NULL,
      created_at TEXT NOT NULL DEFAULT (datetime('now'))
    );
    CREATE UNIQUE INDEX library_items_tag ON library_items(tag COLLATE NOCASE);

    CREATE TABLE library_images (
      id TEXT PRIMARY KEY,
      item_id TEXT REFERENCES library_items(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      position INTEGER NOT NULL,
      is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
      original_sha256 TEXT NOT NULL REFERENCES assets(sha256),
      image_sha256 TEXT NOT NULL REFERENCES assets(sha256),
      thumb_sha256 TEXT NOT NULL REFERENCES assets(sha256),
      format TEXT NOT NULL,
      width INTEGER NOT NULL,
      height INTEGER NOT NULL,
      has_alpha INTEGER NOT NULL DEFAULT 0,
      focus_json TEXT NOT NULL DEFAULT '{}',
      created_at TEXT NOT NULL DEFAULT (datetime('now'))
    );
    CREATE INDEX library_images_by_item ON library_images(item_id, position);

    CREATE TABLE shot_refs (
      shot_id TEXT NOT NULL REFERENCES shots(id) ON DELETE CASCADE,
      slot INTEGER NOT NULL,
      item_id TEXT REFERENCES library_items(id) ON DELETE CASCADE,
      image_id TEXT NOT NULL REFERENCES library_images(id) ON DELETE CASCADE
    );
    CREATE INDEX shot_refs_by_shot ON shot_refs(shot_id, slot);
    CREATE INDEX shot_refs_by_item ON shot_refs(item_id);
    CREATE INDEX shot_refs_by_image ON shot_refs(image_id);

    CREATE TABLE shot_keyframes (
      shot_id TEXT NOT NULL REFERENCES shots(id) ON DELETE CASCADE,
      which TEXT NOT NULL CHECK (which IN ('start', 'end')),
      image_id TEXT NOT NULL REFERENCES library_images(id) ON DELETE CASCADE,
      item_id TEXT REFERENCES library_items(id) ON DELETE SET NULL,
      source TEXT NOT NULL DEFAULT ''
    );
    CREATE UNIQUE INDEX shot_keyframes_one ON shot_keyframes(shot_id, which);
    CREATE INDEX shot_keyframes_by_image ON shot_keyframes(image_id);
  `,
};
