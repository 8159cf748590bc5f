// Audio files dropped on the music lane, split into calls small enough for one message, and the
// words for what was refused. Pure, so the batching and the wording are tested.
import { sizeLabel, type Refused } from '../library/files';

/** The core's limit for a bed that travels as bytes (a path has none short of 2 GB). */
const MAX_BYTES = 200 * 1024 * 1024;
/** Bytes per call when files travel as base64. */
const BATCH_BYTES = 48 * 1024 * 1024;

/** Batches of files for `music.add`, and those too big to send as bytes. Pure. */
export function planMusic(files: File[], hasPath: (f: File) => boolean): { batches: File[][]; refused: Refused[] } {
  const refused: Refused[] = [];
  const batches: File[][] = [];
  let current: File[] = [];
  let bytes = 0;
  for (const f of files) {
    const size = hasPath(f) ? 0 : f.size;
    if (size > MAX_BYTES) {
      refused.push({
        name: f.name,
        reason: `it is ${sizeLabel(f.size)}; a dropped music file can be at most 200 MB here. Export a shorter or compressed copy.`,
      });
      continue;
    }
    if (current.length && bytes + size > BATCH_BYTES) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(f);
    bytes += size;
  }
  if (current.length) batches.push(current);
  return { batches, refused };
}

/** One sentence per refused file, each naming it (the core's reasons mostly start with the name already). */
export function refusalText(refused: readonly Refused[]): string {
  const lines = refused.map((r) => (r.reason.startsWith(r.name) ? r.reason : `${r.name}: ${r.reason}`));
  return `Not added to the music lane: ${lines.join(' ')}`;
}
