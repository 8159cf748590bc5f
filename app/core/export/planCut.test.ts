import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cutMedia } from '../../../shared/domain/cut';
import { framesToTimecode } from '../../../shared/domain/timecode';
import { UserError } from '../errors';
import { FAKE_SOURCES, fixturePlan } from './export.testkit';
import { exportFileNames, planCut, resolveFolderPath } from './planCut';

const target = path.resolve('/exports/Cafe_Noir_Resolve');

describe('planCut', () => {
  const cut = planCut(fixturePlan(target, FAKE_SOURCES));

  it('names and places every file in its folder of the export', () => {
    expect(cutMedia(cut).map((m) => `${m.folder}/${m.fileName}`)).toEqual([
      'Media/SC01_SH010_T02_runway.mp4',
      'Media/SC01_SH020_T01_kling.mp4',
      'Placeholders/SC02_SH010_PH.mp4',
      'Media/SC02_SH020_T01_local.mp4',
      'Alternates/SC01_SH020_T02_kling.mp4',
      'Alternates/SC01_SH020_T03_kling.mp4',
    ]);
    for (const m of cutMedia(cut)) expect(m.path).toBe(path.join(target, m.folder, m.fileName));
    expect(cut.clips[2]!.media).toMatchObject({ sourcePath: '/src/2A-still.png', durationFrames: 48, hasAudio: false });
  });

  it('gives each file its own start timecode on the minute grid, main clips first', () => {
    expect(cutMedia(cut).map((m) => framesToTimecode(m.startTimecodeFrames))).toEqual([
      '02:00:00:00',
      '02:01:00:00',
      '02:02:00:00',
      '02:03:00:00',
      '02:04:00:00',
      '02:05:00:00',
    ]);
  });

  it('lays the shots end to end from 01:00:00:00 with their trims', () => {
    expect(cut.clips.map((c) => [framesToTimecode(c.recordInFrames), c.sourceInFrames, c.sourceOutFrames])).toEqual([
      ['01:00:00:00', 6, 66],
      ['01:00:02:12', 0, 72],
      ['01:00:05:12', 0, 48],
      ['01:00:07:12', 0, 36],
    ]);
    expect(cut.clips.map((c) => c.take)).toEqual([2, 1, null, 1]);
  });

  it('says what to do when a take is too short for its slot', () => {
    const plan = fixturePlan(target, FAKE_SOURCES);
    plan.shots[0]!.take!.inFrames = 20;
    expect(() => planCut(plan)).toThrow(
      new UserError('Shot 1A needs 2.50 s from 0.83 s of take 2, which is 3.00 s long. Move its in point, hold the last frame, or shorten the shot.'),
    );
  });

  it('refuses an empty project and keeps names unique when labels fold to the same ASCII', () => {
    expect(() => planCut({ ...fixturePlan(target, FAKE_SOURCES), shots: [] })).toThrow(UserError);
    const plan = fixturePlan(target, FAKE_SOURCES);
    plan.shots[0]!.shot = { ...plan.shots[0]!.shot, label: 'Ünö' };
    plan.shots[1]!.shot = { ...plan.shots[1]!.shot, label: 'uno' };
    plan.shots[1]!.take!.tool = plan.shots[0]!.take!.tool;
    plan.shots[1]!.take!.number = 2;
    const names = planCut(plan).clips.map((c) => c.media.fileName);
    expect(names.slice(0, 2)).toEqual(['SC01_SH_Uno_T02_runway.mp4', 'SC01_SH_uno_T02_runway_2.mp4']);
  });

  it('copies references named by tag', () => {
    const withRefs = planCut({
      ...fixturePlan(target, FAKE_SOURCES),
      references: [
        { tag: 'Mara (hero)', sourcePath: '/lib/a.PNG' },
        { tag: 'Mara hero', sourcePath: '/lib/b.png' },
      ],
    });
    expect(withRefs.references.map((r) => r.fileName)).toEqual(['Mara_hero.png', 'Mara_hero_2.png']);
  });

  it('puts the export in an ASCII folder named after the title', () => {
    expect(resolveFolderPath('/out', 'Café "Noir": 東京/Night')).toBe(path.resolve('/out/Cafe_Noir_Night_Resolve'));
    expect(exportFileNames('Café').fcpxml).toBe('Cafe.fcpxml');
  });
});
