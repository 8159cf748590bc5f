import type { Migration } from './types';

/**
 * Music beds on the cut's music lane: an audio file placed at a time on the timeline, trimmed,
 * faded and set in level; beds may follow each other. The project says how far dialogue ducks
 * the music under it.
 */
export const music: Migration = {
  version: 11,
  name: 'music',
  up: `
    CREATE TABLE music_beds (
      id TEXT PRIMARY KEY,
      asset_sha256 TEXT NOT NULL REFERENCES assets(sha256),
      name TEXT NOT NULL,
      at_s REAL NOT NULL CHECK (at_s >= 0),
      trim_in_s REAL NOT NULL DEFAULT 0 CHECK (trim_in_s >= 0),
      length_s REAL NOT NULL CHECK (length_s > 0),
      gain_db REAL NOT NULL DEFAULT 0,
      fade_in_s REAL NOT NULL DEFAULT 0 CHECK (fade_in_s >= 0),
      fade_out_s REAL NOT NULL DEFAULT 0 CHECK (fade_out_s >= 0),
      created_at TEXT NOT NULL DEFAULT (datetime('now'))
    );
    ALTER TABLE project ADD COLUMN duck_db REAL NOT NULL DEFAULT 10;
  `,
};
