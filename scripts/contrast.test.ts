// WCAG AA for the renderer's colour tokens: body-size text needs 4.5:1 against what it sits on.
// Here rather than beside the stylesheet because it reads the file, and renderer code has no Node.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const css = fs.readFileSync(path.resolve(import.meta.dirname, '../renderer/src/styles/base.css'), 'utf8');
const token = (name: string): string => {
  const m = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})`).exec(css);
  if (!m) throw new Error(`no colour token --${name} in base.css`);
  return m[1]!;
};

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe('colour contrast (WCAG AA, 4.5:1)', () => {
  it('holds for muted text on every background and for placeholders in fields', () => {
    for (const text of ['text', 'text-dim', 'text-faint'])
      for (const bg of ['bg', 'panel', 'panel-raised']) expect(contrast(token(text), token(bg)), `${text} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    // Placeholders use --text-faint on the fields' --surface.
    expect(contrast(token('text-faint'), token('surface'))).toBeGreaterThanOrEqual(4.5);
  });
});
