// The CSV shot list: one row per shot, grouped into scenes by the `scene` column in the order
// scenes first appear. Each row becomes the same object a JSON shot is, so both forms share
// one schema and one set of rules.
import { UserError } from '../errors';
import { parseCsv } from './csv';
import { describeIssues, type Path } from './issues';
import type { ParsedPlan, PlannedShot } from './plan';
import { shotSchema } from './schema';

/** Column name → the field's path in a JSON shot. `scene` is handled apart: it groups rows. */
export const CSV_COLUMNS: Record<string, readonly string[]> = {
  label: ['label'],
  action: ['action'],
  duration_s: ['durationS'],
  tool: ['tool'],
  camera: ['camera'],
  dialogue: ['dialogue'],
  notes: ['notes'],
  subject: ['prompt', 'subject'],
  scene_description: ['prompt', 'scene'],
  camera_text: ['prompt', 'cameraText'],
  motion: ['prompt', 'motion'],
  style: ['prompt', 'style'],
  negative: ['prompt', 'negative'],
  beats: ['prompt', 'beats'],
  aspect_ratio: ['aspectRatio'],
  resolution: ['resolution'],
  final_tool: ['finalTool'],
  tier: ['tier'],
  size: ['size'],
  angle: ['angle'],
  lens_mm: ['lensMm'],
  equipment: ['equipment'],
  location: ['location'],
  cast: ['cast'],
  setup: ['setup'],
};
/** `custom:Wardrobe` fills the project's custom column "Wardrobe" (made when missing). */
const CUSTOM = /^custom:\s*(.+)$/i;
const NUMBER_COLUMNS = new Set(['duration_s', 'lens_mm', 'setup']);
export const REQUIRED_COLUMNS = ['scene', 'label', 'action', 'duration_s', 'tool', 'camera'];

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function columnOf(path: Path): string {
  const key = path.join('.');
  return Object.keys(CSV_COLUMNS).find((c) => CSV_COLUMNS[c]!.join('.') === key) ?? key;
}

function readHeader(fields: string[]): string[] {
  // Custom column names keep their case: they are the project's words.
  const names = fields.map((f) => {
    const custom = CUSTOM.exec(f.trim());
    return custom ? `custom:${custom[1]!.trim()}` : f.trim().toLowerCase();
  });
  names.forEach((name, i) => {
    if (name !== 'scene' && !(name in CSV_COLUMNS) && !name.startsWith('custom:')) {
      throw new UserError(
        `line 1, column ${i + 1}: unknown column "${name}"; known columns are scene, ${Object.keys(CSV_COLUMNS).join(', ')}, and custom:NAME for a column of your own`,
      );
    }
    if (names.indexOf(name) !== i) throw new UserError(`line 1: column "${name}" appears twice`);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0)
    throw new UserError(
      `line 1: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; the header needs at least ${REQUIRED_COLUMNS.join(',')}`,
    );
  return names;
}

/** A row as a JSON shot: empty cells are left out, so they take the same defaults as missing keys. */
function rowToShot(columns: string[], cells: string[]): Record<string, unknown> {
  const shot: Record<string, unknown> = {};
  columns.forEach((column, i) => {
    const cell = cells[i]!.trim();
    if (cell === '') return;
    if (column.startsWith('custom:')) {
      shot.custom = { ...(shot.custom as object | undefined), [column.slice('custom:'.length)]: cell };
      return;
    }
    const path = CSV_COLUMNS[column];
    if (!path) return;
    // Cast is a list in one cell: "Mara; Dee" (or commas).
    const value =
      column === 'cast'
        ? cell
            .split(/[;,]/)
            .map((name) => name.trim())
            .filter(Boolean)
        : NUMBER_COLUMNS.has(column) && DECIMAL.test(cell.replace(/\s*mm$/i, ''))
          ? Number(cell.replace(/\s*mm$/i, ''))
          : cell;
    const [key, sub] = path as [string, string?];
    if (sub) shot[key] = { ...(shot[key] as object | undefined), [sub]: value };
    else shot[key] = value;
  });
  return shot;
}

export function csvPlan(text: string): ParsedPlan {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new UserError('the file is empty; the first line must name the columns, at least ' + REQUIRED_COLUMNS.join(','));
  const columns = readHeader(header.fields);
  const sceneColumn = columns.indexOf('scene');
  const scenes = new Map<string, PlannedShot[]>();
  for (const { line, fields } of rows) {
    if (fields.length !== columns.length) {
      throw new UserError(`line ${line}: ${fields.length} fields, but the header has ${columns.length} columns; quote any field that holds a comma`);
    }
    const sceneName = fields[sceneColumn]!.trim();
    if (!sceneName) throw new UserError(`line ${line}, column scene: missing; every row needs the name of its scene`);
    const at = (path: Path) => `line ${line}, column ${columnOf(path)}`;
    const parsed = shotSchema.safeParse(rowToShot(columns, fields), { reportInput: true });
    if (!parsed.success) throw new UserError(describeIssues(parsed.error.issues, at));
    const list = scenes.get(sceneName) ?? [];
    list.push({ fields: parsed.data, where: `line ${line}`, at: (field) => at([field]) });
    scenes.set(sceneName, list);
  }
  return { project: {}, scenes: [...scenes].map(([name, shots]) => ({ name, shots })) };
}
