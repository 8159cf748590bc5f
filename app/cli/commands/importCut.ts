import path from 'node:path';
import type { CutImportPreview } from '../../../shared/domain/resolveExport';
import { applyImportedCut, previewImportedCut } from '../../core/roundtrip/applyCut';
import { withProject, type Command } from '../command';

const s = (frames: number) => `${(frames / 24).toFixed(2)} s`;

/** The diff in words, one section per kind of change. */
export function describeCutPreview(p: CutImportPreview): string {
  const { diff } = p;
  const section = (title: string, lines: string[]) => (lines.length ? [`${title} (${lines.length}):`, ...lines.map((l) => `  ${l}`)] : []);
  const lines = [
    `${path.basename(p.file)}: ${p.clips} clip${p.clips === 1 ? '' : 's'} on the main track.`,
    ...section(
      'Reordered',
      diff.reordered.map((r) => `${r.label}: from place ${r.from + 1} to ${r.to + 1}`),
    ),
    ...section(
      'Trimmed or lengthened',
      diff.durations.map((d) => `${d.label}: ${s(d.beforeFrames)} -> ${s(d.afterFrames)} (${d.deltaFrames > 0 ? '+' : ''}${d.deltaSeconds.toFixed(2)} s)`),
    ),
    ...section(
      'Not in the edit (kept; delete them yourself if you mean to)',
      diff.removed.map((r) => r.label),
    ),
    ...section(
      'Clips Shotline does not know (ignored)',
      diff.unknown.map((u) => `#${u.position + 1} ${u.name || u.fileName || '(unnamed)'} (${s(u.durationFrames)})`),
    ),
    ...section(
      'Cut with another take (not applied; circle it in Shotline)',
      diff.takeChanged.map((t) => `${t.label}: take ${t.before ?? '-'} -> take ${t.after}`),
    ),
    ...section(
      'Used again later (only the first use counts)',
      diff.repeated.map((r) => `${r.label} at clip ${r.position + 1}`),
    ),
  ];
  if (p.unchanged) lines.push('The order and lengths match the plan: nothing to apply.');
  return `${lines.join('\n')}\n`;
}

export const importCutCommand: Command = {
  args: ['DIR', 'FILE'],
  options: { apply: { type: 'boolean', help: "apply the edit's shot order and lengths to the plan" } },
  details: [
    'In Resolve: File > Export > Timeline... as FCPXML (1.9 to 1.11) or a CMX3600 EDL. Clips are',
    "matched to shots by the export's file names (SC01_SH010_...), else by clip name = shot label.",
    'Without --apply nothing changes. --apply writes the new order and planned durations in one',
    'transaction; shots the edit dropped are kept and listed, never deleted.',
  ].join('\n'),
  run: ({ args: [dir, file], options, io }) =>
    withProject(io, dir!, (project) => {
      const preview = previewImportedCut(project, path.resolve(io.cwd, file!));
      io.out(describeCutPreview(preview));
      if (preview.unchanged) return;
      if (options.apply !== true) {
        io.out('Run again with --apply to apply the order and lengths.\n');
        return;
      }
      const r = project.db.transaction(() => applyImportedCut(project, preview.diff))();
      io.out(`Applied: ${r.moved} shot${r.moved === 1 ? '' : 's'} moved, ${r.durations} length${r.durations === 1 ? '' : 's'} changed.\n`);
    }),
};
