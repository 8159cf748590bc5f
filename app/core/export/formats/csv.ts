// Two CSV files: the Media Pool metadata Resolve imports (docs/resolve.md, Media Pool metadata CSV) and the shot list for
// spreadsheets. Both RFC 4180: CRLF, fields quoted when they hold a comma, quote or line break.
import { framesToTimecode } from '../../../../shared/domain/timecode';
import type { ExportCut } from '../../../../shared/domain/cut';
import { estimateShot } from '../../../../shared/domain/cost';
import { compilePrompt } from '../../../../shared/domain/prompt';
import type { ProjectSnapshot } from '../../../../shared/domain/types';
import { dialogueText } from '../../../../shared/domain/dialogue';
import { sceneOfLabel } from '../../../../shared/domain/labels';
import { ANGLE_LABELS, EQUIPMENT_LABELS, SIZE_LABELS, type ShotListFields } from '../../../../shared/domain/shotList';

/** A text cell a spreadsheet would run as a formula (or as DDE): it starts with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * How a cell that could run as a formula is made inert. `apostrophe` is OWASP's advice for CSV
 * injection: spreadsheets show the cell as text and hide the apostrophe. `invisible` puts a zero
 * width space first instead: Resolve shows metadata as typed (an apostrophe would stay visible in
 * every clip's Description), the space is not drawn, and a spreadsheet opening the file still sees
 * a cell that does not start with a formula character.
 */
export type FormulaGuard = 'apostrophe' | 'invisible';

export function inertCell(text: string, guard: FormulaGuard): string {
  if (!FORMULA_START.test(text)) return text;
  return (guard === 'apostrophe' ? "'" : '\u200B') + text;
}

function field(value: string | number, multiline: boolean, guard: FormulaGuard): string {
  let text = String(value).replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, '');
  if (!multiline) text = text.replace(/\s*[\r\n]+\s*/g, ' ');
  // Numbers are ours (durations, costs); only text can come from a user or a shared project.
  if (typeof value === 'string') text = inertCell(text, guard);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `multiline`: keep line breaks inside quoted fields; otherwise each record stays on one line. */
function table(columns: readonly string[], rows: Array<Array<string | number>>, opts: { multiline: boolean; guard: FormulaGuard }): string {
  return [columns, ...rows].map((row) => row.map((v) => field(v, opts.multiline, opts.guard)).join(',')).join('\r\n') + '\r\n';
}

/**
 * Resolve's metadata field names. `File Name` is the match key (users pick file-name matching
 * in the import dialog); Scene, Shot, Take, Description, Comments and Keywords are confirmed by
 * working importers. `Clip Name` and `Good Take` are Resolve field names whose import is not
 * confirmed: a column Resolve ignores costs nothing, and the timeline files set
 * clip names anyway.
 */
export const METADATA_CSV_COLUMNS = [
  'File Name',
  'Clip Name',
  'Scene',
  'Shot',
  'Take',
  'Description',
  'Comments',
  'Keywords',
  'Good Take',
  'Shot Type',
  'Angle',
] as const;

/** Keywords from the shot list: size, angle, equipment, location and cast, so Smart Bins can gather "every CU of Mara". */
function listKeywords(list: ShotListFields): string[] {
  const words = [
    list.size ?? '',
    list.angle ? ANGLE_LABELS[list.angle] : '',
    list.equipment ? EQUIPMENT_LABELS[list.equipment] : '',
    list.location,
    ...list.cast,
  ];
  // Keywords is itself comma-separated: a comma inside one would split it.
  return words.map((w) => w.replace(/,/g, ' ').trim()).filter(Boolean);
}

/**
 * One row per media file. UTF-8 without a BOM, as arkiv's working importer writes it, and one
 * line per record: no source shows Resolve reading line breaks inside quoted fields.
 */
