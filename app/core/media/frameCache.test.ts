import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../testing/tmp.testkit';
import { openProject } from '../project/project';
import { createProjectFolder } from '../project/projectFiles';
import { makeClip } from './clips.testkit';
import { cachedFrame, frameCachePath } from './frameCache';
import { extractFrame, extractFrameSizes } from './thumbnail';
import { loadSharp } from './lazyLibs';

const tmp = useTmpDir('shotline-frames-');
const REL = 'media/ab/abcdef.mp4';

async function project() {
  const folder = tmp();
  const file = path.join(folder, REL);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await makeClip(file, { width: 640, height: 360, durationS: 2 });
  return { folder, file };
}

describe('cachedFrame', () => {
  it('grabs a frame once and then reads the kept still, even with the video gone', async () => {
    const { folder, file } = await project();
    const still = await cachedFrame(folder, { relPath: REL, file }, 24, 320);
    expect(still).toBe(frameCachePath(folder, REL, 24, 320));
    expect(still.startsWith(path.join(folder, 'media', '.frames'))).toBe(true);
    expect((await (await loadSharp())(still).metadata()).width).toBe(320);
    const bytes = fs.readFileSync(still);
    fs.rmSync(file);
    expect(await cachedFrame(folder, { relPath: REL, file }, 24, 320)).toBe(still);
    expect(fs.readFileSync(still).equals(bytes)).toBe(true);
    // Another frame or width is another still, and needs the video.
    await expect(cachedFrame(folder, { relPath: REL, file }, 12, 320)).rejects.toThrow();
    expect(fs.readdirSync(path.dirname(still))).toEqual([path.basename(still)]);
  });
});

describe('the kept stills folder', () => {
  it('loses what a killed grab left half written when the project opens, and keeps the stills', async () => {
    const folder = createProjectFolder(tmp(), 'Stills', { createdBy: 'test' });
    const file = path.join(folder, REL);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await makeClip(file, { width: 640, height: 360, durationS: 2 });
    const kept = await cachedFrame(folder, { relPath: REL, file }, 12, 320);
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const half = path.join(path.dirname(kept), `.shotline-still-${gone}-0123abcd.jpg`);
    fs.writeFileSync(half, 'half a JPEG');
    openProject(folder).close();
    expect(fs.readdirSync(path.dirname(kept))).toEqual([path.basename(kept)]);
  });
});

describe('extractFrameSizes', () => {
  it('writes one frame at each asked width in one run, the same picture a single grab makes', async () => {
    const { folder, file } = await project();
    const small = path.join(folder, 'small.jpg');
    const large = path.join(folder, 'large.jpg');
    await extractFrameSizes(file, 1, [
      { dest: small, width: 160 },
      { dest: large, width: 480 },
    ]);
    const sharp = await loadSharp();
    expect((await sharp(small).metadata()).width).toBe(160);
    expect((await sharp(large).metadata()).width).toBe(480);
    const one = path.join(folder, 'one.jpg');
    const oneSmall = path.join(folder, 'one-small.jpg');
    const first = path.join(folder, 'first.jpg');
    await extractFrame(file, one, { atS: 1, width: 480 });
    await extractFrame(file, oneSmall, { atS: 1, width: 160 });
    await extractFrame(file, first, { atS: 0, width: 480 });
    const gray = async (f: string) => (await sharp(f).resize(32, 18).grayscale().raw().toBuffer()) as Buffer;
    const [l, s, o, os, f] = await Promise.all([gray(large), gray(small), gray(one), gray(oneSmall), gray(first)]);
    const diff = (a: Buffer, b: Buffer) => Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));
    expect(diff(l, o)).toBeLessThanOrEqual(6);
    expect(diff(s, os)).toBeLessThanOrEqual(6);
    // testsrc2 moves: the first frame is another picture, so the comparison above can fail.
    expect(diff(l, f)).toBeGreaterThan(20);
  });
});
