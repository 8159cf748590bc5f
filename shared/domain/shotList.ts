// The columns of a shot list (StudioBinder's are the reference): shot size, angle, lens,
// equipment, location, cast, setup number, and the project's own custom columns. One place says
// what each value is called on screen, in files, and in a prompt, so the inspector, the CSVs,
// the storyboard PDF and the prompt compiler never disagree.
import type { ProviderId } from './types';

export const SHOT_SIZES = ['ECU', 'CU', 'MCU', 'MS', 'MWS', 'WS', 'EWS', 'INSERT'] as const;
export type ShotSize = (typeof SHOT_SIZES)[number];

export const CAMERA_ANGLES = ['eye_level', 'high', 'low', 'overhead', 'dutch', 'pov', 'ots'] as const;
export type CameraAngle = (typeof CAMERA_ANGLES)[number];

export const EQUIPMENT = ['tripod', 'handheld', 'gimbal', 'dolly', 'crane', 'drone'] as const;
export type Equipment = (typeof EQUIPMENT)[number];

export interface ShotListFields {
  size: ShotSize | null;
  angle: CameraAngle | null;
  lensMm: number | null;
  equipment: Equipment | null;
  /** The library location's name as written on the shot list ('' = none). */
  location: string;
  /** Characters in frame, by name, in the order given. */
  cast: string[];
  /** Setup number: shots shot from one camera position share it. */
  setup: number | null;
  /** The project's custom columns, by column name; a missing key is an empty cell. */
  custom: Record<string, string>;
}

export function emptyListFields(): ShotListFields {
  return { size: null, angle: null, lensMm: null, equipment: null, location: '', cast: [], setup: null, custom: {} };
}

export const SIZE_LABELS: Record<ShotSize, string> = {
  ECU: 'Extreme close-up',
  CU: 'Close-up',
  MCU: 'Medium close-up',
  MS: 'Medium shot',
  MWS: 'Medium wide shot',
  WS: 'Wide shot',
  EWS: 'Extreme wide shot',
  INSERT: 'Insert',
};

export const ANGLE_LABELS: Record<CameraAngle, string> = {
  eye_level: 'Eye level',
  high: 'High angle',
  low: 'Low angle',
  overhead: 'Overhead',
  dutch: 'Dutch angle',
  pov: 'POV',
  ots: 'Over the shoulder',
};

export const EQUIPMENT_LABELS: Record<Equipment, string> = {
  tripod: 'Tripod',
  handheld: 'Handheld',
  gimbal: 'Gimbal',
  dolly: 'Dolly',
  crane: 'Crane',
  drone: 'Drone',
};

/**
 * Framing in the words each provider's prompting guide uses. Google's Veo guide names shots
 * ("close-up shot", "low-angle shot", "over-the-shoulder shot"); Runway's Gen-4 guide and the
 * others take the cinematography terms on their own ("Close-up", "Low angle").
 */
const VEO_SIZE: Record<ShotSize, string> = {
  ECU: 'extreme close-up shot',
  CU: 'close-up shot',
  MCU: 'medium close-up shot',
  MS: 'medium shot',
  MWS: 'medium wide shot',
  WS: 'wide shot',
  EWS: 'extreme wide establishing shot',
  INSERT: 'insert shot, a tight detail',
};
const VEO_ANGLE: Record<CameraAngle, string> = {
  eye_level: 'eye-level shot',
  high: 'high-angle shot',
  low: 'low-angle shot',
  overhead: "overhead bird's-eye shot",
  dutch: 'Dutch angle shot',
  pov: 'POV shot',
  ots: 'over-the-shoulder shot',
};
// The on-screen names are the cinematography terms; an insert needs saying what it shows.
const TERM_SIZE: Record<ShotSize, string> = { ...SIZE_LABELS, INSERT: 'Insert shot of a detail' };
const TERM_ANGLE: Record<CameraAngle, string> = {
  eye_level: 'eye level',
  high: 'high angle looking down',
  low: 'low angle looking up',
  overhead: 'overhead, looking straight down',
  dutch: 'Dutch angle, tilted frame',
  pov: 'point-of-view shot',
  ots: 'over the shoulder',
};

export type ListFieldsPatch = Partial<Omit<ShotListFields, 'custom'>> & { custom?: Record<string, string> };

/** A patch applied: custom cells merge by column, and an empty cell is removed rather than kept as ''. */
export function patchListFields(list: ShotListFields, patch: ListFieldsPatch | undefined): ShotListFields {
  if (!patch) return list;
  const { custom, ...rest } = patch;
  const merged = { ...list.custom, ...custom };
  // A key present as undefined (an optional field left out) changes nothing.
  const set = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  return { ...list, ...set, custom: Object.fromEntries(Object.entries(merged).filter(([, v]) => v.trim() !== '')) };
}

/** "Close-up, low angle looking up" for the prompt's first sentence; '' when neither is set. */
export function framingWords(list: Pick<ShotListFields, 'size' | 'angle'>, provider: ProviderId | null): string {
  const veo = provider === 'veo';
  const size = list.size ? (veo ? VEO_SIZE : TERM_SIZE)[list.size] : '';
  const angle = list.angle ? (veo ? VEO_ANGLE : TERM_ANGLE)[list.angle] : '';
  return [size, angle].filter(Boolean).join(', ');
}

/** The columns as a shot list prints them, with each shot's values; empty values are left out. */
export function listFieldRows(list: ShotListFields, customColumns: readonly string[]): Array<{ label: string; value: string }> {
  const rows: Array<{ label: string; value: string }> = [
    { label: 'Size', value: list.size ? SIZE_LABELS[list.size] : '' },
    { label: 'Angle', value: list.angle ? ANGLE_LABELS[list.angle] : '' },
    { label: 'Lens', value: list.lensMm === null ? '' : `${list.lensMm} mm` },
    { label: 'Equipment', value: list.equipment ? EQUIPMENT_LABELS[list.equipment] : '' },
    { label: 'Location', value: list.location },
    { label: 'Cast', value: list.cast.join(', ') },
    { label: 'Setup', value: list.setup === null ? '' : String(list.setup) },
    ...customColumns.map((c) => ({ label: c, value: list.custom[c] ?? '' })),
  ];
  return rows.filter((r) => r.value.trim() !== '');
}

/** Reads a size as people write it: "CU", "close-up", "Close up", "ms". */
export function parseShotSize(text: string): ShotSize | null {
  const t = squash(text);
  return SHOT_SIZES.find((s) => squash(s) === t || squash(SIZE_LABELS[s]) === t) ?? null;
}

/** Reads an angle: "low", "Low angle", "eye level", "POV", "OTS", "over the shoulder". */
export function parseAngle(text: string): CameraAngle | null {
  const t = squash(text);
  return CAMERA_ANGLES.find((a) => squash(a) === t || squash(ANGLE_LABELS[a]) === t || squash(ANGLE_LABELS[a]).replace(/angle$/, '') === t) ?? null;
}

export function parseEquipment(text: string): Equipment | null {
  const t = squash(text);
  return EQUIPMENT.find((e) => e === t) ?? null;
}

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
