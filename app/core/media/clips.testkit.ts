// Test clips as providers deliver them: any size, rate and pixel shape, with or without sound.
// The one clip maker of the test kits.
import { execFileSync } from 'node:child_process';
import { runFfmpeg } from './ffmpeg';

export interface ClipSpec {
  width?: number;
  height?: number;
  fps?: number;
  durationS?: number;
  /** An lavfi video source; the default (testsrc2) moves on every frame. */
  source?: string;
  /** A 440 Hz AAC tone, mono unless `audioChannels` says 2, at `audioRate` (48 kHz by default). */
  audio?: boolean;
  audioChannels?: 1 | 2;
  audioRate?: number;
  /** Pixel shape as ffmpeg's setsar takes it ("4/3"). */
  sar?: string;
}

/** An H.264 yuv420p MP4 made by ffmpeg: 320×180, 24 fps, 1 s unless `spec` says otherwise. */
export async function makeClip(file: string, spec: ClipSpec = {}): Promise<string> {
  const { width = 320, height = 180, fps = 24, durationS = 1 } = spec;
  const args = ['-f', 'lavfi', '-i', spec.source ?? `testsrc2=size=${width}x${height}:rate=${fps}`];
  if (spec.audio) args.push('-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=${spec.audioRate ?? 48000}`);
  args.push('-t', String(durationS), '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p');
  if (spec.sar) args.push('-vf', `setsar=${spec.sar}`);
  if (spec.audio) args.push('-c:a', 'aac', '-ac', String(spec.audioChannels ?? 1), '-shortest');
  await runFfmpeg([...args, '-y', file]);
  return file;
}

/** Every frame as 32×18 gray pixels: enough to tell moving frames from frozen ones through lossy coding. */
export function tinyFrames(file: string): Buffer[] {
  const raw = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-map', '0:v:0', '-vf', 'scale=32:18,format=gray', '-f', 'rawvideo', '-'], {
    maxBuffer: 1 << 24,
  });
  return Array.from({ length: raw.length / 576 }, (_, i) => raw.subarray(i * 576, (i + 1) * 576));
}
/** The largest pixel difference between two tiny frames. */
export const frameDiff = (a: Buffer, b: Buffer) => Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));
