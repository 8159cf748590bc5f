import type { Migration } from './types';

export const initial: Migration = {
  version: 1,
  name: 'initial',
  up: `
    CREATE TABLE project (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      title TEXT NOT NULL,
      aspect_ratio TEXT NOT NULL DEFAULT '16:9',
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL
    );
    CREATE TABLE scenes (
      id TEXT PRIMARY KEY,
      number INTEGER NOT NULL,
      name TEXT NOT NULL DEFAULT '',
      position INTEGER NOT NULL
    );
    CREATE TABLE shots (
      id TEXT PRIMARY KEY,
      scene_id TEXT NOT NULL REFERENCES scenes(id),
      label TEXT NOT NULL,
      position INTEGER NOT NULL,
      action TEXT NOT NULL DEFAULT '',
      prompt_json TEXT NOT NULL,
      duration_s REAL NOT NULL,
      aspect_ratio TEXT NOT NULL,
      resolution TEXT NOT NULL DEFAULT '',
      tool TEXT NOT NULL,
      dialogue TEXT NOT NULL DEFAULT '',
      notes TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL DEFAULT 'planned'
    );
    CREATE INDEX shots_by_scene ON shots(scene_id, position);
  `,
};
