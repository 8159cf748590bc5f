// A font for the title card and the burned-in label. drawtext needs a font file: ask
// fontconfig first (Linux, and macOS with Homebrew), then try the usual places per system.
import { execFile } from 'node:child_process';
import fs from 'node:fs';

const KNOWN = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/TTF/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  '/System/Library/Fonts/Supplemental/Arial.ttf',
  '/System/Library/Fonts/Helvetica.ttc',
  '/Library/Fonts/Arial.ttf',
  'C:\\Windows\\Fonts\\arial.ttf',
  'C:\\Windows\\Fonts\\segoeui.ttf',
];

export const NO_FONT_NOTE =
  'No font was found, so the animatic has no title text or burned-in label. ' +
  'Install one (apt install fonts-dejavu-core) or set SHOTLINE_FONT to a .ttf file.';

export const NO_FONT_FRAME_NOTE =
  'No font was found, so the frame is a blank card without the shot label or action. ' +
  'Install one (apt install fonts-dejavu-core) or set SHOTLINE_FONT to a .ttf file.';

function fcMatch(): Promise<string | null> {
  return new Promise((resolve) => {
    execFile('fc-match', ['-f', '%{file}', 'DejaVu Sans:style=Book'], { timeout: 5000, windowsHide: true }, (err, stdout) => {
      resolve(err ? null : stdout.trim() || null);
    });
  });
}

const usable = (file: string | null | undefined): file is string => !!file && /\.(ttf|otf|ttc)$/i.test(file) && fs.existsSync(file);

let cached: Promise<string | null> | null = null;

/** A font file path, or null when the system has none we can find. */
export function findFont(env: Record<string, string | undefined> = process.env): Promise<string | null> {
  if (usable(env.SHOTLINE_FONT)) return Promise.resolve(env.SHOTLINE_FONT);
  cached ??= fcMatch().then((found) => (usable(found) ? found : (KNOWN.find(usable) ?? null)));
  return cached;
}
