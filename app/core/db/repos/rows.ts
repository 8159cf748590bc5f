import { linesFromText, type DialogueLine } from '../../../../shared/domain/dialogue';
import type { AspectRatio, PromptParts, Scene, Shot, ShotStatus, Tier } from '../../../../shared/domain/types';
import { emptyPrompt } from '../../../../shared/domain/types';
import { CAMERA_ANGLES, EQUIPMENT, SHOT_SIZES, emptyListFields, type ShotListFields } from '../../../../shared/domain/shotList';
import type { SoundMode } from '../../../../shared/domain/sound';

export interface SceneRow {
  id: string;
  number: number;
  name: string;
  position: number;
}

export interface ShotRow {
  id: string;
  scene_id: string;
  label: string;
  position: number;
  action: string;
  prompt_json: string;
  duration_s: number;
  aspect_ratio: string;
  resolution: string;
  tool: string;
  final_tool: string | null;
  fallback_tool?: string | null;
  tier: string;
  dialogue: string;
  list_json: string;
  notes: string;
  status: string;
  sound_mode: string;
  ask_sound: number;
}

export const sceneFromRow = (r: SceneRow): Scene => ({ id: r.id, number: r.number, name: r.name, position: r.position });

function parsePrompt(json: string): PromptParts {
  // A hand-edited or older row may lack parts; missing ones read as empty, never as a crash.
  try {
    return { ...emptyPrompt(), ...(JSON.parse(json) as Partial<PromptParts>) };
  } catch {
    return emptyPrompt();
  }
}

/** Lines as stored (JSON, migration 7); text that is not JSON reads as one line, never as a crash. */
function parseDialogue(json: string): DialogueLine[] {
  try {
    const lines = JSON.parse(json) as unknown;
    if (Array.isArray(lines)) {
      return lines.map((l: Partial<DialogueLine>) => ({
        speaker: String(l.speaker ?? ''),
        extension: l.extension ?? null,
        parenthetical: l.parenthetical ?? null,
        text: String(l.text ?? ''),
        // Only where set, so lines placed after the one before read as they were written.
        ...(typeof l.offsetS === 'number' ? { offsetS: l.offsetS } : {}),
      }));
    }
  } catch {
    // Not JSON: the row predates lines or was edited by hand.
  }
  return linesFromText(json);
}

/** The shot-list columns as stored (migration 9); a value of the wrong shape reads as empty, never as a crash. */
function parseListFields(json: string): ShotListFields {
  const empty = emptyListFields();
  let raw: Partial<Record<keyof ShotListFields, unknown>>;
  try {
    raw = JSON.parse(json) as typeof raw;
  } catch {
    return empty;
  }
  const pick = <T>(value: unknown, ok: (v: unknown) => v is T, fallback: T): T => (ok(value) ? value : fallback);
  const isString = (v: unknown): v is string => typeof v === 'string';
  const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  const oneOf =
    <T extends string>(list: readonly T[]) =>
    (v: unknown): v is T =>
      list.includes(v as T);
  return {
    size: pick(raw.size, oneOf(SHOT_SIZES), null),
    angle: pick(raw.angle, oneOf(CAMERA_ANGLES), null),
    lensMm: pick(raw.lensMm, isNumber, null),
    equipment: pick(raw.equipment, oneOf(EQUIPMENT), null),
    location: pick(raw.location, isString, ''),
    cast: Array.isArray(raw.cast) ? raw.cast.filter(isString) : [],
    setup: pick(raw.setup, isNumber, null),
    custom:
      raw.custom && typeof raw.custom === 'object'
        ? Object.fromEntries(Object.entries(raw.custom as Record<string, unknown>).filter((e): e is [string, string] => isString(e[1])))
        : {},
  };
}

export function shotFromRow(r: ShotRow): Shot {
  return {
    id: r.id,
    sceneId: r.scene_id,
    label: r.label,
    position: r.position,
    action: r.action,
    prompt: parsePrompt(r.prompt_json),
    durationS: r.duration_s,
    aspectRatio: r.aspect_ratio as AspectRatio,
    resolution: r.resolution,
    tool: r.tool,
    finalTool: r.final_tool,
    fallbackTool: r.fallback_tool ?? null,
    tier: r.tier as Tier,
    dialogue: parseDialogue(r.dialogue),
    list: parseListFields(r.list_json),
    notes: r.notes,
    status: r.status as ShotStatus,
    soundMode: r.sound_mode as SoundMode,
    askSound: r.ask_sound === 1,
  };
}

export function shotToRow(s: Shot): ShotRow {
  return {
    id: s.id,
    scene_id: s.sceneId,
    label: s.label,
    position: s.position,
    action: s.action,
    prompt_json: JSON.stringify(s.prompt),
    duration_s: s.durationS,
    aspect_ratio: s.aspectRatio,
    resolution: s.resolution,
    tool: s.tool,
    final_tool: s.finalTool,
    fallback_tool: s.fallbackTool ?? null,
    tier: s.tier,
    dialogue: JSON.stringify(s.dialogue),
    list_json: JSON.stringify(s.list),
    notes: s.notes,
    status: s.status,
    sound_mode: s.soundMode,
    ask_sound: s.askSound ? 1 : 0,
  };
}
