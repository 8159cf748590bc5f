import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PanelsPerPage } from '../../../../shared/domain/storyboard';
import type { AspectRatio } from '../../../../shared/domain/types';
import { useTmpDir } from '../../testing/tmp.testkit';
import { writeStoryboardPdf, type StoryboardInput, type StoryboardPanel, type StoryboardScene } from './pdf';
import { automaticLayout, paginate, storyboardLayout } from './storyboardLayout';
import { dejaVu, pdfPages } from '../tools.testkit';

function panel(i: number, image: string | null = null): StoryboardPanel {
  return {
    label: `${Math.floor(i / 3) + 1}${'ABC'[i % 3]}`,
    action: `Mara enters the diner — “Tom & Jerry’s”, 東京 ${'and keeps walking '.repeat(i % 4 === 0 ? 20 : 1)}`,
    dialogue: i % 2 ? 'MARA: We\'re "closed".' : '',
    fields: [
      { label: 'Duration', value: `${(2.5 + i).toFixed(1)} s` },
      { label: 'Camera', value: 'push in' },
      { label: 'Tool', value: 'runway:gen4_turbo' },
      { label: 'Lens', value: '35mm' },
      { label: 'Angle', value: '' },
    ],
    image,
  };
}

/** Scenes of these many panels, numbered from 1, with headings like the app's. */
function scenes(sizes: number[], image: (i: number) => string | null = () => null): StoryboardScene[] {
  let n = 0;
  return sizes.map((size, s) => ({
    heading: `SCENE ${s + 1} — ${['INT. DINER – NIGHT', 'EXT. STREET – NIGHT', 'INT. CAR – DAWN'][s % 3]}`,
    panels: Array.from({ length: size }, () => panel(n, image(n++))),
  }));
}

function input(over: Partial<StoryboardInput>): StoryboardInput {
  return { title: 'Night Diner', aspectRatio: '16:9', scenes: scenes([2]), runningTimeS: 12, date: new Date('2026-05-01T12:00:00Z'), fonts: dejaVu(), ...over };
}

const pageText = (file: string, page: number) => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
/** Every "n / total" printed on the page (pdftotext drops the spaces around the slash). */
const pageNumbers = (file: string, page: number) => [...pageText(file, page).matchAll(/^(\d+) ?\/ ?(\d+)$/gm)].map((m) => `${m[1]} / ${m[2]}`);

describe('storyboard layout', () => {
  it('keeps the automatic landscape layout for the Resolve export: six wide panels, eight square or four tall', () => {
    expect(automaticLayout('16:9')).toEqual({ orientation: 'landscape', cols: 3, rows: 2, text: 'under' });
    expect(automaticLayout('1:1')).toMatchObject({ cols: 4, rows: 2 });
    expect(automaticLayout('9:16')).toMatchObject({ cols: 4, rows: 1 });
  });

  it('arranges 2, 3 or 6 panels so the frames come out largest: stacked, a column with words beside, a grid', () => {
    expect(storyboardLayout('16:9', 2)).toEqual({ orientation: 'portrait', cols: 1, rows: 2, text: 'under' });
    expect(storyboardLayout('16:9', 3)).toEqual({ orientation: 'portrait', cols: 1, rows: 3, text: 'beside' });
    expect(storyboardLayout('16:9', 6)).toEqual({ orientation: 'landscape', cols: 3, rows: 2, text: 'under' });
    // Tall frames stand side by side; square ones fill a portrait 3×2.
    expect(storyboardLayout('9:16', 2)).toEqual({ orientation: 'portrait', cols: 2, rows: 1, text: 'under' });
    expect(storyboardLayout('9:16', 3)).toEqual({ orientation: 'landscape', cols: 3, rows: 1, text: 'under' });
    expect(storyboardLayout('1:1', 6)).toEqual({ orientation: 'portrait', cols: 3, rows: 2, text: 'under' });
  });

  it('starts each scene on a new row, and repeats its heading on a page it continues onto', () => {
    const pages = paginate(scenes([4, 1, 7]), { cols: 3, rows: 2 });
    // Rows: scene 1 (3 + 1), scene 2 (1), scene 3 (3 + 3 + 1): six rows, three pages.
    expect(pages.map((p) => p.map((r) => `${r.scene}:${r.panels.length}${r.first ? '' : '+'}`))).toEqual([
      ['0:3', '0:1+'],
      ['1:1', '2:3'],
      ['2:3+', '2:1+'],
    ]);
  });
});

