import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../core/testing/tmp.testkit';
import { jsonText, terminalSafe } from './terminal';
import { cli, cliFilm } from './cli.testkit';

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

describe('what the CLI prints', () => {
  const tmp = useTmpDir('shotline-terminal-');

  it('shows a hostile title and action without their escape sequences, and JSON keeps them escaped', async () => {
    const cwd = tmp();
    const title = 'Night\x1b]0;owned\x07 Diner\u202E';
    await cliFilm(cwd, { title, scenes: [{ name: 'INT.\x1b[2J DINER', shots: [{ action: 'Mara\x1b[8m hidden', durationS: 5, tool: 'local:animatic' }] }] });
    const list = await cli(['list', 'film.shotline'], { cwd });
    expect(list.code).toBe(0);
    expect(list.out).not.toMatch(/[\x1b\u202E]/);
    expect(list.out.split('\n')[0]).toBe('Night Diner');
    // Columns are measured on the cleaned text: the scene name is padded as if typed plainly.
    expect(list.out).toMatch(/^1A {5}1 {2}INT\. DINER {2}/m);
    const json = await cli(['list', 'film.shotline', '--json'], { cwd });
    expect(json.out).not.toMatch(/[\x1b\u202E]/);
    expect(JSON.parse(json.out).title).toBe(title);
  });
});
