import type { Migration } from './types';

/**
 * Generation: one job per requested take, its append-only event log, the takes that jobs
 * produce, per-project settings, the lease that lets one engine at a time run a project's jobs,
 * and the fallback tool a shot may name.
 *
 * Jobs and takes refer to their shot without a foreign key on purpose: deleting a shot is
 * undoable, takes are not, and a paid-for take must still be there when the undo brings its
 * shot back.
 */
export const jobs: Migration = {
  version: 5,
  name: 'jobs',
  up: `
    ALTER TABLE shots ADD COLUMN fallback_tool TEXT;

    CREATE TABLE jobs (
      id TEXT PRIMARY KEY,
      shot_id TEXT NOT NULL,
      shot_label TEXT NOT NULL,
      batch_id TEXT NOT NULL,
      tool TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('queued', 'submitting', 'submitted', 'running', 'downloading',
        'checking', 'ready', 'failed', 'canceled', 'needs_attention')),
      -- Sent where an API takes a client task id (Kling); new for every submission attempt.
      external_id TEXT NOT NULL UNIQUE,
      remote_id TEXT,
      -- Two-step jobs (Runway references → start frame → video): which step, and step one's task.
      step INTEGER NOT NULL DEFAULT 1,
      step_remote_id TEXT,
      seed INTEGER,
      request_json TEXT NOT NULL,
      -- Consecutive failed tries in the current state; polls of the current task (for backoff).
      attempts INTEGER NOT NULL DEFAULT 0,
      polls INTEGER NOT NULL DEFAULT 0,
      error TEXT,
      attention_json TEXT,
      cancel_requested INTEGER NOT NULL DEFAULT 0 CHECK (cancel_requested IN (0, 1)),
      output_url TEXT,
      temp_path TEXT,
      progress REAL,
      cost_estimate_usd REAL NOT NULL,
      cost_usd REAL,
      fallback_tool TEXT,
      switched_from TEXT,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      started_at INTEGER,
      finished_at INTEGER,
      next_attempt_at INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX jobs_by_state ON jobs(state, next_attempt_at);
    CREATE INDEX jobs_by_shot ON jobs(shot_id, created_at);

    CREATE TABLE job_events (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      job_id TEXT NOT NULL REFERENCES jobs(id),
      at INTEGER NOT NULL,
      from_state TEXT,
      to_state TEXT NOT NULL,
      message TEXT NOT NULL DEFAULT '',
      raw_json TEXT
    );
    CREATE INDEX job_events_by_job ON job_events(job_id, seq);
    CREATE TRIGGER job_events_no_update BEFORE UPDATE ON job_events
      BEGIN SELECT RAISE(ABORT, 'job_events is append-only'); END;
    CREATE TRIGGER job_events_no_delete BEFORE DELETE ON job_events
      BEGIN SELECT RAISE(ABORT, 'job_events is append-only'); END;

    CREATE TABLE takes (
      id TEXT PRIMARY KEY,
      shot_id TEXT NOT NULL,
      job_id TEXT NOT NULL UNIQUE REFERENCES jobs(id),
      number INTEGER NOT NULL,
      asset_sha256 TEXT NOT NULL REFERENCES assets(sha256),
      thumb_sha256 TEXT REFERENCES assets(sha256),
      provider TEXT NOT NULL,
      model TEXT NOT NULL,
      tool TEXT NOT NULL,
      prompt TEXT NOT NULL,
      negative_prompt TEXT,
      seed INTEGER,
      params_json TEXT NOT NULL,
      cost_usd REAL NOT NULL,
      generation_s REAL,
      duration_s REAL,
      width INTEGER,
      height INTEGER,
      fps REAL,
      selected INTEGER NOT NULL DEFAULT 0 CHECK (selected IN (0, 1)),
      created_at TEXT NOT NULL,
      UNIQUE (shot_id, number)
    );
    CREATE UNIQUE INDEX takes_one_selected ON takes(shot_id) WHERE selected = 1;

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value_json TEXT NOT NULL
    );

    CREATE TABLE engine_lease (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      holder TEXT NOT NULL,
      pid INTEGER NOT NULL,
      host TEXT NOT NULL,
      label TEXT NOT NULL,
      acquired_at INTEGER NOT NULL,
      heartbeat_at INTEGER NOT NULL
    );
  `,
};
