import { describe, expect, it } from 'vitest';
import { jsonText, terminalSafe } from './terminal';

describe('terminalSafe', () => {
  it('removes CSI, OSC and two-character escapes, other controls and bidi overrides, keeping the words', () => {
    expect(terminalSafe('1A\x1b[2J\x1b[31mred\x1b[0m')).toBe('1Ared');
    expect(terminalSafe('\x1b]0;pwned\x07Title\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\')).toBe('Titlelink');
    expect(terminalSafe('a\x1bcb\x9b31mc\x00d\x7fe\rf')).toBe('ab31mcdef');
    expect(terminalSafe('invoice\u202Efdp.exe \u2066x\u2069')).toBe('invoicefdp.exe x');
  });

  it('keeps text, newlines, tabs and every script untouched', () => {
    const text = 'Café 東京 — 1A\tMara 🌧️\n';
    expect(terminalSafe(text)).toBe(text);
  });
});

describe('jsonText', () => {
  it('keeps the exact string for scripts while printing nothing a terminal would act on', () => {
    const value = { label: '1A\x1b]0;x\x07\u202E\x9b', title: 'Café' };
    const text = jsonText(value);
    expect(JSON.parse(text)).toEqual(value);
    expect(terminalSafe(text)).toBe(text);
  });
});
