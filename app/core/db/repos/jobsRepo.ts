import { ACTIVE_JOB_STATES, type Attention, type JobState, type JobView, type TakeKind } from '../../../../shared/domain/jobs';
import { takeKindOf } from '../../../../shared/catalog';
import { perDb, type Db } from '../sqlite';
import { scrubText } from '../../redact';

/** The only module with SQL for jobs, job_events, the engine lease and project settings. */
export interface JobRow {
  id: string;
  shot_id: string;
  shot_label: string;
  batch_id: string;
  tool: string;
  state: JobState;
  external_id: string;
  remote_id: string | null;
  step: number;
  step_remote_id: string | null;
  seed: number | null;
  request_json: string;
  attempts: number;
  polls: number;
  error: string | null;
  attention_json: string | null;
  cancel_requested: number;
  output_url: string | null;
  temp_path: string | null;
  progress: number | null;
  cost_estimate_usd: number;
  cost_usd: number | null;
  fallback_tool: string | null;
  switched_from: string | null;
  created_at: number;
  updated_at: number;
  started_at: number | null;
  finished_at: number | null;
  next_attempt_at: number;
}

export type ActiveJob = Pick<JobRow, 'id' | 'shot_id' | 'tool' | 'state' | 'cancel_requested' | 'next_attempt_at' | 'fallback_tool' | 'batch_id'>;

/** An active job as `activeSlim` selects its columns, in that order. */
type ActiveRaw = [string, string, string, JobState, number, number, string | null, string];

/** Columns a transition may set besides `state` and `updated_at`; `attention` is stored as JSON here only. */
export type JobPatch = { attention?: Attention | null } & Partial<
  Pick<
    JobRow,
    | 'tool'
    | 'external_id'
    | 'remote_id'
    | 'step'
    | 'step_remote_id'
    | 'attempts'
    | 'polls'
    | 'error'
    | 'cancel_requested'
    | 'output_url'
    | 'temp_path'
    | 'progress'
    | 'cost_estimate_usd'
    | 'cost_usd'
    | 'switched_from'
    | 'started_at'
    | 'finished_at'
    | 'next_attempt_at'
  >
>;
const PATCHABLE = new Set<string>([
  'tool',
  'external_id',
  'remote_id',
  'step',
  'step_remote_id',
  'attempts',
  'polls',
  'error',
  'attention_json',
  'cancel_requested',
  'output_url',
  'temp_path',
  'progress',
  'cost_estimate_usd',
  'cost_usd',
  'switched_from',
  'started_at',
  'finished_at',
  'next_attempt_at',
]);

export type NewJob = Pick<
  JobRow,
  'id' | 'shot_id' | 'shot_label' | 'batch_id' | 'tool' | 'external_id' | 'seed' | 'request_json' | 'cost_estimate_usd' | 'fallback_tool' | 'created_at'
>;

export interface JobEvent {
  seq: number;
  job_id: string;
  at: number;
  from_state: JobState | null;
  to_state: JobState;
  message: string;
  raw_json: string | null;
}

export interface LeaseRow {
  holder: string;
  pid: number;
  host: string;
  label: string;
  acquired_at: number;
  heartbeat_at: number;
}

export interface ShotImageRow {
  role: 'start' | 'end' | 'ref';
  slot: number;
  rel_path: string;
  mime: string;
  width: number;
  height: number;
  tag: string | null;
}

/** A shot's keyframes and reference slots with their stored files, by role then slot; or every shot's, with its id. */
function shotImagesSql(of: 'one shot' | 'all shots'): string {
  const one = of === 'one shot';
  const shot = (t: string) => (one ? '' : `${t}.shot_id, `);
  const where = (t: string) => (one ? `WHERE ${t}.shot_id = @shot` : '');
  return `SELECT ${shot('k')}k.which AS role, 0 AS slot, a.rel_path, a.mime, i.width, i.height, it.tag
      FROM shot_keyframes k JOIN library_images i ON i.id = k.image_id JOIN assets a ON a.sha256 = i.image_sha256
      LEFT JOIN library_items it ON it.id = k.item_id ${where('k')}
    UNION ALL
    SELECT ${shot('r')}'ref' AS role, r.slot, a.rel_path, a.mime, i.width, i.height, it.tag
      FROM shot_refs r JOIN library_images i ON i.id = r.image_id JOIN assets a ON a.sha256 = i.image_sha256
      LEFT JOIN library_items it ON it.id = r.item_id ${where('r')}
    ORDER BY ${one ? '' : 'shot_id, '}role, slot`;
}

