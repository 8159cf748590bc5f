// What both local tools draw: a reference cropped to cover the frame or, when a shot has no
// picture yet, the title card (a dark slate with a faint grid, the shot label large and the
// action wrapped below it). The animatic moves over it; the local frame tool saves it as a
// still. Text reaches ffmpeg through files in its working folder (never through the filter
// string), so nothing the user types needs escaping.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { GenerationRequest } from '../types';

export const CARD_COLOR = '0x1f2430';
export const TEXT_FILES = { label: 'label.txt', title: 'title.txt', action: 'action.txt' } as const;
export const FONT_FILE = 'font.ttf';
/** Action text size as a share of the card's shorter side. */
const ACTION_EM = 1 / 22;

export function drawtext(file: string, opts: string): string {
  // expansion=none: a "%" in the user's text is printed, not read as a drawtext function.
  return `drawtext=fontfile=${FONT_FILE}:textfile=${file}:expansion=none:${opts}`;
}

/** ffmpeg input for a blank card of `width` × `height`. */
export function cardInput(width: number, height: number): string[] {
  return ['-f', 'lavfi', '-i', `color=c=${CARD_COLOR}:s=${width}x${height}:r=1:d=1`];
}

/** Filters that draw the grid, then (with a font) the title and the action, on a card of this size. */
export function cardFilters(width: number, height: number, font: boolean): string[] {
  const filters = [`drawgrid=w=iw/12:h=ih/12:t=2:c=white@0.06`];
  if (!font) return filters;
  const titleSize = Math.round(Math.min(width, height) / 7);
  const actionSize = Math.round(Math.min(width, height) * ACTION_EM);
  filters.push(
    drawtext(TEXT_FILES.title, `fontsize=${titleSize}:fontcolor=white:x=(w-tw)/2:y=h*0.22`),
    drawtext(
      TEXT_FILES.action,
      `fontsize=${actionSize}:fontcolor=white@0.85:line_spacing=${Math.round(actionSize * 0.45)}:x=(w-tw)/2:y=h*0.22+${Math.round(titleSize * 1.5)}`,
    ),
  );
  return filters;
}

/** Filters that fill `width` × `height` with the first frame of an image, cropped to cover. */
export function coverFilters(width: number, height: number): string[] {
  return ['trim=end_frame=1', `scale=${width}:${height}:force_original_aspect_ratio=increase`, `crop=${width}:${height}`, 'setsar=1'];
}

/** Breaks `text` into at most `maxLines` lines of about `perLine` characters, on spaces. */
export function wrapText(text: string, perLine: number, maxLines: number): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const piece = word.length > perLine ? `${word.slice(0, perLine - 1)}…` : word;
    if (line && line.length + 1 + piece.length > perLine) {
      lines.push(line);
      line = piece;
    } else {
      line = line ? `${line} ${piece}` : piece;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    lines.length = maxLines;
    const last = lines[maxLines - 1]!;
    lines[maxLines - 1] = `${last.length < perLine ? last : last.slice(0, -1)}…`;
  }
  return lines.join('\n');
}

function linkFont(font: string, dest: string) {
  try {
    fs.symlinkSync(font, dest);
  } catch {
    fs.copyFileSync(font, dest);
  }
}

/**
 * Runs `work` in a fresh folder holding the font and the card's text files (title, wrapped
 * action, and `label` for the burned-in strip), removed afterwards whatever happens.
 */
export async function withCardFolder<T>(
  req: GenerationRequest,
  card: { width: number; height: number; font: string | null; label: string },
  work: (dir: string) => Promise<T>,
): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shotline-card-'));
  try {
    if (card.font) {
      linkFont(card.font, path.join(dir, FONT_FILE));
      const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text || ' ');
      write(TEXT_FILES.label, card.label);
      write(TEXT_FILES.title, req.shot.label);
      const action = req.shot.action.trim() || req.shot.prompt.subject.trim() || 'No action written yet';
      // About 0.55 em per character over the middle 55 % of the card, which stays in view
      // through every animatic move (a 1.3× push in still shows the middle 77 %).
      const perLine = Math.max(12, Math.floor((card.width * 0.55) / (ACTION_EM * Math.min(card.width, card.height) * 0.55)));
      write(TEXT_FILES.action, wrapText(action, perLine, 6));
    }
    return await work(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
