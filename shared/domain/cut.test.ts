import { describe, expect, it } from 'vitest';
import {
  asciiName,
  asciiText,
  assignSourceTimecodes,
  exportTitleStem,
  mediaFileName,
  shotCode,
  SOURCE_TIMECODE_START_FRAMES,
  takeFromFileName,
  uniqueFileName,
} from './cut';
import { framesToTimecode } from './timecode';

describe('media file names', () => {
  it('numbers shots in tens from the label letters', () => {
    expect(shotCode('1A', 1)).toBe('SC01_SH010');
    expect(shotCode('1B', 1)).toBe('SC01_SH020');
    expect(shotCode('12z', 12)).toBe('SC12_SH260');
    expect(shotCode('3AA', 3)).toBe('SC03_SH270');
  });
  it('keeps a label in another form as ASCII under its scene', () => {
    expect(shotCode('Intro: café', 3)).toBe('SC03_SH_Intro_cafe');
    expect(shotCode('夜', 2)).toBe('SC02_SH_X');
  });
  it('names takes by scene, shot, take and provider, placeholders with PH', () => {
    expect(mediaFileName({ label: '1A', sceneNumber: 1 }, { number: 2, tool: 'runway:gen4_turbo' })).toBe('SC01_SH010_T02_runway.mp4');
    expect(mediaFileName({ label: '1C', sceneNumber: 1 }, null)).toBe('SC01_SH030_PH.mp4');
    expect(mediaFileName({ label: '2B', sceneNumber: 2 }, { number: 1, tool: 'local:animatic' }, '.mov')).toBe('SC02_SH020_T01_local.mov');
  });
  it('reads the take back from a file name', () => {
    expect(takeFromFileName('SC01_SH010_T02_runway.mp4')).toBe(2);
    expect(takeFromFileName('SC01_SH030_PH.mp4')).toBeNull();
  });
  it('makes names unique, ignoring case like macOS and Windows do', () => {
    const taken = new Set<string>();
    expect(uniqueFileName('A.mp4', taken)).toBe('A.mp4');
    expect(uniqueFileName('a.mp4', taken)).toBe('a_2.mp4');
    expect(uniqueFileName('A.mp4', taken)).toBe('A_3.mp4');
  });
  it('folds text to ASCII for EDLs and names', () => {
    expect(asciiText('Café “noir” — 夜\nnext')).toBe('Cafe "noir" - ? next');
    expect(asciiName('  Night/Diner: "Take" <1>|?*\\ ')).toBe('Night_Diner_Take_1');
    expect(exportTitleStem('東京')).toBe('Film');
    expect(exportTitleStem('Café: Noir')).toBe('Cafe_Noir');
    expect(exportTitleStem('CON')).toBe('CON_');
    expect(exportTitleStem('nul.txt')).toBe('nul_txt');
  });
});

describe('assignSourceTimecodes', () => {
  it('starts at 02:00:00:00 and puts each next file on the next whole minute', () => {
    const starts = assignSourceTimecodes([120, 240, 1440, 24 * 90])!;
    expect(starts.map((f) => framesToTimecode(f))).toEqual(['02:00:00:00', '02:01:00:00', '02:02:00:00', '02:03:00:00']);
  });
  it('never overlaps, also for files longer than a minute', () => {
    const durations = [24 * 130, 1, 24 * 60, 5];
    const starts = assignSourceTimecodes(durations)!;
    expect(starts[0]).toBe(SOURCE_TIMECODE_START_FRAMES);
    for (let i = 1; i < starts.length; i++) expect(starts[i]!).toBeGreaterThanOrEqual(starts[i - 1]! + durations[i - 1]!);
    expect(framesToTimecode(starts[1]!)).toBe('02:03:00:00');
  });
  it('falls back to whole seconds when the minute grid does not fit in a day, and gives up past that', () => {
    const many = assignSourceTimecodes(Array(2000).fill(120))!;
    expect(many[1]! - many[0]!).toBe(120);
    expect(many.at(-1)! + 120).toBeLessThanOrEqual(24 * 3600 * 24);
    expect(assignSourceTimecodes(Array(30).fill(24 * 3600))).toBeNull();
  });
});
