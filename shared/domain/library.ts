// The reference library: characters, locations, props and styles with their images, and what
// each shot uses of them (reference slots, start and end keyframes). Plain data for the
// contract; the rules live in tags.ts, focus.ts and validation.ts.
import type { AspectRatio } from './types';

export const LIBRARY_KINDS = ['character', 'location', 'prop', 'style'] as const;
export type LibraryKind = (typeof LIBRARY_KINDS)[number];

/** A crop of the (EXIF-oriented) image, in fractions of its width and height. */
export interface FocusRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LibraryImage {
  id: string;
  /** null for a loose image (dropped straight onto a slot or a keyframe). */
  itemId: string | null;
  /** The file name it was imported from. */
  name: string;
  /** sha256 of the original file as imported, stored untouched under media/. */
  sha256: string;
  /** The working copy: oriented, 8-bit sRGB, alpha kept (the original itself when it already was). */
  imageSha256: string;
  thumbSha256: string;
  /** After EXIF orientation. */
  width: number;
  height: number;
  hasAlpha: boolean;
  /** Container as detected from the bytes: jpeg, png, webp, tiff, heif. */
  format: string;
  primary: boolean;
  position: number;
  /** Focus rectangles the user set, per ratio; a missing ratio uses the centred crop. */
  focus: Partial<Record<AspectRatio, FocusRect>>;
}

/** Where a library item is used: which shot and how. */
export interface ItemUse {
  shotId: string;
  label: string;
  as: 'ref' | 'start' | 'end' | 'prompt';
}

export interface LibraryItem {
  id: string;
  kind: LibraryKind;
  name: string;
  /** Without the @. */
  tag: string;
  notes: string;
  position: number;
  /** A character's voice: `local`, `local:<variant>` or `elevenlabs:<voice id>` (voice.ts); null for none. */
  voice: string | null;
  images: LibraryImage[];
  /** In timeline order; a shot can appear more than once with different `as`. */
  usedBy: ItemUse[];
}

export interface ShotRef {
  slot: number;
  itemId: string | null;
  imageId: string;
  /** The item's tag, or null for a loose image. */
  tag: string | null;
  name: string;
  thumbSha256: string;
}

export type KeyframeWhich = 'start' | 'end';

export interface Keyframe {
  which: KeyframeWhich;
  imageId: string;
  itemId: string | null;
  /** How the user chose it: "@mara", "shot 1B, last frame", or a file name. */
  source: string;
  thumbSha256: string;
  width: number;
  height: number;
}

export interface ShotRefs {
  shotId: string;
  refs: ShotRef[];
  start: Keyframe | null;
  end: Keyframe | null;
}

/** A dropped or picked file: a path where the shell can give one, else its bytes (base64 over the devhost). */
export interface ImportFile {
  name: string;
  path?: string;
  bytes?: string | Uint8Array;
  /** Files with the same group become one item (a dropped folder). */
  group?: string;
}

export type ImportTarget =
  /** One new item per file (or per group), named after it; without a kind, each is guessed from its folder and file names. */
  | { to: 'items'; kind?: LibraryKind }
  /** All files into one item; an existing tag adds to that item. */
  | { to: 'item'; kind: LibraryKind; name: string; tag?: string; notes?: string }
  | { to: 'existing'; itemId: string }
  /**
   * Loose images into a shot's slots, from `slot` on: the first takes the place of what that slot
   * holds, the rest go into empty slots after it. Without `slot`, they all fill empty slots.
   */
  | { to: 'slot'; shotId: string; slot?: number }
  /** `source` says where it came from ("shot 1B, last frame"); the file name by default. */
  | { to: 'keyframe'; shotId: string; which: KeyframeWhich; source?: string };

export interface ImportAdded {
  name: string;
  imageId: string;
  itemId: string | null;
  tag: string | null;
  width: number;
  height: number;
  /** The same file was already stored, so no new copy was written. */
  stored: 'new' | 'existing';
}

export interface ImportSummary {
  added: ImportAdded[];
  /** Not added, and not an error: the image is already in that item. */
  skipped: { name: string; reason: string }[];
  refused: { name: string; reason: string }[];
  itemsCreated: { id: string; tag: string; name: string }[];
  /** A slot drop that took the place of a reference: the slot (from 0), what it held ("@mara" or a file name), and the file now there. */
  replaced?: { slot: number; was: string; now: string };
}

export interface ImportProgress {
  importId: string;
  done: number;
  total: number;
  /** The file just finished. */
  name: string;
  ok: boolean;
}

/** Per-shot counts validateShot needs, from what the shot holds. */
export function refInfo(refs: ShotRefs | undefined) {
  return {
    refCount: refs?.refs.length ?? 0,
    refTags: refs?.refs.map((r) => r.tag) ?? [],
    hasStartKeyframe: !!refs?.start,
    hasEndKeyframe: !!refs?.end,
  };
}
