import { QC_CHECKS, type FitMode, type QcCheck, type QcResult, type ShotFit, type TakeRating } from '../../../../shared/domain/takes';
import { perDb, type Db } from '../sqlite';
import type { StillSource } from '../../../../shared/domain/playback';

/**
 * The only module with SQL for reviewing takes (migration 6): ratings, rejection and continuity
 * (`take_reviews`, undoable), QC results (`take_qc`), the circled take and fit of each shot,
 * keyframe chaining links, the draft a final came from, and what each shot has cost.
 */
export interface ReviewRow {
  take_id: string;
  fidelity: number | null;
  consistency: number | null;
  adherence: number | null;
  notes: string;
  rejected: number;
  continuity_stale: number;
}

export interface Review {
  rating: TakeRating;
  rejected: boolean;
  continuityStale: boolean;
}

export interface ChainRow {
  shot_id: string;
  which: 'start' | 'end';
  from_shot_id: string;
  from_frame: 'first' | 'last';
}

const NO_REVIEW: Review = { rating: { fidelity: null, consistency: null, adherence: null, notes: '' }, rejected: false, continuityStale: false };

export function reviewOf(r: ReviewRow | undefined): Review {
  if (!r) return NO_REVIEW;
  return {
    rating: { fidelity: r.fidelity, consistency: r.consistency, adherence: r.adherence, notes: r.notes },
    rejected: r.rejected === 1,
    continuityStale: r.continuity_stale === 1,
  };
}

