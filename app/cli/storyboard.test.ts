import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfPages } from '../core/export/tools.testkit';
import { useTmpDir } from '../core/testing/tmp.testkit';
import { cli, cliFilm } from './cli.testkit';

const tmp = useTmpDir('shotline-cli-storyboard-');

/** Two scenes, of three shots and one, with no takes: every panel a card. */
const PLAN = {
  title: 'Night Diner',
  aspectRatio: '16:9',
  scenes: [
    {
      name: 'INT. DINER - NIGHT',
      shots: ['1A', '1B', '1C'].map((label) => ({ label, action: `Action ${label}`, durationS: 2, tool: 'local:animatic', camera: 'push_in' })),
    },
    { name: 'EXT. STREET - NIGHT', shots: [{ label: '2A', action: 'Rain', durationS: 3, tool: 'local:animatic', camera: 'static' }] },
  ],
};

describe('shotline storyboard', () => {
  it('writes the PDF into the current folder and prints its path last', async () => {
    const cwd = tmp();
    const folder = await cliFilm(cwd, PLAN);
    const r = await cli(['storyboard', folder], { cwd });
    expect(r).toMatchObject({ code: 0, err: '' });
    const file = path.join(cwd, 'Night_Diner_storyboard.pdf');
    // Three a page, each scene on its own rows: 1A 1B 1C, then 2A; two pages and the cover.
    expect(r.out).toBe(`Wrote the storyboard: 4 shots on 3 pages, 3 panels a page.\n${file}\n`);
    expect(pdfPages(file)).toBe(3);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('SCENE 1 — INT. DINER - NIGHT');
    expect(text).toContain('SCENE 2 — EXT. STREET - NIGHT');
  });

  it('takes --out, --per-page and --paper, and prints JSON with --json', async () => {
    const cwd = tmp();
    const folder = await cliFilm(cwd, PLAN);
    const r = await cli(['storyboard', folder, '--out', 'board.pdf', '--per-page', '6', '--paper', 'LETTER', '--json'], { cwd });
    expect(r.code).toBe(0);
    const file = path.join(cwd, 'board.pdf');
    expect(JSON.parse(r.out)).toEqual({ path: file, pages: 2, shots: 4 });
    expect(pdfPages(file)).toBe(2);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+792 x 612/);
  });

  it('says what is wrong with its options', async () => {
    const cwd = tmp();
    const folder = await cliFilm(cwd, PLAN);
    expect((await cli(['storyboard', folder, '--per-page', '4'], { cwd })).err).toBe('shotline: --per-page must be one of 2, 3, 6\n');
    expect((await cli(['storyboard', folder, '--out', 'board.png'], { cwd })).err).toMatch(/is not a \.pdf file\. Name a file ending in \.pdf/);
    expect((await cli(['storyboard', folder, '--out', 'nowhere/board.pdf'], { cwd })).err).toMatch(/does not exist\. Create it or choose another/);
    expect(fs.readdirSync(cwd).filter((f) => f.endsWith('.pdf'))).toEqual([]);
  });
});
