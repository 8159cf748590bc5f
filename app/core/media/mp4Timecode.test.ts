import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../testing/tmp.testkit';
import { makeClip } from './clips.testkit';
import { runFfmpeg } from './ffmpeg';
import { stampTimecode } from './mp4Timecode';

const tmp = useTmpDir('shotline-mp4tc-');
const TC_02_01 = (2 * 3600 + 60) * 24;

/** Every packet of every stream, hashed: the media must come out byte for byte. */
const packets = (file: string) =>
  execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-map', '0:v', '-map', '0:a?', '-c', 'copy', '-f', 'framemd5', '-'], { encoding: 'utf8' });
const streams = (file: string) =>
  execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type,codec_tag_string:stream_tags=timecode', '-of', 'csv=p=0', file], {
    encoding: 'utf8',
  })
    .trim()
    .split('\n');

async function remux(src: string, dest: string, args: string[]): Promise<string> {
  await runFfmpeg(['-i', src, '-map', '0', '-c', 'copy', ...args, '-y', dest]);
  return dest;
}

describe('stampTimecode', () => {
  it.each([
    ['moov first (faststart), with sound', ['-movflags', '+faststart'], true],
    ['moov last, no sound', [], false],
  ] as const)('adds a timecode track to an MP4 with %s, its media untouched', async (_, mux, audio) => {
    const dir = tmp();
    const made = await makeClip(path.join(dir, 'made.mp4'), { width: 320, height: 180, fps: 24, durationS: 2, audio, audioChannels: 2 });
    const src = await remux(made, path.join(dir, 'src.mp4'), [...mux]);
    const dest = path.join(dir, 'out.mp4');
    expect(await stampTimecode(src, dest, TC_02_01)).toBe(true);
    expect(packets(dest)).toBe(packets(src));
    const kinds = streams(dest);
    expect(kinds[0]).toBe('video,avc1,02:01:00:00');
    expect(kinds).toContain('data,tmcd,02:01:00:00');
    expect(kinds.filter((k) => k.startsWith('audio'))).toHaveLength(audio ? 1 : 0);
    // ffmpeg itself decodes it to the end without a complaint.
    expect(execFileSync('ffmpeg', ['-v', 'error', '-i', dest, '-f', 'null', '-'], { encoding: 'utf8' })).toBe('');
    expect(fs.readdirSync(dir).sort()).toEqual(['made.mp4', 'out.mp4', 'src.mp4']);
  });

  it('writes the start frame it is given, also one late in the day', async () => {
    const dir = tmp();
    const src = await makeClip(path.join(dir, 'src.mp4'));
    const late = (23 * 3600 + 59 * 60 + 58) * 24 + 23;
    await stampTimecode(src, path.join(dir, 'out.mp4'), late);
    expect(streams(path.join(dir, 'out.mp4'))[0]).toBe('video,avc1,23:59:58:23');
  });

  it.each([
    ['a file that already has a timecode track', ['-timecode', '01:00:00:00']],
    ['a fragmented MP4', ['-movflags', 'frag_keyframe+empty_moov']],
    ['a QuickTime file', ['-f', 'mov']],
  ] as const)('declines %s and writes nothing', async (_, mux) => {
    const dir = tmp();
    const src = await remux(await makeClip(path.join(dir, 'made.mp4')), path.join(dir, 'src.mp4'), [...mux]);
    expect(await stampTimecode(src, path.join(dir, 'out.mp4'), TC_02_01)).toBe(false);
    expect(fs.readdirSync(dir).sort()).toEqual(['made.mp4', 'src.mp4']);
  });

  it('declines a video whose frames are not 24 fps frames of its time scale', async () => {
    const dir = tmp();
    const src = await makeClip(path.join(dir, 'src.mp4'), { fps: 30 });
    expect(await stampTimecode(src, path.join(dir, 'out.mp4'), TC_02_01)).toBe(false);
  });

  it('declines what is not an MP4 at all', async () => {
    const dir = tmp();
    const src = path.join(dir, 'src.mp4');
    fs.writeFileSync(src, 'not a movie, just words long enough to look like boxes');
    expect(await stampTimecode(src, path.join(dir, 'out.mp4'), TC_02_01)).toBe(false);
    fs.writeFileSync(src, Buffer.alloc(0));
    expect(await stampTimecode(src, path.join(dir, 'out.mp4'), TC_02_01)).toBe(false);
  });
});
