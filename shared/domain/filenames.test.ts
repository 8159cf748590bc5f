import { describe, expect, it } from 'vitest';
import { safeFileName } from './filenames';

describe('safeFileName', () => {
  it('removes characters Windows and macOS refuse', () => {
    expect(safeFileName('Night/Diner: "Take" <1>|?*\\')).toBe('Night Diner Take 1');
  });
  it('keeps Unicode and trims dots', () => {
    expect(safeFileName('  Café Ñandú 夜 ...')).toBe('Café Ñandú 夜');
  });
  it('falls back for empty and reserved names', () => {
    expect(safeFileName('///')).toBe('Untitled');
    expect(safeFileName('CON')).toBe('Untitled');
  });
  it('limits length without splitting characters', () => {
    const out = safeFileName('😀'.repeat(100), 'x', 10);
    expect(Array.from(out)).toHaveLength(10);
  });
});
