import type { Migration } from './types';

/** Every file the project stores under media/, content-addressed by sha256. */
export const assets: Migration = {
  version: 3,
  name: 'assets',
  up: `
    CREATE TABLE assets (
      sha256 TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('image', 'video', 'audio', 'other')),
      rel_path TEXT NOT NULL UNIQUE,
      size INTEGER NOT NULL,
      mime TEXT NOT NULL,
      width INTEGER,
      height INTEGER,
      duration_s REAL,
      fps REAL,
      codec TEXT,
      original_name TEXT,
      created_at TEXT NOT NULL DEFAULT (datetime('now'))
    );
  `,
};
