// Everything the Resolve export reads from an open project, in one read transaction: each
// shot's clip exactly as the playback cut plays it (takes/queries.ts: selected take, else newest,
// else a still card, with its trim or hold), its other usable takes, the still a placeholder is
// drawn from, the library images the shots use, every take's provenance and what each shot has
// cost. No SQL here: the repos and the takes queries hold it.
import { sceneOfLabel } from '../../../shared/domain/labels';
import fs from 'node:fs';
import path from 'node:path';
import type { PlaybackClip } from '../../../shared/domain/playback';
import type { TakeView } from '../../../shared/domain/jobs';
import { shotTags } from '../../../shared/domain/tags';
import { secondsToFrames } from '../../../shared/domain/timecode';
import type { ProjectSnapshot, Shot } from '../../../shared/domain/types';
import { mediaStore } from '../media/store';
import type { SourceProbe } from '../media/sourceProbe';
import type { Project } from '../project/project';
import { listTakes, playbackCut, takeFile } from '../takes/queries';
import { laneSound } from '../cut/projectAnimatic';
import type { PlanAudio } from './planCut';

export interface SourceTake {
  take: TakeView;
  /** Absolute path of the take's video in the project. */
  path: string;
  /** Its length at 24 fps, as the playback cut counts it. */
  frames: number;
  /** What ffprobe said of the file when it arrived; null when it must be probed now. */
  probe: SourceProbe | null;
}

export interface SourceStill {
  path: string;
  mime: 'image/jpeg' | 'image/png' | 'image/webp';
}

export interface SourceShot {
  shot: Shot;
  sceneNumber: number;
  /** How the cut plays this shot (record range, trim, hold). */
  clip: PlaybackClip;
  /** The take that plays, null when the shot shows a still card. */
  take: SourceTake | null;
  /** For a still card: the start keyframe, else the first reference; null draws a title card. */
  still: SourceStill | null;
  /** The shot's other takes that are not rejected, oldest first. */
  alternates: SourceTake[];
}

export interface ExportSource {
  folder: string;
  snapshot: ProjectSnapshot;
  shots: SourceShot[];
  /** Library images the shots use (slots, keyframes, @tags), by tag. */
  references: Array<{ tag: string; sourcePath: string }>;
  /** Per shot id: its takes with their full provenance (TakeInfo), for manifest.json. */
  provenance: Record<string, unknown>;
  /** Per shot id: what its jobs have cost so far. */
  actualUsd: Record<string, number>;
  /** Sound on its own lanes (music beds). */
  audio: PlanAudio[];
}

const MIME: Record<string, SourceStill['mime']> = { '.png': 'image/png', '.webp': 'image/webp', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg' };

export function readExportSource(project: Project): ExportSource {
  // One read transaction: the export sees one consistent state of the project.
  return project.db.transaction(() => read(project))();
}

function read(project: Project): ExportSource {
  const snapshot = project.snapshot();
  const reviews = project.reviews;
  const store = mediaStore(project.db, project.folder);
  const cut = playbackCut(project);
  const rejected = new Set([...reviews.reviews()].filter(([, r]) => r.rejected).map(([id]) => id));
  const sceneNumber = new Map(snapshot.scenes.map((s) => [s.id, s.number]));
  const byShot = new Map<string, TakeView[]>();
  for (const t of project.takes.all()) byShot.set(t.shotId, [...(byShot.get(t.shotId) ?? []), t]);

  const source = (t: TakeView): SourceTake => {
    const file = takeFile(project, t);
    return { take: t, path: file, frames: Math.max(1, secondsToFrames(t.durationS ?? 0)), probe: store.knownProbe(t.relPath, file) };
  };
  const shots = snapshot.shots.map((shot, i): SourceShot => {
    const clip = cut.clips[i]!;
    if (clip.shotId !== shot.id) throw new Error(`the playback cut is not in timeline order at ${shot.label}`);
    const own = byShot.get(shot.id) ?? [];
    const played = own.find((t) => t.id === clip.takeId);
    const stillPath = !played && clip.relPath ? store.absPath(clip.relPath, `The frame of shot ${shot.label}`) : null;
    return {
      shot,
      sceneNumber: sceneOfLabel(shot.label) ?? sceneNumber.get(shot.sceneId) ?? 0,
      clip,
      take: played ? source(played) : null,
      still: stillPath ? { path: stillPath, mime: MIME[path.extname(stillPath).toLowerCase()] ?? 'image/png' } : null,
      alternates: own.filter((t) => t.id !== clip.takeId && !rejected.has(t.id) && (t.durationS ?? 0) > 0).map(source),
    };
  });
  const provenance = Object.fromEntries(snapshot.shots.map((shot) => [shot.id, { takes: listTakes(project, shot.id, true) }]));
  const actualUsd = Object.fromEntries(reviews.spendByShot());
  return {
    folder: project.folder,
    snapshot,
    shots,
    references: usedReferences(project, snapshot.shots),
    provenance,
    actualUsd,
    audio: laneSound(project, cut),
  };
}

/** Every library image a shot uses — in a slot, as a keyframe, or through an @tag (the item's primary image) — once, named by tag. */
function usedReferences(project: Project, shots: readonly Shot[]): ExportSource['references'] {
  const lib = project.library;
  const store = mediaStore(project.db, project.folder);
  const items = new Map(lib.items().map((i) => [i.id, i]));
  const byTag = new Map(lib.items().map((i) => [i.tag.toLowerCase(), i]));
  const seen = new Set<string>();
  const out: ExportSource['references'] = [];
  const add = (imageId: string | undefined, itemId: string | null) => {
    const image = imageId ? lib.image(imageId) : undefined;
    if (!image || seen.has(image.id)) return;
    // The original as imported: the editor gets the full-quality file, not our working copy.
    const asset = store.get(image.sha256) ?? store.get(image.imageSha256);
    const file = asset && store.absPath(asset.relPath, `The library image ${image.name}`);
    // References are a convenience for the editor: one gone from the media folder is left out.
    if (!file || !fs.existsSync(file)) return;
    seen.add(image.id);
    const item = itemId ? items.get(itemId) : image.itemId ? items.get(image.itemId) : undefined;
    out.push({ tag: item?.tag ?? path.parse(image.name).name, sourcePath: file });
  };
  const refs = lib.refs();
  const keyframes = lib.keyframes();
  for (const shot of shots) {
    for (const k of keyframes.filter((x) => x.shotId === shot.id)) add(k.imageId, k.itemId);
    for (const r of refs.filter((x) => x.shotId === shot.id)) add(r.imageId, r.itemId);
    for (const tag of shotTags(shot)) {
      const item = byTag.get(tag.toLowerCase());
      const images = item ? lib.imagesOf(item.id) : [];
      add((images.find((i) => i.primary) ?? images[0])?.id, item?.id ?? null);
    }
  }
  return out;
}
