// `shotline music` lays beds on the music lane; `shotline animatic` then mixes them: AAC 48 kHz
// stereo at -16 LUFS, as long as the picture. Bad files are refused with their reason.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { makeProject, shot } from '../core/jobs/jobs.testkit';
import { ffprobe, resolveFfmpeg } from '../core/media/ffmpeg';
import { useTmpDir } from '../core/testing/tmp.testkit';
import { cli } from './cli.testkit';

const tmp = useTmpDir('shotline-music-');
const run = promisify(execFile);

async function ffmpeg(args: string[]): Promise<string> {
  return (await run(await resolveFfmpeg(), ['-hide_banner', '-nostats', ...args], { maxBuffer: 64 * 1024 * 1024 })).stderr;
}

describe('shotline music', () => {
  it('places beds one after another, refuses what is not audio, and the animatic carries the normalised mix', async () => {
    const p = makeProject(tmp());
    shot(p, { tool: 'local:animatic', durationS: 2, action: 'Rain on the diner window' });
    shot(p, { tool: 'local:animatic', durationS: 2, action: 'Mara looks up' });
    p.close();
    const dir = p.folder;
    const cwd = tmp();
    await ffmpeg(['-f', 'lavfi', '-i', 'sine=frequency=220:duration=3', '-af', 'volume=-12dB', '-y', path.join(cwd, 'bed one.mp3')]);
    await ffmpeg(['-f', 'lavfi', '-i', 'sine=frequency=330:duration=5', '-y', path.join(cwd, 'bed-two.flac')]);
    fs.writeFileSync(path.join(cwd, 'notes.wav'), 'not a sound file');

    const refused = await cli(['music', dir, 'bed one.mp3', 'notes.wav'], { cwd });
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/notes\.wav is not an audio file ffprobe can read \(.+\)\. Use WAV, AIFF, MP3, AAC\/M4A or FLAC\./);
    expect(JSON.parse((await cli(['music', dir, '--list', '--json'], { cwd })).out).music).toEqual([]);

    const placed = await cli(['music', dir, 'bed one.mp3', 'bed-two.flac', '--at', '0.5', '--gain=-3', '--fade-in', '0.5'], { cwd });
    expect(placed.err).toBe('');
    const { music } = JSON.parse((await cli(['music', dir, '--list', '--json'], { cwd })).out) as {
      music: Array<{ name: string; atS: number; lengthS: number; gainDb: number; path: string }>;
    };
    expect(music.map((m) => [m.name, m.atS, Math.round(m.lengthS * 10) / 10, m.gainDb])).toEqual([
      ['bed one.mp3', 0.5, 3, -3],
      ['bed-two.flac', expect.closeTo(3.5, 1), 5, -3],
    ]);
    expect(fs.existsSync(music[0]!.path)).toBe(true);

    expect((await cli(['generate', dir, '--all', '--takes', '1', '--wait'], { cwd })).code).toBe(0);
    const made = await cli(['animatic', dir, '--out', 'cut.mp4'], { cwd });
    expect(made.err).toBe('');
    const probe = await ffprobe(path.join(cwd, 'cut.mp4'));
    expect(probe.hasAudio).toBe(true);
    expect(probe.durationS).toBeCloseTo(4, 1);
    const streams = await ffmpeg(['-i', path.join(cwd, 'cut.mp4'), '-af', 'ebur128=peak=true', '-f', 'null', '-']);
    expect(streams).toMatch(/Audio: aac \(LC\).*48000 Hz, stereo/);
    const summary = streams.slice(streams.lastIndexOf('Summary:'));
    expect(Math.abs(Number(/I:\s+(-?[\d.]+) LUFS/.exec(summary)![1]) + 16)).toBeLessThanOrEqual(1);
    expect(Number(/Peak:\s+(-?[\d.]+) dBFS/.exec(summary)![1])).toBeLessThanOrEqual(-1);
  }, 120_000);
});
