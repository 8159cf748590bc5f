import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AspectRatio } from '../../../../shared/domain/types';
import { useTmpDir } from '../../testing/tmp.testkit';
import { storyboardLayout, storyboardPageCount, writeStoryboardPdf, type StoryboardPanel } from './pdf';
import { dejaVu, pdfPages } from '../tools.testkit';

function panels(n: number, image: (i: number) => string | null): StoryboardPanel[] {
  return Array.from({ length: n }, (_, i) => ({
    label: `${Math.floor(i / 3) + 1}${'ABC'[i % 3]}`,
    durationS: 2.5 + i,
    camera: 'push in',
    action: `Mara enters the diner — “Tom & Jerry’s”, 東京 ${'and keeps walking '.repeat(i % 4 === 0 ? 20 : 1)}`,
    dialogue: i % 2 ? 'We\'re "closed".' : '',
    tool: 'runway:gen4_turbo',
    image: image(i),
  }));
}

describe('storyboard PDF', () => {
  const tmp = useTmpDir();

  it('lays six wide panels, eight square or four tall to a landscape page', () => {
    expect(storyboardLayout('16:9')).toEqual({ cols: 3, rows: 2, perPage: 6 });
    expect(storyboardLayout('1:1').perPage).toBe(8);
    expect(storyboardLayout('9:16').perPage).toBe(4);
    expect(storyboardPageCount(13, '16:9')).toBe(4);
  });

  const cases: Array<[AspectRatio, number]> = [
    ['16:9', 13],
    ['16:9', 6],
    ['9:16', 5],
    ['1:1', 1],
  ];
  it.each(cases)('has a cover plus ceil(shots / per page) pages (%s, %i shots)', async (ratio, n) => {
    const dir = tmp();
    const png = path.join(dir, 'frame.png');
    const jpg = path.join(dir, 'frame.jpg');
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=s=320x180', '-frames:v', '1', png]);
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=s=180x320', '-frames:v', '1', jpg]);
    const broken = path.join(dir, 'broken.png');
    fs.writeFileSync(broken, 'not an image');
    const images = [png, jpg, null, broken, path.join(dir, 'missing.png')];
    const pdf = await writeStoryboardPdf({
      title: 'Café "Noir" 東京',
      aspectRatio: ratio,
      panels: panels(n, (i) => images[i % images.length]!),
      date: new Date('2026-05-01T12:00:00Z'),
      fonts: dejaVu(),
    });
    const file = path.join(dir, 'board.pdf');
    fs.writeFileSync(file, pdf);
    expect(pdfPages(file)).toBe(1 + Math.ceil(n / storyboardLayout(ratio).perPage));
  });

  it('falls back to the built-in font when no TrueType font is given, on Letter paper too', async () => {
    const file = path.join(tmp(), 'board.pdf');
    fs.writeFileSync(
      file,
      await writeStoryboardPdf({ title: '東京 Noir', aspectRatio: '21:9', panels: panels(7, () => null), date: new Date(), paper: 'LETTER' }),
    );
    expect(pdfPages(file)).toBe(3);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+792 x 612/);
  });

  it("prints the script's credits under the title on the cover", async () => {
    const file = path.join(tmp(), 'board.pdf');
    const pdf = await writeStoryboardPdf({
      title: 'Night Diner',
      credits: 'Written by\nAna Ruiz',
      aspectRatio: '16:9',
      panels: panels(1, () => null),
      date: new Date(),
      fonts: dejaVu(),
    });
    fs.writeFileSync(file, pdf);
    const cover = execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
    expect(cover).toMatch(/Night Diner\s+Written by\s+Ana Ruiz\s+Storyboard · 1 shots/);
  });
});
