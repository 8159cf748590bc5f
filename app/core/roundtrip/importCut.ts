// The round trip: read a timeline the editor exported back from Resolve (FCPXML 1.9–1.11 or a
// CMX3600 EDL), compare it with the shots, and compute the new order and planned durations.
// Clips are matched to shots by our media file names (SC01_SH010_T02_….mp4), else by clip name =
// shot label. Nothing here touches the db; applying the result is the caller's transaction.
import { shotCode, takeFromFileName, type CutDiff, type CutDiffShot } from '../../../shared/domain/cut';
import { secondsToFrames, timecodeToFrames, TIMELINE_FPS } from '../../../shared/domain/timecode';
import { UserError } from '../errors';
import { parseFcpxTime } from '../export/formats/fcpxTime';
import { urlFileName } from '../export/formats/fileUrl';
import { findAll, parseXml, XmlError, type XmlElement } from '../export/formats/xml';

/** One clip of the main track, in order. */
export interface ImportedClip {
  name: string;
  fileName: string | null;
  durationFrames: number;
}

/** A shot as the diff needs it, in the app's current order. */
export interface KnownShot {
  id: string;
  label: string;
  sceneNumber: number;
  durationS: number;
  /** The selected take's number, null when none. */
  take: number | null;
}

const UNREADABLE = 'Export the timeline from Resolve as FCPXML (File > Export > Timeline, version 1.9 to 1.11) or as a CMX3600 EDL.';

/** The spine of the first sequence: the main track. Items on other lanes hang inside spine items and are not read. */
export function readFcpxmlCut(text: string): ImportedClip[] {
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (err) {
    if (err instanceof XmlError) throw new UserError(`This timeline file is not well-formed XML (${err.message}). ${UNREADABLE}`);
    throw err;
  }
  if (root.name !== 'fcpxml') throw new UserError(`This XML file is not an FCPXML timeline (its root is <${root.name}>). ${UNREADABLE}`);
  const assets = new Map<string, { fileName: string | null; durationFrames: number | null }>();
  for (const asset of findAll(root, 'asset')) {
    // 1.9+ puts the URL on <media-rep>; older versions on the asset itself (docs/resolve.md, FCPXML version).
    const src = asset.children.find((c) => c.name === 'media-rep')?.attrs.src ?? asset.attrs.src;
    assets.set(asset.attrs.id ?? '', { fileName: src ? urlFileName(src) : null, durationFrames: parseFcpxTime(asset.attrs.duration) });
  }
  // The project's sequence: compound clips keep sequences of their own in <resources><media>.
  const sequence = findAll(root, 'project')[0]?.children.find((c) => c.name === 'sequence') ?? findAll(root, 'sequence')[0];
  const spine = sequence?.children.find((c) => c.name === 'spine');
  if (!spine) throw new UserError(`This FCPXML has no sequence with a main track. ${UNREADABLE}`);

  /** The first media file this item (or a clip wrapping it) refers to. */
  const assetOf = (item: XmlElement): { fileName: string | null; durationFrames: number | null } | null => {
    const own = item.attrs.ref ? assets.get(item.attrs.ref) : undefined;
    if (own) return own;
    for (const child of item.children) {
      if (child.attrs.lane) continue;
      const found = assetOf(child);
      if (found) return found;
    }
    return null;
  };
  return spine.children
    .filter((item) => item.name !== 'gap' && item.name !== 'transition')
    .map((item) => {
      const asset = assetOf(item);
      return {
        name: item.attrs.name ?? '',
        fileName: asset?.fileName ?? null,
        durationFrames: parseFcpxTime(item.attrs.duration) ?? asset?.durationFrames ?? 0,
      };
    });
}

