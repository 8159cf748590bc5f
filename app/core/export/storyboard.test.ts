// "Export storyboard PDF" on its own, on the export tests' project (project.testkit.ts): takes from
// the engine with their thumbnails, a shot shown by its start keyframe, a title card, two scenes.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProject } from '../jobs/jobs.testkit';
import { buildExportTestProject, type ExportTestProject } from './project.testkit';
import { sceneHeading, writeProjectStoryboard } from './storyboard';
import { pdfPages } from './tools.testkit';

let work: string;
let fixture: ExportTestProject;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'shotline-storyboard-'));
  fixture = await buildExportTestProject(work);
}, 600_000);

afterAll(() => {
  fixture?.project.close();
  fs.rmSync(work, { recursive: true, force: true });
});

const freshOut = () => fs.mkdtempSync(path.join(work, 'out-'));
const text = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });

describe('the storyboard PDF on its own', () => {
  it('writes <Title>_storyboard.pdf into a folder: three shots a page, scene by scene, and says how many pages', async () => {
    const out = freshOut();
    const result = await writeProjectStoryboard(fixture.project, out, { perPage: 3 });
    // Scene 1 (1A 1B) and scene 2 (2A 2B 2C) start their own rows: 5 rows of one, 2 pages, and the cover.
    expect(result).toEqual({ path: path.join(out, 'Cafe_Noir_Night_Diner_storyboard.pdf'), pages: 3, shots: 5 });
    expect(pdfPages(result.path)).toBe(3);
    const words = text(result.path);
    expect(words).toMatch(/SCENE 1\s/);
    expect(words).toContain('SCENE 2 — Street');
    expect(words).toContain('She says "goodbye"');
    expect(words).toMatch(/DURATION\s+1\.5 s/);
  });

  it('prints the shot list’s columns, custom ones included, under each panel', async () => {
    const { timeline } = fixture.project;
    const shot = timeline.shots()[0]!;
    const before = { list: shot.list, project: timeline.project() };
    try {
      timeline.updateProject({ ...before.project, customColumns: ['Wardrobe'] });
      timeline.updateShot({ ...shot, list: { ...shot.list, size: 'CU', angle: 'low', lensMm: 35, cast: ['Mara'], custom: { Wardrobe: 'Red coat' } } });
      const words = text((await writeProjectStoryboard(fixture.project, freshOut(), { perPage: 3 })).path);
      expect(words).toMatch(/SIZE\s+Close-up/);
      expect(words).toMatch(/ANGLE\s+Low angle/);
      expect(words).toMatch(/LENS\s+35 mm/);
      expect(words).toMatch(/CAST\s+Mara/);
      expect(words).toMatch(/WARDROBE\s+Red coat/);
    } finally {
      timeline.updateProject(before.project);
      timeline.updateShot({ ...shot, list: before.list });
    }
  });

  it("draws the played takes' kept stills (or thumbnails) and the keyframe, and a card for the shot with neither", async () => {
    const { path: file } = await writeProjectStoryboard(fixture.project, path.join(freshOut(), 'board.pdf'), { perPage: 6, paper: 'LETTER' });
    // 1A, 1B and 2B by their takes, 2A by its keyframe; 2C is a title card, drawn, not an image.
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images).toHaveLength(4);
    // A take's arrival keeps a 960-wide still of its middle frame: 1B and 2B play theirs whole and
    // are drawn from it; 1A plays a trimmed part, so its panel falls back to the stored thumbnail.
    expect(images.map((row) => row.trim().split(/\s+/)[3])).toEqual(['320', '960', '960', '960']);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+792 x 612/);
  });

  it('says what to do when the place or the project will not do', async () => {
    const out = freshOut();
    await expect(writeProjectStoryboard(fixture.project, path.join(out, 'board.txt'), { perPage: 2 })).rejects.toThrow(/Name a file ending in \.pdf/);
    await expect(writeProjectStoryboard(fixture.project, path.join(out, 'nowhere', 'board.pdf'), { perPage: 2 })).rejects.toThrow(/does not exist/);
    const empty = makeProject(fs.mkdtempSync(path.join(work, 'empty-')));
    try {
      await expect(writeProjectStoryboard(empty, out, { perPage: 2 })).rejects.toThrow(/no shots. Add a shot first/);
    } finally {
      empty.close();
    }
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('heads a scene with its number and name, leaving out a default name', () => {
    expect(sceneHeading({ number: 2, name: 'INT. DINER – NIGHT' })).toBe('SCENE 2 — INT. DINER – NIGHT');
    expect(sceneHeading({ number: 3, name: 'Scene 1' })).toBe('SCENE 3');
    expect(sceneHeading({ number: 4, name: ' ' })).toBe('SCENE 4');
  });
});
