import { describe, expect, it } from 'vitest';
import { letters, nextShotLabel, renumber, sceneOfLabel } from './labels';

describe('letters', () => {
  it('counts like spreadsheet columns', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(letters)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});

describe('nextShotLabel', () => {
  it('takes the first free letter of the scene', () => {
    expect(nextShotLabel(2, [])).toBe('2A');
    expect(nextShotLabel(2, ['2A', '2B', '1C'])).toBe('2C');
    expect(nextShotLabel(2, ['2B'])).toBe('2A');
  });
  it('goes past Z', () => {
    const taken = Array.from({ length: 26 }, (_, i) => `1${letters(i)}`);
    expect(nextShotLabel(1, taken)).toBe('1AA');
  });
});

describe('renumber', () => {
  it('numbers scenes by position and letters shots by position', () => {
    const out = renumber({
      scenes: [
        { id: 's2', position: 1 },
        { id: 's1', position: 0 },
      ],
      shots: [
        { id: 'a', sceneId: 's2', position: 1 },
        { id: 'b', sceneId: 's2', position: 0 },
        { id: 'c', sceneId: 's1', position: 0 },
      ],
    });
    expect(out.scenes.get('s1')).toBe(1);
    expect(out.scenes.get('s2')).toBe(2);
    expect(Object.fromEntries(out.shots)).toEqual({ c: '1A', b: '2A', a: '2B' });
  });
});

describe('sceneOfLabel', () => {
  it('reads the scene a label names, and nothing from a label in another form', () => {
    expect(sceneOfLabel('2C')).toBe(2);
    expect(sceneOfLabel('12AA')).toBe(12);
    expect(sceneOfLabel('Intro')).toBeNull();
    expect(sceneOfLabel('3')).toBeNull();
  });
});
