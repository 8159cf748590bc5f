// Helpers the export tests share: the hand-written reference files in fixtures/, xmllint against
// Apple's DTD (optional: Apple's licence keeps it out of the repository, so the check runs only where
// a team folder beside the checkout holds it), pdfinfo for page counts, ffmpeg for real media, and
// the project's CSV reader.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../shotList/csv';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export const FCPXML_DTD = path.resolve(repoRoot, '../shared/fcpxml/FCPXMLv1_10.dtd');
export const FIXTURES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** Why the DTD checks cannot run here, or null when they can. */
export function dtdMissing(): string | null {
  return fs.existsSync(FCPXML_DTD) ? null : `FCPXML DTD checks skipped: ${FCPXML_DTD} is absent (a team folder beside the checkout holds Apple's DTD)`;
}

/** xmllint's complaints about `file` against the 1.10 DTD, or "" when it is valid. */
export function xmllintErrors(file: string, dtd = FCPXML_DTD): string {
  try {
    execFileSync('xmllint', ['--noout', '--dtdvalid', dtd, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    return '';
  } catch (err) {
    const e = err as { stderr?: Buffer; message: string };
    return e.stderr?.toString() || e.message;
  }
}

export function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/** Copies a clip's streams with a new embedded start timecode: the stamping step of conforming. */
export function stampTimecode(src: string, dest: string, timecode: string): void {
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', src, '-map', '0', '-c', 'copy', '-timecode', timecode, dest]);
}

export function probeTimecode(file: string): string {
  return execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream_tags=timecode', '-of', 'csv=p=0', file], { encoding: 'utf8' }).split('\n')[0]!.trim();
}

/** A DejaVu font pair when the system has one (Debian's fonts-dejavu-core, which CI installs). */
export function dejaVu(): { regular: string; bold: string } | undefined {
  const dir = '/usr/share/fonts/truetype/dejavu';
  const fonts = { regular: path.join(dir, 'DejaVuSans.ttf'), bold: path.join(dir, 'DejaVuSans-Bold.ttf') };
  return fs.existsSync(fonts.regular) && fs.existsSync(fonts.bold) ? fonts : undefined;
}

/** The rows of a CSV as plain field lists (the CLI's RFC 4180 reader; it drops a BOM). */
export function csvRows(text: string): string[][] {
  return parseCsv(text).map((record) => record.fields);
}
