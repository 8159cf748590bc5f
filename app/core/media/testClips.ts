// Test clips as providers deliver them: any size, rate and pixel shape, with or without sound.
import { execFileSync } from 'node:child_process';
import { runFfmpeg } from './ffmpeg';

/** An H.264 MP4 of testsrc2 (and a 440 Hz mono AAC tone when `audio`), `sar` as ffmpeg's setsar takes it. */
export async function makeSourceClip(file: string, o: { width: number; height: number; fps: number; seconds: number; audio?: boolean; sar?: string }): Promise<string> {
  const args = ['-f', 'lavfi', '-i', `testsrc2=s=${o.width}x${o.height}:r=${o.fps}`];
  if (o.audio) args.push('-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=44100');
  args.push('-t', String(o.seconds), '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p');
  if (o.sar) args.push('-vf', `setsar=${o.sar}`);
  if (o.audio) args.push('-c:a', 'aac', '-ac', '1', '-shortest');
  await runFfmpeg([...args, '-y', file]);
  return file;
}

/** Every frame as 32×18 gray pixels: enough to tell moving frames from frozen ones through lossy coding. */
export function tinyFrames(file: string): Buffer[] {
  const raw = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-map', '0:v:0', '-vf', 'scale=32:18,format=gray', '-f', 'rawvideo', '-'], { maxBuffer: 1 << 24 });
  return Array.from({ length: raw.length / 576 }, (_, i) => raw.subarray(i * 576, (i + 1) * 576));
}
/** The largest pixel difference between two tiny frames. */
export const frameDiff = (a: Buffer, b: Buffer) => Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));
