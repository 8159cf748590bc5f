import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pngSize } from '../../../../test/fakes/common';
import { getModel } from '../../../../shared/catalog';
import { compilePrompt } from '../../../../shared/domain/prompt';
import { emptyPrompt, type AspectRatio } from '../../../../shared/domain/types';
import { runFfmpeg } from '../../media/ffmpeg';
import { loadSharp } from '../../media/lazyLibs';
import { useTmpDir } from '../../testing/tmp.testkit';
import type { GenerationRequest } from '../types';
import { frameArgs } from './frame';
import { localRenderer } from './renderer';

const tmp = useTmpDir();
const renderer = localRenderer();

function request(tool: string, o: { ratio?: AspectRatio; ref?: string | null } = {}): GenerationRequest {
  const shot = { label: '3C', action: 'Mara reads the note under the neon sign.', prompt: emptyPrompt(), durationS: 1, aspectRatio: o.ratio ?? '16:9' };
  return {
    jobId: 'job',
    externalId: 'ext',
    tool,
    model: getModel(tool)!,
    prompt: compilePrompt({ ...shot, dialogue: [] }, tool),
    durationS: shot.durationS,
    aspectRatio: shot.aspectRatio,
    resolution: '720p',
    seed: null,
    startFrame: null,
    endFrame: null,
    references: o.ref ? [{ path: o.ref, mime: 'image/png', width: 1600, height: 900 }] : [],
    shot,
  };
}

/** A wide test pattern with a pure red centre, so the crop can be told from a squash. */
async function reference(dir: string): Promise<string> {
  const file = path.join(dir, 'ref.png');
  await runFfmpeg(['-f', 'lavfi', '-i', 'color=c=blue:s=1600x900', '-vf', 'drawbox=x=700:y=350:w=200:h=200:c=red:t=fill', '-frames:v', '1', '-y', file]);
  return file;
}

async function pixel(file: string, fx: number, fy: number): Promise<number[]> {
  const sharp = await loadSharp();
  const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
  const i = (Math.floor(info.height * fy) * info.width + Math.floor(info.width * fx)) * info.channels;
  return [data[i]!, data[i + 1]!, data[i + 2]!];
}

describe('local frame', () => {
  it.each([
    ['16:9', 1920, 1080],
    ['9:16', 1080, 1920],
    ['21:9', 2520, 1080],
  ] as const)('draws a %s title card as a %ix%i PNG', async (ratio, width, height) => {
    const dest = path.join(tmp(), 'card.png');
    const seen: number[] = [];
    const result = await renderer.render(request('local:frame', { ratio }), dest, { onProgress: (f) => seen.push(f) });
    expect(result.notes).toEqual([]);
    expect(pngSize(fs.readFileSync(dest))).toEqual({ width, height });
    expect(seen.at(-1)).toBe(1);
    // The card's slate colour, not black and not an image.
    expect(await pixel(dest, 0.05, 0.95)).toEqual([expect.closeTo(0x1f, -1), expect.closeTo(0x24, -1), expect.closeTo(0x30, -1)]);
  });

  it.each([
    ['16:9', 1920, 1080],
    ['9:16', 1080, 1920],
  ] as const)('crops the first reference to cover %s at %ix%i, without squashing it', async (ratio, width, height) => {
    const dir = tmp();
    const dest = path.join(dir, 'frame.png');
    await renderer.render(request('local:frame', { ratio, ref: await reference(dir) }), dest, {});
    expect(pngSize(fs.readFileSync(dest))).toEqual({ width, height });
    expect(await pixel(dest, 0.5, 0.5)).toEqual([expect.closeTo(255, -1), expect.closeTo(0, -1), expect.closeTo(0, -1)]);
    // 9:16 keeps the middle 506 px of the 1600 px wide image, where the red square reaches a third
    // of the way in; squashed, it would reach only to 44 %, as it does in the uncropped 16:9 frame.
    const red = [expect.closeTo(255, -1), expect.closeTo(0, -1), expect.closeTo(0, -1)];
    const blue = [expect.closeTo(0, -1), expect.closeTo(0, -1), expect.closeTo(255, -1)];
    expect(await pixel(dest, 0.33, 0.5)).toEqual(ratio === '9:16' ? red : blue);
  });

  it('the local provider still renders clips for the animatic tool', async () => {
    const dest = path.join(tmp(), 'clip.mp4');
    await renderer.render(request('local:animatic'), dest, {});
    expect(fs.readFileSync(dest).subarray(4, 8).toString('latin1')).toBe('ftyp');
  });

  it('says which reference is missing, and builds an argument array with text passed by file', async () => {
    await expect(renderer.render(request('local:frame', { ref: '/nope/ref.png' }), path.join(tmp(), 'x.png'), {})).rejects.toThrow(
      /reference image for shot 3C is missing/,
    );
    const card = frameArgs({ width: 1920, height: 1080, image: null, font: true, dest: '/out/f.png' });
    expect(card.join(' ')).toContain('textfile=title.txt');
    expect(card.at(-1)).toBe('/out/f.png');
    const crop = frameArgs({ width: 1080, height: 1920, image: '/a b/c;rm.png', font: false, dest: 'f.png' });
    expect(crop.slice(0, 2)).toEqual(['-i', '/a b/c;rm.png']);
    expect(crop.join(' ')).toContain('scale=1080:1920:force_original_aspect_ratio=increase,crop=1080:1920');
  });
});
