import type { Migration } from './types';

/**
 * The rest of a shot's sound plan. A spoken line may have several takes; the one the user
 * circles plays (`line_circles`, by the line's key, so rewording un-circles it). A shot carries
 * sound-effect cues (text, length, where they start in the shot, level), each made by a job
 * whose takes are of kind `sfx`, one circled. A shot says what the cut plays: its take's own
 * sound, its dialogue and effects, or both; and whether to ask the tool for sound where that is an
 * option that costs more (Kling 2.6: pro only, twice the price), off unless the user asks.
 */
export const soundPlan: Migration = {
  version: 13,
  name: 'sound-plan',
  up: `
    CREATE TABLE line_circles (
      shot_id TEXT NOT NULL REFERENCES shots(id) ON DELETE CASCADE,
      line_key TEXT NOT NULL,
      take_id TEXT NOT NULL,
      PRIMARY KEY (shot_id, line_key)
    );
    CREATE TABLE sfx_cues (
      id TEXT PRIMARY KEY,
      shot_id TEXT NOT NULL REFERENCES shots(id) ON DELETE CASCADE,
      text TEXT NOT NULL CHECK (length(trim(text)) > 0),
      seconds REAL NOT NULL CHECK (seconds > 0),
      offset_s REAL NOT NULL DEFAULT 0 CHECK (offset_s >= 0),
      gain_db REAL NOT NULL DEFAULT 0,
      selected_take_id TEXT,
      position INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL DEFAULT (datetime('now'))
    );
    CREATE INDEX sfx_cues_shot ON sfx_cues(shot_id, position);
    ALTER TABLE shots ADD COLUMN sound_mode TEXT NOT NULL DEFAULT 'both' CHECK (sound_mode IN ('both', 'take', 'dialogue'));
    ALTER TABLE shots ADD COLUMN ask_sound INTEGER NOT NULL DEFAULT 0 CHECK (ask_sound IN (0, 1));
  `,
};