function makeReviewRepo(db: Db) {
  const q = {
    review: db.prepare('SELECT * FROM take_reviews WHERE take_id = ?'),
    reviews: db.prepare('SELECT * FROM take_reviews'),
    // An upsert that only writes when something changes, so an unchanged save adds no undo step.
    ensure: db.prepare('INSERT INTO take_reviews (take_id) VALUES (?) ON CONFLICT (take_id) DO NOTHING'),
    rate: db.prepare(
      `UPDATE take_reviews SET fidelity = @fidelity, consistency = @consistency, adherence = @adherence, notes = @notes
       WHERE take_id = @take_id AND (fidelity IS NOT @fidelity OR consistency IS NOT @consistency OR adherence IS NOT @adherence OR notes IS NOT @notes)`,
    ),
    reject: db.prepare('UPDATE take_reviews SET rejected = ? WHERE take_id = ? AND rejected <> ?'),
    stale: db.prepare('UPDATE take_reviews SET continuity_stale = ? WHERE take_id = ? AND continuity_stale <> ?'),
    deleteReview: db.prepare('DELETE FROM take_reviews WHERE take_id = ?'),

    qc: db.prepare('SELECT "check", ok, detail, measured_json FROM take_qc WHERE take_id = ?'),
    allQc: db.prepare('SELECT take_id, "check", ok, detail, measured_json FROM take_qc'),
    deleteQc: db.prepare('DELETE FROM take_qc WHERE take_id = ?'),
    insertQc: db.prepare('INSERT INTO take_qc (take_id, "check", ok, detail, measured_json, checked_at) VALUES (?, ?, ?, ?, ?, ?)'),
    takeExists: db.prepare('SELECT EXISTS (SELECT 1 FROM takes WHERE id = ?)').pluck(),

    selected: db.prepare('SELECT selected_take_id FROM shots WHERE id = ?').pluck(),
    fit: db.prepare('SELECT id, fit_mode, trim_in_s FROM shots WHERE id = ?'),
    fits: db.prepare('SELECT id, fit_mode, trim_in_s FROM shots'),
    setFit: db.prepare('UPDATE shots SET fit_mode = ?, trim_in_s = ? WHERE id = ? AND (fit_mode IS NOT ? OR trim_in_s <> ?)'),
    setDuration: db.prepare('UPDATE shots SET duration_s = ? WHERE id = ? AND duration_s <> ?'),
    unselectTake: db.prepare(
      `UPDATE shots SET selected_take_id = NULLIF(selected_take_id, @id), selected_frame_id = NULLIF(selected_frame_id, @id)
       WHERE selected_take_id = @id OR selected_frame_id = @id`,
    ),

    chainsFrom: db.prepare('SELECT shot_id, which, from_shot_id, from_frame FROM shot_keyframes WHERE from_shot_id = ?'),
    link: db.prepare('UPDATE shot_keyframes SET from_shot_id = ?, from_frame = ? WHERE shot_id = ? AND which = ?'),

    fromTake: db.prepare('SELECT j.from_take_id FROM takes t JOIN jobs j ON j.id = t.job_id WHERE t.id = ?').pluck(),
    fromTakes: db.prepare('SELECT t.id, j.from_take_id FROM takes t JOIN jobs j ON j.id = t.job_id WHERE j.from_take_id IS NOT NULL'),
    setJobFrom: db.prepare('UPDATE jobs SET from_take_id = ? WHERE id = ?'),
    requestOf: db.prepare('SELECT j.request_json FROM takes t JOIN jobs j ON j.id = t.job_id WHERE t.id = ?').pluck(),
    // Same rule as the budget (jobsRepo.spend): a finished job costs what it cost, else its estimate.
    spendByShot: db.prepare(
      `SELECT shot_id, SUM(CASE WHEN state = 'ready' THEN COALESCE(cost_usd, cost_estimate_usd) ELSE COALESCE(cost_usd, 0) END) AS spent
       FROM jobs WHERE state IN ('ready', 'failed', 'canceled') GROUP BY shot_id`,
    ),

    provenance: db.prepare('SELECT id, negative_prompt, params_json FROM takes WHERE shot_id = ?'),
    // What a still card shows: the circled storyboard frame, else the start keyframe, else the first reference (working copies).
    stills: db.prepare(
      `SELECT s.id AS shot_id, -1 AS pri, 'frame' AS kind, a.rel_path FROM shots s
         JOIN takes t ON t.id = s.selected_frame_id JOIN assets a ON a.sha256 = t.asset_sha256
       UNION ALL
       SELECT k.shot_id, 0 AS pri, 'keyframe' AS kind, a.rel_path FROM shot_keyframes k
         JOIN library_images i ON i.id = k.image_id JOIN assets a ON a.sha256 = i.image_sha256 WHERE k.which = 'start'
       UNION ALL
       SELECT r.shot_id, 1 + r.slot AS pri, 'reference' AS kind, a.rel_path FROM shot_refs r
         JOIN library_images i ON i.id = r.image_id JOIN assets a ON a.sha256 = i.image_sha256
       ORDER BY 1, 2`,
    ),
    deleteTake: db.prepare('DELETE FROM takes WHERE id = ?'),
    takeAssets: db.prepare('SELECT asset_sha256, thumb_sha256 FROM takes WHERE id = ?'),
    assetPath: db.prepare('SELECT rel_path FROM assets WHERE sha256 = ?').pluck(),
    assetInUse: db
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM takes WHERE asset_sha256 = @sha OR thumb_sha256 = @sha)
           OR EXISTS (SELECT 1 FROM library_images WHERE original_sha256 = @sha OR image_sha256 = @sha OR thumb_sha256 = @sha)`,
      )
      .pluck(),
    deleteAsset: db.prepare('DELETE FROM assets WHERE sha256 = ?'),
  };
  // The undo log is a TEMP table of the app's connection only (absent in the CLI): rows an undo
  // could bring back are references too.
  const undoMentions = (sha: string): boolean => {
    const has = db.prepare("SELECT EXISTS (SELECT 1 FROM temp.sqlite_master WHERE name = '_undo_log')").pluck().get() === 1;
    return has && db.prepare('SELECT EXISTS (SELECT 1 FROM temp._undo_log WHERE instr(sql, ?) > 0)').pluck().get(sha) === 1;
  };

  const fitOf = (r: { id: string; fit_mode: FitMode | null; trim_in_s: number }): ShotFit => ({ shotId: r.id, mode: r.fit_mode, trimInS: r.trim_in_s });

  return {
    review: (takeId: string) => reviewOf(q.review.get(takeId) as ReviewRow | undefined),
    reviews: () => new Map((q.reviews.all() as ReviewRow[]).map((r) => [r.take_id, reviewOf(r)])),
    /** Only the fields given change; returns whether anything did. */
    rate(takeId: string, patch: Partial<TakeRating>): boolean {
      q.ensure.run(takeId);
      const now = reviewOf(q.review.get(takeId) as ReviewRow).rating;
      return q.rate.run({ take_id: takeId, ...now, ...patch }).changes > 0;
    },
    setRejected(takeId: string, rejected: boolean) {
      q.ensure.run(takeId);
      q.reject.run(rejected ? 1 : 0, takeId, rejected ? 1 : 0);
    },
    setStale(takeId: string, stale: boolean) {
      q.ensure.run(takeId);
      q.stale.run(stale ? 1 : 0, takeId, stale ? 1 : 0);
    },

    qc(takeId: string): QcResult[] | null {
      const rows = q.qc.all(takeId) as Array<{ check: QcCheck; ok: number; detail: string; measured_json: string }>;
      return rows.length ? inOrder(rows.map(qcOf)) : null;
    },
    allQc(): Map<string, QcResult[]> {
      const out = new Map<string, QcResult[]>();
      for (const r of q.allQc.all() as Array<{ take_id: string; check: QcCheck; ok: number; detail: string; measured_json: string }>) {
        const list = out.get(r.take_id) ?? [];
        list.push(qcOf(r));
        out.set(r.take_id, list);
      }
      for (const list of out.values()) inOrder(list);
      return out;
    },
    /** Replaces the take's results; false (nothing written) when the take is gone. */
    saveQc(takeId: string, results: QcResult[], at = new Date().toISOString()): boolean {
      return db.transaction(() => {
        if (q.takeExists.get(takeId) !== 1) return false;
        q.deleteQc.run(takeId);
        for (const r of results) q.insertQc.run(takeId, r.check, r.ok ? 1 : 0, r.detail, JSON.stringify(r.measured), at);
        return true;
      })();
    },

    selectedTakeId: (shotId: string) => (q.selected.get(shotId) as string | null | undefined) ?? null,
    fit(shotId: string): ShotFit | null {
      const r = q.fit.get(shotId) as { id: string; fit_mode: FitMode | null; trim_in_s: number } | undefined;
      return r ? fitOf(r) : null;
    },
    fits: () => new Map((q.fits.all() as Array<{ id: string; fit_mode: FitMode | null; trim_in_s: number }>).map((r) => [r.id, fitOf(r)])),
    setFit: (shotId: string, mode: FitMode | null, trimInS: number) => void q.setFit.run(mode, trimInS, shotId, mode, trimInS),
    setPlannedDuration: (shotId: string, durationS: number) => void q.setDuration.run(durationS, shotId, durationS),
    unselectEverywhere: (takeId: string) => void q.unselectTake.run({ id: takeId }),

    /** Keyframes that are a frame of `shotId`'s take. */
    chainsFrom: (shotId: string) => q.chainsFrom.all(shotId) as ChainRow[],
    /** Marks the shot's keyframe as a frame of another shot (null: an ordinary image). */
    linkKeyframe: (shotId: string, which: 'start' | 'end', from: { shotId: string; frame: 'first' | 'last' } | null) =>
      void q.link.run(from?.shotId ?? null, from?.frame ?? null, shotId, which),

    fromTakeId: (takeId: string) => (q.fromTake.get(takeId) as string | null | undefined) ?? null,
    fromTakeIds: () => new Map((q.fromTakes.all() as Array<{ id: string; from_take_id: string }>).map((r) => [r.id, r.from_take_id])),
    setJobFromTake: (jobId: string, takeId: string) => void q.setJobFrom.run(takeId, jobId),
    requestJson: (takeId: string) => (q.requestOf.get(takeId) as string | undefined) ?? null,
    /** take id → negative prompt and parameters, for a shot's takes. */
    provenance: (shotId: string) =>
      new Map(
        (q.provenance.all(shotId) as Array<{ id: string; negative_prompt: string | null; params_json: string }>).map((r) => [
          r.id,
          { negativePrompt: r.negative_prompt, params: JSON.parse(r.params_json) as Record<string, unknown> },
        ]),
      ),
    /** shot id → the image its still card shows. */
    stills(): Map<string, { relPath: string; from: StillSource }> {
      const out = new Map<string, { relPath: string; from: StillSource }>();
      for (const r of q.stills.all() as Array<{ shot_id: string; kind: StillSource; rel_path: string }>) {
        if (!out.has(r.shot_id)) out.set(r.shot_id, { relPath: r.rel_path, from: r.kind });
      }
      return out;
    },
    spendByShot: () => new Map((q.spendByShot.all() as Array<{ shot_id: string; spent: number }>).map((r) => [r.shot_id, r.spent])),

    /**
     * Deletes the take's row, review and QC, and the asset rows nothing else refers to; returns
     * the project-relative files to remove once this transaction has committed.
     */
    deleteTake(takeId: string): string[] {
      const shas = q.takeAssets.get(takeId) as { asset_sha256: string; thumb_sha256: string | null } | undefined;
      if (!shas) return [];
      q.unselectTake.run({ id: takeId });
      q.deleteReview.run(takeId);
      q.deleteQc.run(takeId);
      q.deleteTake.run(takeId);
      const orphans: string[] = [];
      for (const sha of [shas.asset_sha256, shas.thumb_sha256]) {
        if (!sha || q.assetInUse.get({ sha }) === 1 || undoMentions(sha)) continue;
        const rel = q.assetPath.get(sha) as string | undefined;
        q.deleteAsset.run(sha);
        if (rel) orphans.push(rel);
      }
      return orphans;
    },
  };
}

export const reviewRepo = perDb(makeReviewRepo);

const inOrder = (list: QcResult[]) => list.sort((a, b) => QC_CHECKS.indexOf(a.check) - QC_CHECKS.indexOf(b.check));

function qcOf(r: { check: QcCheck; ok: number; detail: string; measured_json: string }): QcResult {
  return { check: r.check, ok: r.ok === 1, detail: r.detail, measured: JSON.parse(r.measured_json) as Record<string, unknown> };
}

export type ReviewRepo = ReturnType<typeof reviewRepo>;