const EVENT = /^\s*(\d+)\s+(\S+)\s+(\S+)\s+(C|D|W\d+|K\s*[BO]?)\s+(?:(\d+)\s+)?(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s*$/i;
const FILE_COMMENT = /^\*\s*(FROM CLIP NAME|SOURCE FILE|FROM FILE|FROM CLIP):\s*(.*?)\s*$/i;

/** Video events in order. Zero-length lines (the outgoing half of a dissolve) carry no clip. */
export function readEdlCut(text: string): ImportedClip[] {
  const clips: Array<ImportedClip & { live: boolean }> = [];
  for (const line of text.split(/\r?\n/)) {
    const event = EVENT.exec(line);
    if (event) {
      const [srcIn, srcOut, recIn, recOut] = event.slice(6, 10).map((tc) => timecodeToFrames(tc!));
      if (srcIn == null || srcOut == null || recIn == null || recOut == null)
        throw new UserError(`This EDL has a timecode that is not HH:MM:SS:FF: "${line.trim()}". ${UNREADABLE}`);
      const video = /V|^B$/i.test(event[3]!);
      clips.push({ name: '', fileName: null, durationFrames: recOut - recIn, live: video && srcOut > srcIn });
      continue;
    }
    const comment = FILE_COMMENT.exec(line);
    const clip = clips.at(-1);
    if (!comment || !clip) continue;
    const [, kind, value] = comment;
    if (/FROM CLIP NAME/i.test(kind!)) clip.name = value!;
    // A path, not a URL: its last segment is taken as it is.
    else clip.fileName ??= value!.split(/[\\/]/).pop() ?? null;
  }
  if (!/^\s*TITLE:/im.test(text) && clips.length === 0) throw new UserError(`This file is neither an FCPXML nor an EDL. ${UNREADABLE}`);
  return clips.filter((c) => c.live).map(({ live: _live, ...clip }) => clip);
}

/** FCPXML or EDL, told apart by the first character. */
export function readCut(text: string): ImportedClip[] {
  const body = text.replace(/^\uFEFF/, '');
  const clips = body.trimStart().startsWith('<') ? readFcpxmlCut(body) : readEdlCut(body);
  if (clips.length === 0) throw new UserError(`The timeline has no clips on its main track. ${UNREADABLE}`);
  return clips;
}

/** Indexes (into `seq`) of one longest increasing subsequence: the shots that kept their order. */
function longestIncreasing(seq: number[]): Set<number> {
  const tails: number[] = [];
  const prev: number[] = new Array<number>(seq.length).fill(-1);
  seq.forEach((v, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const keep = new Set<number>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = prev[i]!) keep.add(i);
  return keep;
}

export function diffCut(shots: readonly KnownShot[], clips: readonly ImportedClip[]): CutDiff {
  // A code two shots share (labels that fold to the same ASCII) identifies neither.
  const codes = shots.map((s) => shotCode(s.label, s.sceneNumber).toLowerCase());
  const byCode = new Map(
    shots.filter((_, i) => codes.indexOf(codes[i]!) === codes.lastIndexOf(codes[i]!)).map((s) => [shotCode(s.label, s.sceneNumber).toLowerCase(), s]),
  );
  const byLabel = new Map(shots.map((s) => [s.label.trim(), s]));
  const match = (clip: ImportedClip): { shot: KnownShot; take: number | null } | null => {
    for (const candidate of [clip.fileName, clip.name]) {
      if (!candidate) continue;
      // Our names are <code>_T02_tool.ext or <code>_PH.ext; the code never ends a longer code.
      const code = /^(SC\d+_SH(?:\d+|_[A-Za-z0-9_-]*?))(?=_T\d|_PH|\.|$)/i.exec(candidate)?.[1]?.toLowerCase();
      const shot = (code && byCode.get(code)) || byLabel.get(candidate.trim());
      if (shot) return { shot, take: takeFromFileName(candidate) };
    }
    return null;
  };

  const diff: CutDiff = { order: [], reordered: [], durations: [], removed: [], unknown: [], takeChanged: [], repeated: [] };
  const frames = new Map<string, number>();
  const takes = new Map<string, number>();
  const ref = (s: KnownShot): CutDiffShot => ({ shotId: s.id, label: s.label });
  let previous: string | null = null;
  clips.forEach((clip, position) => {
    const found = match(clip);
    if (!found) {
      diff.unknown.push({ position, name: clip.name, fileName: clip.fileName, durationFrames: clip.durationFrames });
      previous = null;
      return;
    }
    const id = found.shot.id;
    if (previous === id) {
      // The same shot again right after itself: a razor cut, still one shot.
      frames.set(id, frames.get(id)! + clip.durationFrames);
    } else if (frames.has(id)) {
      diff.repeated.push({ ...ref(found.shot), position });
    } else {
      diff.order.push(id);
      frames.set(id, clip.durationFrames);
      if (found.take !== null) takes.set(id, found.take);
    }
    previous = id;
  });

  const oldIndex = new Map(shots.filter((s) => frames.has(s.id)).map((s, i) => [s.id, i]));
  const kept = longestIncreasing(diff.order.map((id) => oldIndex.get(id)!));
  const byId = new Map(shots.map((s) => [s.id, s]));
  diff.order.forEach((id, to) => {
    if (!kept.has(to)) diff.reordered.push({ ...ref(byId.get(id)!), from: oldIndex.get(id)!, to });
  });
  for (const shot of shots) {
    const after = frames.get(shot.id);
    if (after === undefined) {
      diff.removed.push(ref(shot));
      continue;
    }
    const before = secondsToFrames(shot.durationS);
    if (after !== before) {
      diff.durations.push({
        ...ref(shot),
        beforeFrames: before,
        afterFrames: after,
        deltaFrames: after - before,
        deltaSeconds: (after - before) / TIMELINE_FPS,
      });
    }
    const take = takes.get(shot.id);
    if (take !== undefined && take !== shot.take) diff.takeChanged.push({ ...ref(shot), before: shot.take, after: take });
  }
  return diff;
}

export interface AppliedCut {
  /** Every shot id in its new order; shots the edit dropped stay after the shot they followed. */
  order: string[];
  /** New planned durations in seconds, for the shots whose length changed. */
  durationsS: Record<string, number>;
  /** Shots the user agreed to delete (from `diff.removed`). */
  deleted: string[];
}

/** The result of applying a diff; `remove` holds the removed shots the user confirmed deleting. */
export function applyCutDiff(current: { shots: readonly KnownShot[] }, diff: CutDiff, remove: ReadonlySet<string> = new Set()): AppliedCut {
  const removed = new Set(diff.removed.map((r) => r.shotId));
  const deleted = current.shots.filter((s) => removed.has(s.id) && remove.has(s.id)).map((s) => s.id);
  const order = [...diff.order];
  current.shots.forEach((shot, i) => {
    if (!removed.has(shot.id) || remove.has(shot.id)) return;
    let at = 0;
    for (let j = i - 1; j >= 0; j--) {
      const k = order.indexOf(current.shots[j]!.id);
      if (k >= 0) {
        at = k + 1;
        break;
      }
    }
    order.splice(at, 0, shot.id);
  });
  const durationsS = Object.fromEntries(diff.durations.map((d) => [d.shotId, d.afterFrames / TIMELINE_FPS]));
  return { order, durationsS, deleted };
}
