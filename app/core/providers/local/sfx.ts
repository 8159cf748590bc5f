// The keyless scratch effect (catalog `local:sfx`): ffmpeg shapes noise into a short swell of
// the cue's exact length, so a cut can be timed with effects before any key is set. Not meant to
// sound like the cue's text; the text only varies the colour, so two cues are told apart.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../errors';
import { runFfmpeg } from '../../media/ffmpeg';
import { LOCAL_VOICE_SAMPLE_RATE } from './voice';

type Env = Record<string, string | undefined>;

const COLOURS = ['white', 'pink', 'brown'] as const;

/** The ffmpeg filter graph of a scratch effect: noise, band-limited by the text, faded in and out. */
export function scratchEffectGraph(text: string, seconds: number): string {
  const h = [...text].reduce((acc, c) => (acc * 31 + c.codePointAt(0)!) >>> 0, 7);
  const colour = COLOURS[h % COLOURS.length]!;
  const centreHz = 200 + (h % 3000);
  // A quick attack and a longer tail read as "something happened here" on a timeline.
  const attack = Math.min(0.05, seconds / 4);
  const release = Math.min(seconds / 2, Math.max(0.1, seconds - attack));
  return [
    `anoisesrc=color=${colour}:sample_rate=${LOCAL_VOICE_SAMPLE_RATE}:amplitude=0.5:duration=${seconds}`,
    `bandpass=f=${centreHz}:width_type=o:w=2`,
    `afade=t=in:d=${attack}`,
    `afade=t=out:st=${(seconds - release).toFixed(3)}:d=${release.toFixed(3)}`,
    `atrim=end_sample=${Math.round(seconds * LOCAL_VOICE_SAMPLE_RATE)}`,
  ].join(',');
}

/** Writes a scratch effect of exactly `seconds` into `dest` (48 kHz mono 16-bit WAV), whole or not at all. */
export async function makeLocalSfx(req: { text: string; seconds: number }, dest: string, opts: { signal?: AbortSignal; env?: Env } = {}): Promise<void> {
  if (!req.text.trim()) throw new UserError('Describe the sound effect first: its text is empty.');
  if (!(req.seconds > 0)) throw new UserError(`A sound effect needs a length above 0 s; ${req.seconds} s was asked for.`);
  const part = `${dest}.${randomUUID()}.part${path.extname(dest) || '.wav'}`;
  try {
    await runFfmpeg(
      [
        '-f',
        'lavfi',
        '-i',
        scratchEffectGraph(req.text, req.seconds),
        '-ac',
        '1',
        '-c:a',
        'pcm_s16le',
        '-map_metadata',
        '-1',
        '-fflags',
        '+bitexact',
        '-y',
        part,
      ],
      { signal: opts.signal, env: opts.env },
    );
    fs.renameSync(part, dest);
  } finally {
    fs.rmSync(part, { force: true });
  }
}