export function metadataCsv(cut: ExportCut): string {
  const rows: Array<Array<string | number>> = [];
  for (const clip of cut.clips) {
    const base = [clip.sceneNumber, clip.label] as const;
    const keywords = (kind: string, tool: string, tier: string) =>
      [`SC${String(clip.sceneNumber).padStart(2, '0')}`, tool, tier, kind, ...listKeywords(clip.list)].join(',');
    const framing = [clip.list.size ? SIZE_LABELS[clip.list.size] : '', clip.list.angle ? ANGLE_LABELS[clip.list.angle] : ''] as const;
    rows.push([
      clip.media.fileName,
      clip.label,
      ...base,
      clip.take ?? '',
      clip.action,
      clip.prompt,
      keywords(clip.take === null ? 'placeholder' : 'selected', clip.tool, clip.tier),
      // Only the circled take is marked; an empty cell sets nothing.
      clip.take === null ? '' : 1,
      ...framing,
    ]);
    for (const alt of clip.alternates) {
      const label = `${clip.label} T${String(alt.take).padStart(2, '0')}`;
      rows.push([alt.media.fileName, label, ...base, alt.take, clip.action, clip.prompt, keywords('alternate', alt.tool, clip.tier), '', ...framing]);
    }
  }
  // The sound in Audio/, keyworded by its lane so a Smart Bin gathers the music or the dialogue.
  for (const a of cut.audio ?? []) {
    rows.push([a.fileName, a.name, '', '', '', `${a.lane} at ${framesToTimecode(a.recordInFrames)}`, '', ['audio', a.lane].join(','), '', '', '']);
  }
  return table(METADATA_CSV_COLUMNS, rows, { multiline: false, guard: 'invisible' });
}

export const SHOT_LIST_COLUMNS = [
  'Scene',
  'Shot',
  'Duration (s)',
  'Camera Move',
  'Action',
  'Dialogue',
  'Tool',
  'Prompt',
  'Size',
  'Angle',
  'Lens (mm)',
  'Equipment',
  'Location',
  'Cast',
  'Setup',
  'Estimated Cost (USD)',
  'Actual Cost (USD)',
] as const;

/**
 * The plan as a spreadsheet, from the project alone (it exists before any take does). `actualUsd`
 * is what each shot's takes cost so far, by shot id; a shot without an entry has an empty cell.
 * UTF-8 with a BOM so Excel reads accents and non-Latin scripts.
 */
export function shotListCsv(snapshot: ProjectSnapshot, actualUsd: Readonly<Record<string, number>> = {}): string {
  const scenes = [...snapshot.scenes].sort((a, b) => a.position - b.position);
  const rows = scenes.flatMap((scene) =>
    snapshot.shots
      .filter((s) => s.sceneId === scene.id)
      .sort((a, b) => a.position - b.position)
      .map((shot) => {
        const camera = [shot.prompt.camera.replace(/_/g, ' '), shot.prompt.cameraText.trim()].filter(Boolean).join(', ');
        const actual = actualUsd[shot.id];
        const list = shot.list;
        return [
          sceneOfLabel(shot.label) ?? scene.number,
          shot.label,
          shot.durationS,
          camera,
          shot.action,
          dialogueText(shot.dialogue),
          shot.tool,
          compilePrompt(shot, shot.tool).text,
          list.size ?? '',
          list.angle ? ANGLE_LABELS[list.angle] : '',
          list.lensMm ?? '',
          list.equipment ? EQUIPMENT_LABELS[list.equipment] : '',
          list.location,
          list.cast.join('; '),
          list.setup ?? '',
          estimateShot(shot).usd.toFixed(2),
          actual === undefined ? '' : actual.toFixed(2),
          ...snapshot.project.customColumns.map((c) => list.custom[c] ?? ''),
        ];
      }),
  );
  return `\uFEFF${table([...SHOT_LIST_COLUMNS, ...snapshot.project.customColumns], rows, { multiline: true, guard: 'apostrophe' })}`;
}
