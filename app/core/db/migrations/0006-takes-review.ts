import type { Migration } from './types';

/**
 * Reviewing takes.
 *
 * - Which take is circled, and how it fills its slot, are properties of the shot: choosing them
 *   is an ordinary undoable shot edit. `takes.selected` (migration 5) is carried over and no
 *   longer written; the takes table itself stays out of undo, so no undo can touch a take row.
 * - Ratings, rejection and the continuity flag live in `take_reviews`, which is undoable. Its
 *   INTEGER PRIMARY KEY AUTOINCREMENT never reuses a rowid: undo addresses rows by rowid, and a
 *   deleted take's review must never be "restored" onto another take's row.
 * - QC results are facts about a file, written by the checker, never undone.
 * - A final's link to its draft is on the job (known when it is queued, before any take exists).
 * - Keyframes taken from another shot's frame name that shot by id, so chaining survives a
 *   renumber (the `source` text is for people). Older "shot 1B, last frame" rows are linked.
 */
export const takesReview: Migration = {
  version: 6,
  name: 'takes-review',
  up: `
    ALTER TABLE shots ADD COLUMN selected_take_id TEXT;
    ALTER TABLE shots ADD COLUMN fit_mode TEXT CHECK (fit_mode IN ('trim', 'hold', 'retime-plan'));
    ALTER TABLE shots ADD COLUMN trim_in_s REAL NOT NULL DEFAULT 0 CHECK (trim_in_s >= 0);
    UPDATE shots SET selected_take_id = (SELECT t.id FROM takes t WHERE t.shot_id = shots.id AND t.selected = 1);

    CREATE TABLE take_reviews (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      take_id TEXT NOT NULL UNIQUE,
      fidelity INTEGER CHECK (fidelity BETWEEN 1 AND 5),
      consistency INTEGER CHECK (consistency BETWEEN 1 AND 5),
      adherence INTEGER CHECK (adherence BETWEEN 1 AND 5),
      notes TEXT NOT NULL DEFAULT '',
      rejected INTEGER NOT NULL DEFAULT 0 CHECK (rejected IN (0, 1)),
      continuity_stale INTEGER NOT NULL DEFAULT 0 CHECK (continuity_stale IN (0, 1))
    );

    CREATE TABLE take_qc (
      take_id TEXT NOT NULL,
      "check" TEXT NOT NULL,
      ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
      detail TEXT NOT NULL,
      measured_json TEXT NOT NULL DEFAULT '{}',
      checked_at TEXT NOT NULL,
      PRIMARY KEY (take_id, "check")
    );

    ALTER TABLE jobs ADD COLUMN from_take_id TEXT;

    ALTER TABLE shot_keyframes ADD COLUMN from_shot_id TEXT;
    ALTER TABLE shot_keyframes ADD COLUMN from_frame TEXT CHECK (from_frame IN ('first', 'last'));
    UPDATE shot_keyframes SET
      from_frame = CASE WHEN source LIKE '%, first frame' THEN 'first' ELSE 'last' END,
      from_shot_id = (SELECT s.id FROM shots s
        WHERE shot_keyframes.source IN ('shot ' || s.label || ', last frame', 'shot ' || s.label || ', first frame'))
    WHERE source LIKE 'shot %, % frame';
    UPDATE shot_keyframes SET from_frame = NULL WHERE from_shot_id IS NULL;
    CREATE INDEX shot_keyframes_by_source ON shot_keyframes(from_shot_id);
  `,
};
