// Stills grabbed from stored videos, kept beside the store (media/.frames/, a dot folder like
// media/.tmp, so versions and copies leave it out) by the file's content address, frame and width.
// A take's arrival grabs the frame the storyboard will want, so an export of takes that conform
// reads it instead of decoding every take again; any other frame is grabbed once, then kept.
import fs from 'node:fs';
import path from 'node:path';
import { secondsToFrames, TIMELINE_FPS } from '../../../shared/domain/timecode';
import { FRAMES_DIR } from '../project/projectFiles';
import { scratchPath } from './scratch';
import { extractFrame } from './thumbnail';

/** Width of storyboard frames: plenty for a panel a few centimetres wide. */
export const STORYBOARD_WIDTH = 960;

/** Where the still of stored file `relPath` (`media/ab/<sha>.mp4`) at `frame` (24 fps), `width` wide, is kept. */
export function frameCachePath(projectFolder: string, relPath: string, frame: number, width: number): string {
  const stem = path.basename(relPath, path.extname(relPath));
  return path.join(projectFolder, FRAMES_DIR, `${stem}-f${frame}-w${width}.jpg`);
}

/** The kept still of `file` (stored at `relPath`) at `frame`, grabbed now when it is not kept yet. */
export async function cachedFrame(
  projectFolder: string,
  video: { relPath: string; file: string },
  frame: number,
  width: number,
  signal?: AbortSignal,
): Promise<string> {
  const out = frameCachePath(projectFolder, video.relPath, frame, width);
  if (fs.existsSync(out)) return out;
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // Grabbed beside, then renamed: a crash or a second export at the same time never leaves half a
  // JPEG under the name, and opening the project sweeps what a killed process left.
  const temp = scratchPath(path.dirname(out), 'still', '.jpg');
  try {
    await extractFrame(video.file, temp, { atS: frame / TIMELINE_FPS, width, signal });
    fs.renameSync(temp, out);
  } finally {
    fs.rmSync(temp, { force: true });
  }
  return out;
}

/** The frame a take's storyboard still is grabbed at as it arrives: the middle of the whole take, where an untrimmed clip's panel looks. */
export function arrivalStillFrame(durationS: number): number {
  return Math.floor(Math.max(1, secondsToFrames(durationS)) / 2);
}

/** Moves `grabbed` (a JPEG of stored file `relPath` at `frame`, `width` wide) in among the kept stills. */
export function keepStill(projectFolder: string, relPath: string, frame: number, width: number, grabbed: string): void {
  const out = frameCachePath(projectFolder, relPath, frame, width);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.renameSync(grabbed, out);
}
