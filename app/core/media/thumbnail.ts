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
