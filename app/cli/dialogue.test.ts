// Dialogue spoken with the local voice through the engine (`generate --dialogue`), listed with its
// audio, heard in the animatic at the shot's first frame, and laid on the dialogue lane of the
// Resolve folder.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { makeProject, shot } from '../core/jobs/jobs.testkit';
import { photoJpeg } from '../core/library/images.testkit';
import { resolveFfmpeg } from '../core/media/ffmpeg';
import { useTmpDir } from '../core/testing/tmp.testkit';
import { cli } from './cli.testkit';

const tmp = useTmpDir('shotline-dialogue-');
const run = promisify(execFile);
const line = (speaker: string, text: string) => ({ speaker, extension: null, parenthetical: null, text });

describe('shotline generate --dialogue', () => {
  it('speaks each line in its speaker’s voice, lists the audio, mixes it in sync and exports it on the dialogue lane', async () => {
    const p = makeProject(tmp());
    shot(p, { tool: 'local:animatic', durationS: 3, action: 'Mara at the counter', dialogue: [line('MARA', 'Coffee.')] });
    shot(p, {
      tool: 'local:animatic',
      durationS: 4,
      action: 'Dee pours',
      dialogue: [line('DEE', 'Kitchen is closed, hon. Coffee is still hot, though, if you want to wait out the rain.'), line('JOE', 'Me too.')],
    });
    p.close();
    const dir = p.folder;
    const cwd = tmp();
    fs.writeFileSync(path.join(cwd, 'face.jpg'), await photoJpeg(640, 480));
    for (const [name, tag, voice] of [
      ['Mara', 'mara', 'local'],
      ['Dee', 'dee', 'local:f2'],
    ] as const) {
      expect((await cli(['library', 'add', dir, '--name', name, '--tag', tag, 'face.jpg'], { cwd })).code).toBe(0);
      expect((await cli(['voice', dir, '--character', `@${tag}`, '--voice', voice], { cwd })).code).toBe(0);
    }

    const spoken = await cli(['generate', dir, '--dialogue', '--wait'], { cwd });
    // JOE has no character, so no voice: said, and the other lines go ahead.
    expect(spoken.err).toContain('1B: JOE has no voice.');
    expect(spoken.out).toContain('Queued 2 lines of 2 shots, estimated $0.00.');
    expect(spoken.code, spoken.out + spoken.err).toBe(0);

    const jobs = JSON.parse((await cli(['jobs', dir, '--json'], { cwd })).out) as { jobs: Array<{ tool: string; state: string }> };
    expect(jobs.jobs.map((j) => [j.tool, j.state])).toEqual([
      ['local:voice', 'ready'],
      ['local:voice', 'ready'],
    ]);
    type Listed = { shots: Array<{ label: string; dialogue: Array<{ speaker: string; audio: string | null; durationS: number | null }> }> };
    const listed = JSON.parse((await cli(['list', dir, '--json'], { cwd })).out) as Listed;
    const [a, b] = listed.shots;
    expect(a!.dialogue[0]!.audio).toMatch(/\.wav$/);
    expect(fs.existsSync(a!.dialogue[0]!.audio!)).toBe(true);
    // The longer line takes longer to say; the line with no voice has no audio.
    expect(b!.dialogue[0]!.durationS!).toBeGreaterThan(a!.dialogue[0]!.durationS! * 2);
    expect(b!.dialogue[1]).toMatchObject({ speaker: 'JOE', audio: null, durationS: null, takeId: null });
    // Where each line starts in its shot: the first at its first frame.
    expect(b!.dialogue[0]).toMatchObject({ startS: 0, offsetS: null, takeId: expect.any(String) });

    // The animatic: sound from the first frame (1A's line), then silence, then 1B's line from 1B's first frame.
    expect((await cli(['generate', dir, '--all', '--takes', '1', '--wait'], { cwd })).code).toBe(0);
    expect((await cli(['animatic', dir, '--out', 'cut.mp4'], { cwd })).err).toBe('');
    const ffmpeg = await resolveFfmpeg();
    const { stderr } = await run(ffmpeg, [
      '-hide_banner',
      '-nostats',
      '-i',
      path.join(cwd, 'cut.mp4'),
      '-af',
      'silencedetect=noise=-45dB:d=0.3',
      '-f',
      'null',
      '-',
    ]);
    const ends = [...stderr.matchAll(/silence_end: ([\d.]+)/g)].map((m) => Number(m[1]));
    // The voice's file starts with a breath of silence of its own: the line is placed exactly when
    // the cut's sound starts that much after 1B's first frame (3 s), within one frame.
    const own = await run(ffmpeg, ['-hide_banner', '-nostats', '-i', b!.dialogue[0]!.audio!, '-af', 'silencedetect=noise=-45dB:d=0.01', '-f', 'null', '-']);
    const lead = Number(/silence_end: ([\d.]+)/.exec(own.stderr)?.[1] ?? 0);
    expect(
      ends.some((t) => Math.abs(t - (3 + lead)) < 1 / 24),
      `${ends} vs ${3 + lead}`,
    ).toBe(true);

    const exported = await cli(['export', dir, '--resolve', cwd], { cwd });
    expect(exported.code, exported.err).toBe(0);
    const folder = fs.readdirSync(cwd).find((f) => f.endsWith('_Resolve'))!;
    const audio = fs.readdirSync(path.join(cwd, folder, 'Audio'));
    expect(audio.filter((f) => f.startsWith('DIALOGUE_'))).toHaveLength(2);
    const fcpxml = fs.readFileSync(
      path.join(
        cwd,
        folder,
        fs.readdirSync(path.join(cwd, folder)).find((f) => f.endsWith('.fcpxml'))!,
      ),
      'utf8',
    );
    expect(fcpxml.match(/lane="-1"[^>]*audioRole="dialogue"/g)).toHaveLength(2);
  }, 180_000);
});
