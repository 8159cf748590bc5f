// The image a provider is sent, made at send time from the working copy: cropped to the shot's
// ratio by the user's focus rectangle (centred by default), scaled down to the catalog's size
// for that provider, never up, and encoded in a format and size the API takes.
import fs from 'node:fs';
import { loadSharp } from '../media/lazyLibs';
import { getModel, refImageRule, type RefImageRule } from '../../../shared/catalog';
import { cropBox, defaultFocus, sendSize, type PixelBox } from '../../../shared/domain/focus';
import type { LibraryImage } from '../../../shared/domain/library';
import type { AspectRatio, Shot, ToolId } from '../../../shared/domain/types';
import { libraryRepo } from '../db/repos/libraryRepo';
import type { Db } from '../db/sqlite';
import { UserError } from '../errors';
import { mediaStore, mediaTempPath } from '../media/store';

export interface SendImage {
  path: string;
  /** Where it is stored in the project, content-addressed (stable: a queued job can freeze it). */
  relPath: string;
  mime: 'image/jpeg' | 'image/png' | 'image/webp';
  width: number;
  height: number;
  /** The crop taken from the oriented image, in its pixels. */
  crop: PixelBox;
  /** The crop was smaller than the provider's size and is sent at its own size, not upscaled. */
  short: boolean;
  notes: string[];
  tag?: string;
}

async function encode(source: string, crop: PixelBox, size: { width: number; height: number }, rule: RefImageRule, alpha: boolean) {
  const sharp = await loadSharp();
  const base = () => {
    const img = sharp(source, { limitInputPixels: false }).extract(crop);
    return size.width !== crop.width || size.height !== crop.height ? img.resize(size.width, size.height, { fit: 'fill', kernel: 'lanczos3' }) : img;
  };
  if (alpha && rule.formats.includes('png')) {
    const buf = await base().png({ compressionLevel: 9 }).toBuffer();
    if (buf.length <= rule.maxBytes) return { buf, mime: 'image/png' as const };
  }
  // Without alpha (or too big as PNG): JPEG on white, stepping quality down to fit the limit.
  for (const quality of [90, 82, 72, 60]) {
    const buf = await base()
      .flatten({ background: '#ffffff' })
      .jpeg({ quality, chromaSubsampling: quality >= 90 ? '4:4:4' : '4:2:0' })
      .toBuffer();
    if (buf.length <= rule.maxBytes || quality === 60) return { buf, mime: 'image/jpeg' as const };
  }
  throw new Error('unreachable: the last quality always returns');
}

export async function renderForSend(db: Db, folder: string, image: LibraryImage, tool: ToolId, ratio: AspectRatio): Promise<SendImage> {
  const rule = refImageRule(tool);
  const spec = getModel(tool);
  if (!rule || !spec) throw new UserError(`"${tool}" is not a model Shotline knows. Pick a tool from the list.`);
  const rect = image.focus[ratio] ?? defaultFocus(image.width, image.height, ratio);
  const crop = cropBox(rect, image.width, image.height);
  const max = rule.maxSize[ratio];
  const size = sendSize(crop, max);
  if (Math.min(size.width, size.height) < rule.minSide) {
    throw new UserError(
      `${image.name} is ${size.width} × ${size.height} px after the ${ratio} crop; ${spec.name} needs at least ${rule.minSide} px on each side. Use a larger image or widen the crop.`,
    );
  }
  const store = mediaStore(db, folder);
  const working = store.get(image.imageSha256);
  if (!working) throw new UserError(`The file behind ${image.name} is missing from the project. Import it again.`);
  const { buf, mime } = await encode(store.absPath(working.relPath, `The library image ${image.name}`), crop, size, rule, image.hasAlpha).catch(
    (err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      // A full disk says so through describeError; anything else here is the stored file itself.
      if (/ENOSPC/.test(message)) throw err;
      throw new UserError(`${image.name} could not be read from the project's media folder (${message}). Import the image again.`);
    },
  );
  // Stored like any media: the same crop at the same size is the same file, kept once.
  const ext = mime === 'image/png' ? '.png' : '.jpg';
  const tmp = mediaTempPath(folder, ext);
  fs.writeFileSync(tmp, buf);
  const placed = await store.place(tmp, ext);
  store.record(placed, { kind: 'image', mime, width: size.width, height: size.height, originalName: `${image.name} (${spec.name}, ${ratio})` });
  const notes: string[] = [];
  if (size.short) {
    notes.push(
      `${image.name} is ${crop.width} × ${crop.height} px after the ${ratio} crop, smaller than the ${max.width} × ${max.height} ${spec.name} takes: sent at its own size, not upscaled.`,
    );
  }
  return {
    path: store.absPath(placed.relPath, `The library image ${image.name}`),
    relPath: placed.relPath,
    mime,
    width: size.width,
    height: size.height,
    crop,
    short: size.short,
    notes,
  };
}

export interface ShotSendImages {
  startFrame: SendImage | null;
  endFrame: SendImage | null;
  references: SendImage[];
}

/** Renders already made in one batch, by image, provider and ratio: a character in twenty shots is cropped once. */
export type SendCache = Map<string, Promise<SendImage>>;

/** Everything image a generation request for `shot` on `tool` needs, tagged where the slot has a tag. */
export async function sendImagesForShot(
  db: Db,
  folder: string,
  shot: Shot,
  tool: ToolId = shot.tool,
  cache: SendCache = new Map(),
  /** False for a storyboard frame: it is made from the references, and becomes the start keyframe itself. */
  keyframes = true,
): Promise<ShotSendImages> {
  const lib = libraryRepo(db);
  const image = (id: string) => {
    const img = lib.image(id);
    if (!img) throw new UserError(`A reference of shot ${shot.label} is no longer in the library. Fill the slot again.`);
    return img;
  };
  const items = new Map(lib.items().map((i) => [i.id, i]));
  const kf = new Map(lib.keyframesOf(shot.id).map((k) => [k.which, k]));
  const render = (id: string) => {
    const key = `${id}|${refImageRule(tool)?.provider ?? tool}|${shot.aspectRatio}`;
    let made = cache.get(key);
    if (!made) cache.set(key, (made = renderForSend(db, folder, image(id), tool, shot.aspectRatio)));
    return made;
  };
  const start = keyframes ? kf.get('start') : undefined;
  const end = keyframes ? kf.get('end') : undefined;
  const references: SendImage[] = [];
  for (const r of lib.refsOf(shot.id)) {
    const sent = await render(r.imageId);
    const tag = r.itemId ? items.get(r.itemId)?.tag : undefined;
    references.push(tag ? { ...sent, tag } : sent);
  }
  return {
    startFrame: start ? await render(start.imageId) : null,
    endFrame: end ? await render(end.imageId) : null,
    references,
  };
}
