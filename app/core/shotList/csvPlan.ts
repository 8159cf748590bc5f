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
};
export const REQUIRED_COLUMNS = ['scene', 'label', 'action', 'duration_s', 'tool', 'camera'];

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function columnOf(path: Path): string {
  const key = path.join('.');
  return Object.keys(CSV_COLUMNS).find((c) => CSV_COLUMNS[c]!.join('.') === key) ?? key;
}

function readHeader(fields: string[]): string[] {
  const names = fields.map((f) => f.trim().toLowerCase());
  names.forEach((name, i) => {
    if (name !== 'scene' && !(name in CSV_COLUMNS)) {
      throw new UserError(`line 1, column ${i + 1}: unknown column "${name}"; known columns are scene, ${Object.keys(CSV_COLUMNS).join(', ')}`);
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
    const path = CSV_COLUMNS[column];
    const cell = cells[i]!.trim();
    if (!path || cell === '') return;
    const value = column === 'duration_s' && DECIMAL.test(cell) ? Number(cell) : cell;
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