const ACTIVE_SQL = `(${ACTIVE_JOB_STATES.map((s) => `'${s}'`).join(', ')})`;
const FINISHED = "state IN ('ready', 'failed', 'canceled')";
/** What a finished job spent: its charge, or its estimate when ready with no charge reported (a failure without one cost nothing). */
const SPENT = "CASE WHEN state = 'ready' THEN COALESCE(cost_usd, cost_estimate_usd) ELSE COALESCE(cost_usd, 0) END";

function makeJobsRepo(db: Db) {
  const q = {
    insert: db.prepare(
      `INSERT INTO jobs (id, kind, shot_id, shot_label, batch_id, tool, state, external_id, seed, request_json, cost_estimate_usd, fallback_tool,
         created_at, updated_at, next_attempt_at)
       VALUES (@id, @kind, @shot_id, @shot_label, @batch_id, @tool, 'queued', @external_id, @seed, @request_json, @cost_estimate_usd, @fallback_tool,
         @created_at, @created_at, 0)`,
    ),
    get: db.prepare('SELECT * FROM jobs WHERE id = ?'),
    byShot: db.prepare('SELECT * FROM jobs WHERE shot_id = ? ORDER BY created_at, rowid'),
    all: db.prepare('SELECT * FROM jobs ORDER BY created_at DESC, rowid DESC LIMIT ?'),
    active: db.prepare(`SELECT * FROM jobs WHERE state IN ${ACTIVE_SQL} ORDER BY created_at, rowid`),
    activeSlim: db
      .prepare(
        `SELECT id, shot_id, tool, state, cancel_requested, next_attempt_at, fallback_tool, batch_id FROM jobs
       WHERE state IN ${ACTIVE_SQL} ORDER BY created_at, rowid`,
      )
      .raw(true),
    live: db.prepare(`SELECT * FROM jobs WHERE state IN ${ACTIVE_SQL} OR state = 'needs_attention' ORDER BY created_at, rowid`),
    activeCount: db.prepare(`SELECT count(*) FROM jobs WHERE state IN ${ACTIVE_SQL}`).pluck(),
    cancelRequests: db.prepare(`SELECT * FROM jobs WHERE cancel_requested = 1 AND (state IN ${ACTIVE_SQL} OR state = 'needs_attention')`),
    batchStates: db.prepare('SELECT state, count(*) AS n FROM jobs WHERE batch_id = ? GROUP BY state'),
    event: db.prepare('INSERT INTO job_events (job_id, at, from_state, to_state, message, raw_json) VALUES (?, ?, ?, ?, ?, ?)'),
    events: db.prepare('SELECT * FROM job_events WHERE job_id = ? ORDER BY seq'),
    requestCancel: db.prepare(`UPDATE jobs SET cancel_requested = 1, updated_at = ? WHERE id = ? AND (state IN ${ACTIVE_SQL} OR state = 'needs_attention')`),
    spend: db.prepare(
      `SELECT
         COALESCE(SUM(${SPENT}) FILTER (WHERE ${FINISHED}), 0) AS spent,
         COALESCE(SUM(cost_estimate_usd) FILTER (WHERE state IN ${ACTIVE_SQL} OR state = 'needs_attention'), 0) AS in_flight,
         COALESCE(SUM(cost_usd) FILTER (WHERE ${FINISHED} AND cost_usd IS NOT NULL), 0) AS charged,
         COALESCE(SUM(cost_estimate_usd) FILTER (WHERE ${FINISHED} AND cost_usd IS NOT NULL), 0) AS charged_estimate,
         COALESCE(SUM(${SPENT}) FILTER (WHERE ${FINISHED} AND kind = 'frame'), 0) AS frames_spent,
         COALESCE(SUM(${SPENT}) FILTER (WHERE ${FINISHED} AND kind = 'line'), 0) AS lines_spent,
         COALESCE(SUM(${SPENT}) FILTER (WHERE ${FINISHED} AND kind = 'sfx'), 0) AS sfx_spent
       FROM jobs`,
    ),
    shotsWithWork: db.prepare("SELECT DISTINCT shot_id FROM jobs WHERE state NOT IN ('failed', 'canceled') AND kind = ?").pluck(),
    requestsWithWork: db.prepare("SELECT shot_id, request_json FROM jobs WHERE state NOT IN ('failed', 'canceled') AND kind = ?"),
    seedsOfShot: db.prepare('SELECT seed FROM jobs WHERE shot_id = ? AND seed IS NOT NULL').pluck(),
    tempPaths: db.prepare('SELECT temp_path FROM jobs WHERE temp_path IS NOT NULL').pluck(),
    leaseGet: db.prepare('SELECT holder, pid, host, label, acquired_at, heartbeat_at FROM engine_lease WHERE id = 1'),
    leaseTake: db.prepare(
      `INSERT INTO engine_lease (id, holder, pid, host, label, acquired_at, heartbeat_at) VALUES (1, @holder, @pid, @host, @label, @now, @now)
       ON CONFLICT (id) DO UPDATE SET holder = excluded.holder, pid = excluded.pid, host = excluded.host, label = excluded.label,
         acquired_at = excluded.acquired_at, heartbeat_at = excluded.heartbeat_at`,
    ),
    leaseBeat: db.prepare('UPDATE engine_lease SET heartbeat_at = ? WHERE id = 1 AND holder = ?'),
    leaseRelease: db.prepare('DELETE FROM engine_lease WHERE id = 1 AND holder = ?'),
    settingGet: db.prepare('SELECT value_json FROM settings WHERE key = ?').pluck(),
    settingSet: db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json'),
    shotImages: db.prepare(shotImagesSql('one shot')),
    allShotImages: db.prepare(shotImagesSql('all shots')),
  };

  const patches = new Map<string, ReturnType<Db['prepare']>>();
  function applyPatch(id: string, from: JobState, to: JobState, now: number, patch: JobPatch, leaseHolder: string | null): boolean {
    const { attention, ...columns } = patch;
    // Errors carry a provider's words, which may echo the credential: cleaned on the way in.
    if (typeof columns.error === 'string') columns.error = scrubText(columns.error);
    const row: Record<string, unknown> = attention === undefined ? columns : { ...columns, attention_json: attention && JSON.stringify(attention) };
    const cols = Object.keys(row).filter((k) => PATCHABLE.has(k));
    const sets = ['state = @to', 'updated_at = @now', ...cols.map((c) => `${c} = @${c}`)].join(', ');
    const lease = leaseHolder ? ' AND EXISTS (SELECT 1 FROM engine_lease WHERE id = 1 AND holder = @holder)' : '';
    const params: Record<string, unknown> = { id, from, to, now, holder: leaseHolder };
    for (const c of cols) params[c] = row[c] ?? null;
    // better-sqlite3 compiles every prepare afresh: kept by text, since the sets of patched columns are few.
    const sql = `UPDATE jobs SET ${sets} WHERE id = @id AND state = @from${lease}`;
    let update = patches.get(sql);
    if (!update) patches.set(sql, (update = db.prepare(sql)));
    return update.run(params).changes === 1;
  }

  return {
    insert(job: NewJob, message: string) {
      q.insert.run({ ...job, kind: takeKindOf(job.tool) });
      q.event.run(job.id, job.created_at, null, 'queued', message, null);
    },
    get: (id: string) => q.get.get(id) as JobRow | undefined,
    byShot: (shotId: string) => q.byShot.all(shotId) as JobRow[],
    recent: (limit = 500) => q.all.all(limit) as JobRow[],
    active: () => q.active.all() as JobRow[],
    /**
     * What the scheduler looks at on every pass (no request or reply text): cheap to read often.
     * Read as arrays: better-sqlite3 builds a row object key by key through V8's API. For 200 active
     * jobs that took about 390 µs of CPU a pass, against 250 µs as arrays made into literals here.
     */
    activeSlim: () =>
      (q.activeSlim.all() as ActiveRaw[]).map(([id, shot_id, tool, state, cancel_requested, next_attempt_at, fallback_tool, batch_id]): ActiveJob => ({
        id,
        shot_id,
        tool,
        state,
        cancel_requested,
        next_attempt_at,
        fallback_tool,
        batch_id,
      })),
    live: () => q.live.all() as JobRow[],
    activeCount: () => q.activeCount.get() as number,
    cancelRequests: () => q.cancelRequests.all() as JobRow[],
    /**
     * Moves a job from `from` to `to` (the same state to update fields only) and logs the event,
     * in one transaction. Compare-and-set: returns false, writing nothing, when the job is no
     * longer in `from` or, with `leaseHolder`, this engine no longer holds the project.
     */
    move(
      id: string,
      from: JobState,
      to: JobState,
      opts: { now: number; patch?: JobPatch; message?: string; rawJson?: string | null; leaseHolder?: string | null },
    ): boolean {
      return db.transaction(() => {
        const ok = applyPatch(id, from, to, opts.now, opts.patch ?? {}, opts.leaseHolder ?? null);
        if (ok && (from !== to || opts.message)) q.event.run(id, opts.now, from, to, scrubText(opts.message ?? ''), opts.rawJson ?? null);
        return ok;
      })();
    },
    /** An event without a state change (something worth keeping in the job's history). */
    log: (jobId: string, state: JobState, message: string, rawJson: string | null, now = Date.now()) =>
      void q.event.run(jobId, now, state, state, scrubText(message), rawJson),
    batchStates: (batchId: string) => q.batchStates.all(batchId) as Array<{ state: JobState; n: number }>,
    requestCancel: (id: string, now: number) => q.requestCancel.run(now, id).changes === 1,
    events: (jobId: string) => q.events.all(jobId) as JobEvent[],
    spend: () => {
      const r = q.spend.get() as {
        spent: number;
        in_flight: number;
        charged: number;
        charged_estimate: number;
        frames_spent: number;
        lines_spent: number;
        sfx_spent: number;
      };
      return {
        spentUsd: r.spent,
        inFlightUsd: r.in_flight,
        chargedUsd: r.charged,
        chargedEstimateUsd: r.charged_estimate,
        framesSpentUsd: r.frames_spent,
        linesSpentUsd: r.lines_spent,
        sfxSpentUsd: r.sfx_spent,
      };
    },
    /** Shots with a job of `kind` that is not failed or canceled: done, under way or waiting on the user. */
    shotsWithWork: (kind: TakeKind = 'video') => new Set(q.shotsWithWork.all(kind) as string[]),
    /** The frozen requests of jobs of `kind` that are not failed or canceled. */
    requestsWithWork: (kind: TakeKind) => q.requestsWithWork.all(kind) as Array<Pick<JobRow, 'shot_id' | 'request_json'>>,
    seedsOfShot: (shotId: string) => new Set(q.seedsOfShot.all(shotId) as number[]),
    /** The files in media/.tmp that jobs will go on with: a download waiting to be checked, a render under way. */
    tempPaths: () => q.tempPaths.all() as string[],
    lease: {
      get: () => q.leaseGet.get() as LeaseRow | undefined,
      /** Takes the lease if it is still `expected` (null: absent); one IMMEDIATE transaction. */
      take(expected: LeaseRow | undefined, row: { holder: string; pid: number; host: string; label: string; now: number }): boolean {
        return db
          .transaction(() => {
            const now = q.leaseGet.get() as LeaseRow | undefined;
            if ((now?.holder ?? null) !== (expected?.holder ?? null) || (now && now.heartbeat_at !== expected?.heartbeat_at)) return false;
            q.leaseTake.run(row);
            return true;
          })
          .immediate();
      },
      beat: (holder: string, now: number) => q.leaseBeat.run(now, holder).changes === 1,
      release: (holder: string) => void q.leaseRelease.run(holder),
    },
    setting: {
      get: (key: string): unknown => {
        const v = q.settingGet.get(key) as string | undefined;
        return v === undefined ? undefined : (JSON.parse(v) as unknown);
      },
      set: (key: string, value: unknown) => void q.settingSet.run(key, JSON.stringify(value)),
    },
    shotImages: (shotId: string) => q.shotImages.all({ shot: shotId }) as ShotImageRow[],
    /** Every shot's images in one read (the cost plan prices all shots): shot id → as shotImages gives them. */
    imagesByShot: (): Map<string, ShotImageRow[]> => {
      const out = new Map<string, ShotImageRow[]>();
      for (const { shot_id, ...row } of q.allShotImages.all() as Array<ShotImageRow & { shot_id: string }>) {
        const list = out.get(shot_id);
        if (list) list.push(row);
        else out.set(shot_id, [row]);
      }
      return out;
    },
  };
}

export const jobsRepo = perDb(makeJobsRepo);

export type JobsRepo = ReturnType<typeof jobsRepo>;

/** What the user is asked to decide about a job, or null when nothing is asked. */
export function attentionOf(r: Pick<JobRow, 'attention_json'>): Attention | null {
  return r.attention_json ? (JSON.parse(r.attention_json) as Attention) : null;
}

export function jobView(r: JobRow, takeId: string | null, currentLabel?: string): JobView {
  return {
    id: r.id,
    shotId: r.shot_id,
    shotLabel: currentLabel ?? r.shot_label,
    batchId: r.batch_id,
    tool: r.tool,
    state: r.state,
    remoteId: r.remote_id,
    progress: r.progress,
    error: r.error,
    attention: attentionOf(r),
    cancelRequested: r.cancel_requested === 1,
    seed: r.seed,
    costEstimateUsd: r.cost_estimate_usd,
    costUsd: r.cost_usd,
    switchedFrom: r.switched_from,
    takeId,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}
