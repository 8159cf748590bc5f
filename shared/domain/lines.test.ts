import { describe, expect, it } from 'vitest';
import { getModel } from '../catalog';
import { fixDurationS, lineKeys, linesEndS, lineStarts, overrunS, LINE_GAP_S } from './lines';

const line = (speaker: string, text: string) => ({ speaker, extension: null, parenthetical: null, text });

describe('lines as sound', () => {
  it('keys a line by speaker and words, repeats counted, so reordering keeps its audio', () => {
    const a = lineKeys([line('MARA', 'Not tonight.'), line('DEE', 'Coffee?'), line('MARA', 'Not tonight.')]);
    expect(a[0]).not.toBe(a[2]);
    expect(a[0]!.endsWith(':1')).toBe(true);
    expect(a[2]!.endsWith(':2')).toBe(true);
    const b = lineKeys([line('Dee', 'Coffee?'), line('mara', ' Not tonight. ')]);
    expect(b).toEqual([a[1], a[0]]);
    expect(lineKeys([line('MARA', 'Not tonight!')])[0]).not.toBe(a[0]);
  });

  it('starts each line after the one before, unless it says where, and measures the overrun', () => {
    expect(lineStarts([null, null, 3], [1.5, 2, 1])).toEqual([0, 1.5 + LINE_GAP_S, 3]);
    expect(lineStarts([0.5, null], [null, 1])).toEqual([0.5, 0.5]);
    expect(overrunS([0, 1.75], [1.5, 2], 3)).toBe(0.75);
    expect(overrunS([0], [2], 5)).toBe(0);
  });
});

describe('the duration that holds the lines', () => {
  const shot = (tool: string, durationS: number, resolution = '') => ({ tool, durationS, resolution });

  it('is the next duration a discrete tool accepts', () => {
    expect(getModel('kling:kling-v2-6')?.durations).toEqual([5, 10]);
    expect(fixDurationS(shot('kling:kling-v2-6', 5), 6.4)).toBe(10);
    expect(fixDurationS(shot('kling:kling-v2-6', 5), 5)).toBeNull();
  });

  it('is the next step of a range tool, at the shot’s resolution', () => {
    expect(fixDurationS(shot('runway:gen4_turbo', 4), 5.2)).toBe(6);
    expect(fixDurationS(shot('local:animatic', 3), 3.3)).toBe(3.5);
    expect(fixDurationS(shot('local:animatic', 3), 3.004)).toBeNull();
  });

  it('is null when no duration holds them', () => {
    expect(fixDurationS(shot('luma:ray-2', 9), 12)).toBeNull();
    expect(fixDurationS(shot('no:such-tool', 2), 3)).toBeNull();
  });

  it('measures the end of the last line, wherever it starts', () => {
    expect(linesEndS([0, 4], [3.5, 1])).toBe(5);
    expect(linesEndS([0, 4], [6, null])).toBe(6);
    expect(linesEndS([], [])).toBe(0);
  });
});
