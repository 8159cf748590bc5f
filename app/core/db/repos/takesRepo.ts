import type { TakeKind, TakeView } from '../../../../shared/domain/jobs';
import type { ProviderId } from '../../../../shared/domain/types';
import { perDb, type Db } from '../sqlite';

/** The only module with SQL for takes. Takes are never undoable and never deleted by a shot delete. */
export interface NewTake {
  id: string;
  kind: TakeKind;
  shot_id: string;
  job_id: string;
  asset_sha256: string;
  thumb_sha256: string | null;
  provider: string;
  model: string;
  tool: string;
  prompt: string;
  negative_prompt: string | null;
  seed: number | null;
  params_json: string;
  cost_usd: number;
  generation_s: number | null;
  duration_s: number | null;
  width: number | null;
  height: number | null;
  fps: number | null;
  created_at: string;
}

interface TakeRow extends NewTake {
  number: number;
  is_selected: number;
  rel_path: string;
  thumb_rel_path: string | null;
  estimate_usd: number | null;
  charged_usd: number | null;
}

// The circled take is the shot's `selected_take_id` (migration 6: an undoable shot edit), the
// circled frame its `selected_frame_id` (migration 10); `takes.selected` is no longer written.
// The job's estimate and what the provider reported charging (null where it reports nothing).
const SELECT = `SELECT t.*, a.rel_path, th.rel_path AS thumb_rel_path,
    CASE WHEN (CASE t.kind WHEN 'frame' THEN s.selected_frame_id ELSE s.selected_take_id END) = t.id THEN 1 ELSE 0 END AS is_selected,
    j.cost_estimate_usd AS estimate_usd, j.cost_usd AS charged_usd
  FROM takes t JOIN assets a ON a.sha256 = t.asset_sha256 LEFT JOIN assets th ON th.sha256 = t.thumb_sha256
  LEFT JOIN shots s ON s.id = t.shot_id LEFT JOIN jobs j ON j.id = t.job_id`;

function makeTakesRepo(db: Db) {
  const q = {
    insert: db.prepare(
      `INSERT INTO takes (id, kind, shot_id, job_id, number, asset_sha256, thumb_sha256, provider, model, tool, prompt, negative_prompt,
         seed, params_json, cost_usd, generation_s, duration_s, width, height, fps, created_at)
       VALUES (@id, @kind, @shot_id, @job_id, (SELECT COALESCE(MAX(number), 0) + 1 FROM takes WHERE shot_id = @shot_id), @asset_sha256,
         @thumb_sha256, @provider, @model, @tool, @prompt, @negative_prompt, @seed, @params_json, @cost_usd, @generation_s,
         @duration_s, @width, @height, @fps, @created_at)`,
    ),
    byShot: db.prepare(`${SELECT} WHERE t.shot_id = ? AND t.kind = ? ORDER BY t.number`),
    byJob: db.prepare(`${SELECT} WHERE t.job_id = ?`),
    get: db.prepare(`${SELECT} WHERE t.id = ?`),
    all: db.prepare(`${SELECT} WHERE t.kind = ? ORDER BY t.shot_id, t.number`),
    jobIds: db.prepare('SELECT job_id, id FROM takes'),
    select: db.prepare('UPDATE shots SET selected_take_id = ? WHERE id = ?'),
    selectFrame: db.prepare('UPDATE shots SET selected_frame_id = ? WHERE id = ?'),
  };
  return {
    /** Numbers the take next for its shot (1, 2, 3…); run inside the job's `ready` transaction. */
    insert: (t: NewTake) => void q.insert.run(t),
    /** A shot's video takes, or with `kind` its frames, by number. */
    byShot: (shotId: string, kind: TakeKind = 'video') => (q.byShot.all(shotId, kind) as TakeRow[]).map(takeView),
    byJob: (jobId: string) => {
      const r = q.byJob.get(jobId) as TakeRow | undefined;
      return r && takeView(r);
    },
    get: (id: string) => {
      const r = q.get.get(id) as TakeRow | undefined;
      return r && takeView(r);
    },
    all: (kind: TakeKind = 'video') => (q.all.all(kind) as TakeRow[]).map(takeView),
    /** job id → take id, for job lists. */
    takeIdsByJob: () => new Map((q.jobIds.all() as Array<{ job_id: string; id: string }>).map((r) => [r.job_id, r.id])),
    /** Run inside an undoable step (app/core/takes/review.ts) so the user can take it back. */
    select(take: { id: string; shotId: string } | null, shotId: string, kind: TakeKind = 'video') {
      (kind === 'frame' ? q.selectFrame : q.select).run(take?.id ?? null, shotId);
    },
  };
}

export const takesRepo = perDb(makeTakesRepo);

export type TakesRepo = ReturnType<typeof takesRepo>;

function takeView(r: TakeRow): TakeView {
  return {
    id: r.id,
    kind: r.kind,
    shotId: r.shot_id,
    jobId: r.job_id,
    number: r.number,
    relPath: r.rel_path,
    thumbRelPath: r.thumb_rel_path,
    provider: r.provider as ProviderId,
    model: r.model,
    tool: r.tool,
    prompt: r.prompt,
    seed: r.seed,
    costUsd: r.cost_usd,
    estimateUsd: r.estimate_usd,
    chargedUsd: r.charged_usd,
    generationS: r.generation_s,
    durationS: r.duration_s,
    width: r.width,
    height: r.height,
    fps: r.fps,
    selected: r.is_selected === 1,
    createdAt: r.created_at,
  };
}
