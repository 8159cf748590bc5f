import { runFfmpeg } from './ffmpeg';

/**
 * Writes one frame of `video`, taken `atS` seconds in, as a JPEG `width` pixels wide (height
 * keeps the aspect, rounded to even). Seeking before the input is fast and exact enough here.
 */
export async function extractFrame(video: string, dest: string, opts: { atS?: number; width?: number; signal?: AbortSignal } = {}): Promise<void> {
  const width = opts.width ?? 320;
  await runFfmpeg(
    ['-ss', String(Math.max(0, opts.atS ?? 0)), '-i', video, '-frames:v', '1', '-vf', `scale=${width}:-2`, '-q:v', '4', '-f', 'image2', '-y', dest],
    { signal: opts.signal },
  );
}

/**
 * Writes one frame of `video`, `atS` seconds in, at several widths in one ffmpeg run (one seek,
 * one decode): a take's thumbnail and its storyboard still as it arrives.
 */
export async function extractFrameSizes(
  video: string,
  atS: number,
  outputs: ReadonlyArray<{ dest: string; width: number }>,
  signal?: AbortSignal,
): Promise<void> {
  const split = `[0:v:0]split=${outputs.length}${outputs.map((_, i) => `[s${i}]`).join('')};${outputs.map((o, i) => `[s${i}]scale=${o.width}:-2[o${i}]`).join(';')}`;
  const maps = outputs.flatMap((o, i) => ['-map', `[o${i}]`, '-frames:v', '1', '-q:v', '4', '-f', 'image2', '-y', o.dest]);
  await runFfmpeg(['-ss', String(Math.max(0, atS)), '-i', video, '-filter_complex', split, ...maps], { signal });
}
