import path from 'node:path';
import { EXPORT_EXISTS, FRAME_FITS, MEDIA_FORMATS, type FrameFit, type MediaFormat, type ResolveExportSummary } from '../../../shared/domain/resolveExport';
import { UserError } from '../../core/errors';
import { exportProjectToResolve } from '../../core/export/exportProject';
import { writeShotList } from '../../core/export/shotList';
import type { Project } from '../../core/project/project';
import { oneOf, withProject, type Command, type Io } from '../command';
import { plural } from '../format';

const FORMAT_NAMES: Record<MediaFormat, string> = { h264: 'H.264 MP4', dnxhr: 'DNxHR HQ MOV', prores: 'ProRes 422 MOV' };

/** What the export wrote, for people; the folder's path is the last line, alone, for scripts. */
export function exportReport(r: ResolveExportSummary, format: MediaFormat): string {
  const made = [plural(r.takes, 'take'), plural(r.placeholders, 'placeholder'), ...(r.alternates ? [plural(r.alternates, 'alternate')] : [])].join(', ');
  return [
    `Exported ${plural(r.shots, 'shot')} for DaVinci Resolve (${made}): ${r.width}x${r.height}, 24 fps, ${FORMAT_NAMES[format]}.`,
    `Media: ${r.copied} copied as they were, ${r.encoded} conformed.`,
    `In Resolve: File > Import > Timeline... and pick ${path.basename(r.fcpxml)} (README.txt has the three steps).`,
    r.folder,
    '',
  ].join('\n');
}

/** The Resolve export as the CLI and `demo` run it: the report on stdout, warnings on stderr. */
export async function exportForResolve(
  project: Project,
  io: Io,
  opts: { out: string; format: MediaFormat; fit: FrameFit; alternates: boolean; replace: boolean },
) {
  try {
    const summary = await exportProjectToResolve(project, { ...opts, outDir: path.resolve(io.cwd, opts.out) });
    for (const w of summary.warnings) io.err(`shotline: warning: ${w}\n`);
    io.out(exportReport(summary, opts.format));
    return summary;
  } catch (err) {
    if (err instanceof UserError && err.code === EXPORT_EXISTS)
      throw new UserError(
        `${err.message.replace(/ Replace it, or choose another folder\.$/, '')} Add --replace to replace it, or choose another --resolve folder.`,
      );
    throw err;
  }
}

export const exportCommand: Command = {
  args: ['DIR'],
  options: {
    resolve: { type: 'string', value: 'OUT', help: 'write OUT/<Title>_Resolve/ (media, timelines, metadata, storyboard PDF)' },
    format: { type: 'string', value: 'F', help: `media format: ${MEDIA_FORMATS.join(', ')} (default h264)` },
    fit: { type: 'string', value: 'F', help: `takes of another shape: ${FRAME_FITS.join(' (bars) or ')} (default letterbox)` },
    alternates: { type: 'boolean', help: "also export each shot's other usable takes into Alternates/" },
    replace: { type: 'boolean', help: 'replace an existing <Title>_Resolve folder' },
    shotlist: { type: 'string', value: 'FILE', help: 'write the shot list CSV to FILE (or into FILE if it is a folder)' },
  },
  details: [
    "The Resolve folder has every shot's selected take (else its newest) conformed to 24 fps at the",
    'timeline size with its trim or hold and its own start timecode, placeholders for shots without a',
    'take, FCPXML 1.10 + EDL + OTIO timelines, Media Pool metadata CSV, a storyboard PDF, the shot list,',
    'manifest.json and README.txt. dnxhr or prores (MOV, PCM sound) are for Resolve on Linux, which',
    "cannot decode H.264 or AAC. The folder's path is printed last. An existing folder is left alone",
    'unless --replace; a failed or interrupted export leaves nothing behind.',
  ].join('\n'),
  run: ({ args: [dir], options, io }) =>
    withProject(io, dir!, async (project) => {
      const out = options.resolve;
      const shotlist = options.shotlist;
      if (typeof out !== 'string' && typeof shotlist !== 'string')
        throw new UserError('export needs --resolve OUT, --shotlist FILE, or both; see shotline export --help');
      if (typeof shotlist === 'string') {
        const r = writeShotList(project, path.resolve(io.cwd, shotlist));
        io.out(`Wrote the shot list (${plural(r.shots, 'shot')}) to ${r.path}\n`);
      }
      if (typeof out === 'string') {
        const format = oneOf(options.format, MEDIA_FORMATS, 'format');
        const fit = oneOf(options.fit, FRAME_FITS, 'fit');
        await exportForResolve(project, io, { out, format, fit, alternates: options.alternates === true, replace: options.replace === true });
      }
    }),
};
