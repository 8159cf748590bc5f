// Reads about takes as the UI, the CLI and the animatic want them: a shot's takes with their
// review and provenance, every shot's strip, the cut as it plays, and cost per usable second.
import { buildPlaybackCut, type PlaybackCut, type PlaybackShotInput } from '../../../shared/domain/playback';
import { usableCost, type ShotTakes, type TakeInfo, type UsableCost } from '../../../shared/domain/takes';
import { TIMELINE_FPS } from '../../../shared/domain/timecode';
import type { TakeKind, TakeView } from '../../../shared/domain/jobs';
import { reviewOf } from '../db/repos/reviewRepo';
import type { Project } from '../project/project';
import { UserError } from '../errors';
import { projectMediaPath } from '../media/projectPath';

/** What the takes code needs of an open project. */
export type TakesProject = Pick<Project, 'db' | 'folder' | 'timeline' | 'takes' | 'reviews' | 'library' | 'jobs'>;

export function takeName(project: TakesProject, take: { number: number; shotId: string; kind?: TakeKind }): string {
  const label = project.timeline.shot(take.shotId)?.label;
  const what = `${take.kind === 'frame' ? 'frame' : 'take'} ${take.number}`;
  return label ? `${what} of ${label}` : what;
}

/** The real path of a take's video; refused, naming the take, when its record leads outside the project's media. */
export function takeFile(project: TakesProject, take: Pick<TakeView, 'number' | 'shotId' | 'relPath'>): string {
  const name = takeName(project, take);
  return projectMediaPath(project.folder, take.relPath, name[0]!.toUpperCase() + name.slice(1));
}

export function takeOrThrow(project: TakesProject, takeId: string): TakeView {
  const take = project.takes.get(takeId);
  if (!take) throw new UserError('That take no longer exists (it may have been deleted). Refresh the take list.');
  return take;
}

/** A shot's takes (or frames), oldest first; rejected ones only when asked. */
export function listTakes(project: TakesProject, shotId: string, includeRejected = false, kind: TakeKind = 'video'): TakeInfo[] {
  const reviews = project.reviews;
  const prov = reviews.provenance(shotId);
  const allReviews = reviews.reviews();
  const finals = reviews.fromTakeIds();
  const out: TakeInfo[] = [];
  for (const take of project.takes.byShot(shotId, kind)) {
    const review = allReviews.get(take.id) ?? reviewOf(undefined);
    if (review.rejected && !includeRejected) continue;
    const p = prov.get(take.id);
    const params = p?.params ?? {};
    const qc = reviews.qc(take.id);
    out.push({
      ...take,
      negativePrompt: p?.negativePrompt ?? null,
      params,
      startFrameRelPath: typeof params.startFrame === 'string' ? params.startFrame : null,
      referenceRelPaths: Array.isArray(params.references) ? params.references.filter((r): r is string => typeof r === 'string') : [],
      ...review,
      fromTakeId: finals.get(take.id) ?? null,
      qc,
      qcFailed: qc?.filter((r) => !r.ok).length ?? 0,
    });
  }
  return out;
}

/** Every shot's takes as chips, in one read (a 500-shot timeline asks once). */
export function takeStrips(project: TakesProject): Record<string, ShotTakes> {
  const reviews = project.reviews;
  const all = reviews.reviews();
  const qc = reviews.allQc();
  const out: Record<string, ShotTakes> = {};
  const stripOf = (shotId: string) => (out[shotId] ??= { shotId, selectedTakeId: null, takes: [], selectedFrameId: null, frames: [] });
  for (const take of [...project.takes.all(), ...project.takes.all('frame')]) {
    const strip = stripOf(take.shotId);
    const review = all.get(take.id);
    const frame = take.kind === 'frame';
    if (take.selected) strip[frame ? 'selectedFrameId' : 'selectedTakeId'] = take.id;
    strip[frame ? 'frames' : 'takes'].push({
      id: take.id,
      number: take.number,
      thumbRelPath: take.thumbRelPath,
      selected: take.selected,
      rejected: review?.rejected ?? false,
      continuityStale: review?.continuityStale ?? false,
      qcFailed: qc.get(take.id)?.filter((r) => !r.ok).length ?? 0,
      durationS: take.durationS,
    });
  }
  return out;
}

/** The inputs of the pure cut, read in a few queries whatever the project's size. */
export function playbackInputs(project: TakesProject): PlaybackShotInput[] {
  const reviews = project.reviews;
  const all = reviews.reviews();
  const fits = reviews.fits();
  const stills = reviews.stills();
  const byShot = new Map<string, TakeView[]>();
  for (const t of project.takes.all()) byShot.set(t.shotId, [...(byShot.get(t.shotId) ?? []), t]);
  return project.timeline.shots().map((shot) => ({
    id: shot.id,
    label: shot.label,
    sceneId: shot.sceneId,
    durationS: shot.durationS,
    action: shot.action,
    takes: (byShot.get(shot.id) ?? []).map((t) => ({
      id: t.id,
      number: t.number,
      relPath: t.relPath,
      durationS: t.durationS,
      width: t.width,
      height: t.height,
      selected: t.selected,
      rejected: all.get(t.id)?.rejected ?? false,
      createdAt: t.createdAt,
    })),
    fit: fits.get(shot.id) ?? { mode: null, trimInS: 0 },
    still: stills.get(shot.id) ?? null,
  }));
}

export function playbackCut(project: TakesProject): PlaybackCut {
  return buildPlaybackCut(playbackInputs(project));
}

/** Money spent on each shot ÷ seconds of its circled take that play in the cut. */
export function usableCostReport(project: TakesProject): UsableCost {
  const spend = project.reviews.spendByShot();
  const cut = playbackCut(project);
  const lines = cut.clips.map((c) => ({
    shotId: c.shotId,
    label: c.label,
    spentUsd: spend.get(c.shotId) ?? 0,
    usableS: c.source === 'selected' ? (c.sourceOutFrames - c.sourceInFrames) / TIMELINE_FPS : 0,
  }));
  const inCut = new Set(lines.map((l) => l.shotId));
  const elsewhere = [...spend].filter(([id]) => !inCut.has(id)).reduce((sum, [, usd]) => sum + usd, 0);
  return usableCost(lines, elsewhere);
}
