import { describe, expect, it } from 'vitest';
import { lineKeys, lineStarts, overrunS, LINE_GAP_S } from './lines';

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
