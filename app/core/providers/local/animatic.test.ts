import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getModel } from '../../../../shared/catalog';
import { compilePrompt } from '../../../../shared/domain/prompt';
import { CAMERA_MOVES, emptyPrompt, type AspectRatio, type CameraMove } from '../../../../shared/domain/types';
import { AbortError, ffprobe, runFfmpeg } from '../../media/ffmpeg';
import { useTmpDir } from '../../testing/tmp.testkit';
import type { GenerationRequest } from '../types';
import { animaticArgs, animaticRenderer, wrapText } from './animatic';
import { animaticSize } from './sizes';

const tmp = useTmpDir();
const renderer = animaticRenderer();

function request(
  o: { ratio?: AspectRatio; camera?: CameraMove; durationS?: number; image?: string | null; label?: string; action?: string } = {},
): GenerationRequest {
  const shot = {
    label: o.label ?? '1A',
    action: o.action ?? 'Mara pushes the diner door open.',
    prompt: { ...emptyPrompt(), camera: o.camera ?? 'static' },
    durationS: o.durationS ?? 2,
    aspectRatio: o.ratio ?? '16:9',
  };
  return {
    jobId: 'job',
    externalId: 'ext',
    tool: 'local:animatic',
    model: getModel('local:animatic')!,
    prompt: compilePrompt({ ...shot, dialogue: [] }, 'local:animatic'),
    durationS: shot.durationS,
    aspectRatio: shot.aspectRatio,
    resolution: '720p',
    seed: 1,
    startFrame: o.image ? { path: o.image, mime: 'image/png', width: 1600, height: 900 } : null,
    endFrame: null,
    references: [],
    shot,
  };
}

async function still(dir: string): Promise<string> {
  const file = path.join(dir, 'still.png');
  await runFfmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=1600x900', '-frames:v', '1', '-y', file]);
  return file;
}

/** What the issue asks of every animatic: exact length (within a frame), 24 fps constant, right size, H.264 yuv420p. */
async function expectAnimatic(file: string, ratio: AspectRatio, durationS: number) {
  const p = await ffprobe(file, { countFrames: true });
  const { width, height } = animaticSize(ratio, '720p');
  expect(p).toMatchObject({ width, height, codec: 'h264', pixFmt: 'yuv420p', hasAudio: false });
  expect(p.fps).toEqual({ avg: 24, r: 24 });
  expect(p.frames).toBe(Math.round(durationS * 24));
  expect(Math.abs(p.durationS - durationS)).toBeLessThanOrEqual(1 / 24);
}

describe('local animatic', () => {
  it.each([
    ['16:9', 'push_in', 2.5, false],
    ['9:16', 'pan_left', 1.5, true],
    ['4:3', 'handheld', 1, true],
    ['21:9', 'orbit', 2, false],
    ['1:1', 'static', 1.5, true],
    ['3:4', 'tilt_up', 1, false],
  ] as const)('renders %s with %s for %s s (image: %s)', async (ratio, camera, durationS, withImage) => {
    const dir = tmp();
    const image = withImage ? await still(dir) : null;
    const dest = path.join(dir, 'out.mp4');
    const seen: number[] = [];
    const result = await renderer.render(request({ ratio, camera, durationS, image }), dest, { onProgress: (f) => seen.push(f) });
    expect(result.notes).toEqual([]);
    await expectAnimatic(dest, ratio, durationS);
    expect(seen.length).toBeGreaterThan(0);
  });

  it('has a valid move for every camera preset', async () => {
    const dir = tmp();
    for (const camera of CAMERA_MOVES) {
      const dest = path.join(dir, `${camera}.mp4`);
      await renderer.render(request({ camera, durationS: 0.5 }), dest, {});
      expect((await ffprobe(dest, { countFrames: true })).frames).toBe(12);
    }
  });

  it("prints the user's text as written, % signs and quotes included", async () => {
    const dest = path.join(tmp(), 'odd.mp4');
    await renderer.render(request({ label: "2B'%{n}", action: "It's 100% done: a \\ back-slash, [brackets]; commas, %{pts}", durationS: 0.5 }), dest, {});
    await expectAnimatic(dest, '16:9', 0.5);
  });

  it('stops when canceled and says why when its image is gone', async () => {
    const ac = new AbortController();
    const dest = path.join(tmp(), 'c.mp4');
    const run = renderer.render(request({ durationS: 30 }), dest, { signal: ac.signal, onProgress: () => ac.abort() });
    await expect(run).rejects.toBeInstanceOf(AbortError);
    await expect(renderer.render(request({ image: '/nope/still.png' }), dest, {})).rejects.toThrow(/image for shot 1A is missing/);
  });

  it('builds an argument array, never a shell string, with text passed by file', () => {
    const args = animaticArgs({ width: 1280, height: 720, frames: 48, move: 'push_in', image: '/a b/c;rm -rf.png', font: true, dest: '/out/x.mp4' });
    expect(args.slice(0, 2)).toEqual(['-i', '/a b/c;rm -rf.png']);
    const graph = args[args.indexOf('-filter_complex') + 1]!;
    expect(graph).toContain('zoompan=');
    expect(graph).toContain('d=48:s=1280x720:fps=24');
    expect(graph).toContain('textfile=label.txt');
    expect(args.at(-1)).toBe('/out/x.mp4');
    expect(animaticArgs({ width: 1280, height: 720, frames: 48, move: 'static', image: null, font: false, dest: 'x' }).join(' ')).not.toContain('drawtext');
  });

  it('wraps text on spaces and ends a cut with an ellipsis', () => {
    expect(wrapText('one two three four', 9, 5)).toBe('one two\nthree\nfour');
    expect(wrapText('one two three four', 9, 2)).toBe('one two\nthree…');
    expect(wrapText('supercalifragilistic', 8, 2)).toBe('superca…');
    expect(wrapText('   ', 8, 2)).toBe('');
  });

  it('is made at the even sizes the issue lists', () => {
    const sizes = (['16:9', '9:16', '1:1', '4:3', '3:4', '21:9'] as const).map((r) => animaticSize(r, '720p'));
    expect(sizes.map((s) => `${s.width}x${s.height}`)).toEqual(['1280x720', '720x1280', '960x960', '1104x832', '832x1104', '1680x720']);
  });
});