describe('storyboard PDF', () => {
  const tmp = useTmpDir();

  async function write(over: Partial<StoryboardInput>): Promise<{ file: string; pages: number }> {
    const file = path.join(tmp(), 'board.pdf');
    const { pdf, pages } = await writeStoryboardPdf(input(over));
    fs.writeFileSync(file, pdf);
    return { file, pages };
  }

  // Scenes of 4, 1 and 3 shots. 2 a page (1×2): 8 rows, 4 pages. 3 a page (1×3): 8 rows, 3 pages.
  // 6 a page (3×2): rows of 3+1, 1, 3: 4 rows, 2 pages. Each plus the cover.
  const cases: Array<[PanelsPerPage, number]> = [
    [2, 5],
    [3, 4],
    [6, 3],
  ];
  it.each(cases)('with %i panels a page has %i pages, each numbered "n / total" over the whole file', async (perPage, expected) => {
    const { file, pages } = await write({ scenes: scenes([4, 1, 3]), perPage });
    expect(pdfPages(file)).toBe(expected);
    expect(pages).toBe(expected);
    for (let n = 1; n <= expected; n++) expect(pageNumbers(file, n)).toEqual([`${n} / ${expected}`]);
  });

  it('prints each scene heading once it starts, and again marked continued on the next page', async () => {
    const { file } = await write({ scenes: scenes([4, 1, 3]), perPage: 3 });
    expect(pageText(file, 2)).toContain('SCENE 1 — INT. DINER – NIGHT');
    expect(pageText(file, 3)).toContain('SCENE 1 — INT. DINER – NIGHT (continued)');
    expect(pageText(file, 3)).toContain('SCENE 2 — EXT. STREET – NIGHT');
    expect(pageText(file, 4)).toContain('SCENE 3 — INT. CAR – DAWN (continued)');
  });

  it('prints the dialogue and every field with a value under each panel', async () => {
    const { file } = await write({ scenes: scenes([2]), perPage: 2 });
    const text = pageText(file, 2);
    expect(text).toContain('“MARA: We\'re "closed".”');
    for (const words of ['DURATION', '2.5 s', '3.5 s', 'CAMERA', 'push in', 'TOOL', 'runway:gen4_turbo', 'LENS', '35mm']) expect(text).toContain(words);
    expect(text).not.toContain('ANGLE');
  });

  const ratios: Array<[AspectRatio, PanelsPerPage | undefined, number]> = [
    ['16:9', undefined, 13],
    ['9:16', undefined, 5],
    ['1:1', 6, 7],
    ['21:9', 3, 4],
  ];
  it.each(ratios)('draws frames, broken and missing images in any ratio (%s, %s a page, %i shots)', async (ratio, perPage, n) => {
    const dir = tmp();
    const png = path.join(dir, 'frame.png');
    const jpg = path.join(dir, 'frame.jpg');
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=s=320x180', '-frames:v', '1', png]);
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=s=180x320', '-frames:v', '1', jpg]);
    const broken = path.join(dir, 'broken.png');
    fs.writeFileSync(broken, 'not an image');
    const images = [png, jpg, null, broken, path.join(dir, 'missing.png')];
    const { file, pages } = await write({ title: 'Café "Noir" 東京', aspectRatio: ratio, perPage, scenes: scenes([n], (i) => images[i % images.length]!) });
    const layout = perPage ? storyboardLayout(ratio, perPage) : automaticLayout(ratio);
    expect(pdfPages(file)).toBe(1 + Math.ceil(Math.ceil(n / layout.cols) / layout.rows));
    expect(pages).toBe(pdfPages(file));
  });

  it('falls back to the built-in font when no TrueType font is given, on Letter paper too', async () => {
    const { file } = await write({ title: '東京 Noir', aspectRatio: '21:9', scenes: scenes([7]), fonts: undefined, paper: 'LETTER' });
    expect(pdfPages(file)).toBe(3);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+792 x 612/);
    expect(pageNumbers(file, 3)).toEqual(['3 / 3']);
  });

  it("prints the script's credits under the title on the cover, with the counts and running time", async () => {
    const { file } = await write({ credits: 'Written by\nAna Ruiz', scenes: scenes([2, 1]), runningTimeS: 75 });
    expect(pageText(file, 1)).toMatch(/Night Diner\s+Written by\s+Ana Ruiz\s+Storyboard · 2 scenes · 3 shots · running time 1:15/);
  });
});
