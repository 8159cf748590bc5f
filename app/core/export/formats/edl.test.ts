import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { framesToTimecode, timecodeToFrames, TIMELINE_START_FRAMES } from '../../../../shared/domain/timecode';
import { UserError } from '../../errors';
import { writeEdl, writeMarkersEdl } from './edl';
import { FAKE_SOURCES, FIXTURE_SHOTS, fixturePlan } from '../export.testkit';
import { planCut } from '../planCut';
import { FIXTURES_DIR } from '../tools.testkit';

const cut = planCut(fixturePlan('/exports/Cafe_Noir_Resolve', FAKE_SOURCES));
const EVENT = /^(\d{3})  (.{8}) V     C        (\S+) (\S+) (\S+) (\S+)$/;

describe('writeEdl', () => {
  const edl = writeEdl(cut);
  const lines = edl.split('\n');
  const events = lines.filter((l) => EVENT.test(l)).map((l) => EVENT.exec(l)!);

  it('has the CMX3600 header, all ASCII', () => {
    expect(lines[0]).toBe('TITLE: Cafe "Noir": ??/Night\\Diner*?<>|');
    expect(lines[1]).toBe('FCM: NON-DROP FRAME');
    expect(edl).toMatch(/^[\x20-\x7e\n]*$/);
  });

  it('has one event per shot, with record timecodes contiguous from 01:00:00:00', () => {
    expect(events.map((e) => e[1])).toEqual(['001', '002', '003', '004']);
    let record = TIMELINE_START_FRAMES;
    events.forEach((e, i) => {
      expect(timecodeToFrames(e[5]!)).toBe(record);
      const out = timecodeToFrames(e[6]!)!;
      expect(out - record).toBe(Math.round(FIXTURE_SHOTS[i]!.durationS * 24));
      record = out;
    });
  });

  it('reads each source at its own embedded timecode plus the trim, on reel AX', () => {
    events.forEach((e, i) => {
      const clip = cut.clips[i]!;
      expect(e[2]).toBe('AX      ');
      expect(timecodeToFrames(e[3]!)).toBe(clip.media.startTimecodeFrames + clip.sourceInFrames);
      expect(timecodeToFrames(e[4]!)! - timecodeToFrames(e[3]!)!).toBe(timecodeToFrames(e[6]!)! - timecodeToFrames(e[5]!)!);
    });
    expect(events[0]![3]).toBe('02:00:00:06');
  });

  it('names each clip and its file in the comments Resolve reads', () => {
    const block = edl.split(/\n(?=\d{3}  )/)[1]!;
    expect(block.split('\n').slice(1)).toEqual([
      '* FROM CLIP NAME:  SC01_SH010_T02_runway.mp4',
      `* SOURCE FILE: ${path.join('/exports/Cafe_Noir_Resolve', 'Media', 'SC01_SH010_T02_runway.mp4')}`,
      '* COMMENT: 1A: Mara enters - "Tom & Jerry\'s" <diner>  at 2am',
    ]);
  });

  it('follows the layout of the validated template', () => {
    const template = fs.readFileSync(path.join(FIXTURES_DIR, 'reference.edl'), 'utf8').split('\n');
    expect(template.filter((l) => EVENT.test(l)).length).toBeGreaterThan(0);
    expect(template.slice(0, 3).map((l) => l.replace(/:.*/, ':'))).toEqual(lines.slice(0, 3).map((l) => l.replace(/:.*/, ':')));
  });

  it('refuses more events than CMX3600 can number', () => {
    const big = { ...cut, clips: Array.from({ length: 1000 }, () => cut.clips[0]!) };
    expect(() => writeEdl(big)).toThrow(UserError);
  });
});

describe('writeMarkersEdl', () => {
  it('writes Resolve timeline markers at each shot start: label as name, action as note', () => {
    const lines = writeMarkersEdl(cut).split('\n');
    const template = fs.readFileSync(path.join(FIXTURES_DIR, 'reference-markers.edl'), 'utf8').split('\n');
    const markerEvent = new RegExp(EVENT.source.replace('$', '  $').replace('(.{8})', '(001     )'));
    expect(lines[3]).toMatch(markerEvent);
    expect(template[3]).toMatch(markerEvent);
    const notes = lines.filter((l) => l.includes('|C:'));
    expect(notes).toHaveLength(cut.clips.length);
    expect(notes[0]).toBe('Mara enters - "Tom & Jerry\'s" <diner>  at 2am |C:ResolveColorBlue |M:1A |D:1');
    expect(notes[2]).toBe('The street, empty; rain, neon |C:ResolveColorYellow |M:2A PLACEHOLDER |D:1');
    expect(lines[3]!.slice(29, 40)).toBe(framesToTimecode(TIMELINE_START_FRAMES));
  });
});
