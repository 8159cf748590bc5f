import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads quoted commas, doubled quotes and newlines, and the line each record starts on', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\n3,,\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'two\nlines'] },
      { line: 4, fields: ['3', '', ''] },
    ]);
  });

  it('drops a BOM, skips blank lines and reads a last record with no newline', () => {
    expect(parseCsv('\uFEFFa,b\n\n  \n1,2')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 4, fields: ['1', '2'] },
    ]);
  });

  it('keeps a record of one quoted empty field', () => {
    expect(parseCsv('""\n')).toEqual([{ line: 1, fields: [''] }]);
  });

  it('allows spaces around a quoted field', () => {
    expect(parseCsv('a, "b, c" ,d')).toEqual([{ line: 1, fields: ['a', 'b, c', 'd'] }]);
  });

  it('names the line of a quote that is never closed', () => {
    expect(() => parseCsv('a,b\n1,"open\nstill open\n')).toThrow(/^line 2: a quoted field is never closed/);
  });

  it('refuses text after a closing quote and a quote inside an unquoted field', () => {
    expect(() => parseCsv('a\n"x"y\n')).toThrow(/^line 2: text after a closing quote/);
    expect(() => parseCsv('a\nb\nx"y\n')).toThrow(/^line 3: a quote inside an unquoted field/);
  });
});
