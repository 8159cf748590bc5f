import { describe, expect, it } from 'vitest';
import { safeFileName, unreserved, utf8Length } from './filenames';

describe('safeFileName', () => {
  it('removes characters Windows and macOS refuse', () => {
    expect(safeFileName('Night/Diner: "Take" <1>|?*\\')).toBe('Night Diner Take 1');
  });
  it('keeps Unicode and trims dots', () => {
    expect(safeFileName('  Café Ñandú 夜 ...')).toBe('Café Ñandú 夜');
  });
  it('falls back for empty names', () => {
    expect(safeFileName('///')).toBe('Untitled');
  });
  it('keeps a long CJK or emoji title up to 255 bytes, not 80 characters, cut between graphemes', () => {
    const cjk = safeFileName('夜'.repeat(120));
    expect(cjk).toBe('夜'.repeat(85));
    const family = '👨‍👩‍👧‍👦';
    const emoji = safeFileName(family.repeat(20), 'x', 246);
    expect(utf8Length(emoji)).toBeLessThanOrEqual(246);
    expect(emoji).toBe(family.repeat(Math.floor(246 / utf8Length(family))));
    expect(safeFileName('a'.repeat(300))).toHaveLength(255);
  });
  it('never ends in a space or dot after cutting', () => {
    expect(safeFileName(`${'a'.repeat(9)} ..bbbb`, 'x', 11)).toBe('a'.repeat(9));
  });
  it('catches Windows device names whatever their case or extension', () => {
    for (const [name, safe] of [
      ['CON', 'CON_'],
      ['con.x', 'con_.x'],
      ['nul.txt', 'nul_.txt'],
      ['LPT1', 'LPT1_'],
      ['Com9.tar.gz', 'Com9_.tar.gz'],
      ['aux', 'aux_'],
    ]) {
      expect(safeFileName(name!)).toBe(safe);
    }
    for (const name of ['Console', 'CONTACT.txt', 'nullify', 'LPT', 'Auxiliary']) expect(unreserved(name)).toBe(name);
  });
});
