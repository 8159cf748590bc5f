// From a parsed screenplay to what the project will hold: scenes from the headings, shots by the
// chosen granularity with their action and dialogue lines, a duration estimated from the words and
// fitted to the tool, and the characters and locations the library will get. Pure: the preview
// shows exactly what Import then writes.
import { getModel } from '../../../shared/catalog';
import type { DialogueLine } from '../../../shared/domain/dialogue';
import { suggestTag } from '../../../shared/domain/tags';
import type { Granularity } from '../../../shared/domain/script';
import type { CameraMove, ToolId } from '../../../shared/domain/types';
import type { ParsedScript, ScriptElement, TitlePage } from './model';

export interface PlannedScriptShot {
  action: string;
  dialogue: DialogueLine[];
  camera: CameraMove;
  durationS: number;
  /** Names (as the script spells them, upper case) of the characters the shot involves. */
  characters: string[];
}

export interface PlannedScriptScene {
  /** As written, upper-cased when the script had it in lower case. */
  heading: string;
  number: string | null;
  /** Sections and synopses under this heading: never shots, kept for the reader. */
  notes: string;
  /** The location the heading names, matched to a library item ("DINER"); null for none. */
  location: string | null;
  shots: PlannedScriptShot[];
}

export interface PlannedCharacter {
  /** As the script writes it: "MARA", "OLD TRUCKER". */
  name: string;
  tag: string;
  /** Speaks at least once. Names only seen in capitals in action are offered unticked. */
  speaks: boolean;
  lines: number;
}

export interface Breakdown {
  titlePage: TitlePage;
  scenes: PlannedScriptScene[];
  characters: PlannedCharacter[];
  locations: Array<{ name: string; tag: string }>;
  dialogueLines: number;
}

/** A measured speaking pace (150 words a minute) and a slower pace for action read as screen time. */
const SPEAKING_WPS = 2.5;
const ACTION_WPS = 2;
const MIN_SHOT_S = 2;

const CAMERA_WORDS: Array<[RegExp, CameraMove]> = [
  [/\b(PUSH(ES)? IN|PUSH ON|SLOW PUSH|DOLLY IN|MOVE IN)\b/, 'push_in'],
  [/\b(PULL(S)? (BACK|OUT)|DOLLY (BACK|OUT)|WIDEN)\b/, 'pull_out'],
  [/\bPAN(S)? (TO THE )?LEFT\b/, 'pan_left'],
  [/\bPAN(S)?\b/, 'pan_right'],
  [/\bTILT(S)? UP\b/, 'tilt_up'],
  [/\bTILT(S)?( DOWN)?\b/, 'tilt_down'],
  [/\b(TRACKING|TRACK(S)? WITH|FOLLOW(S)?)\b/, 'tracking'],
  [/\b(CIRCLE(S)?|ORBIT(S)?|360)\b/, 'orbit'],
  [/\b(CRANE|AERIAL|OVERHEAD|BOOM)\b/, 'crane'],
  [/\bHANDHELD\b/, 'handheld'],
];

/** "INT. DINER - NIGHT" → "DINER"; "EXT. PARKING LOT – CONTINUOUS" → "PARKING LOT". */
export function locationOf(heading: string): string | null {
  const place = heading
    .replace(/^\s*\.(?=\S)/, '')
    .replace(/^\s*(INT\.?\s*\/\s*EXT|EXT\.?\s*\/\s*INT|INT|EXT|EST|I\s*\/\s*E)\b\.?\s*/i, '')
    .split(/(?:^|\s+)[-–—]\s+/)[0]!
    .replace(/\s*#[^#]*#\s*$/, '')
    .trim();
  return place && /[A-Za-z]/.test(place) ? place.toUpperCase() : null;
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * Seconds the words take on screen, then the shortest duration the tool accepts that holds them.
 * A line with audio counts its measured length (`measuredS`, by line; null: estimated from its words).
 */
export function fitDuration(action: string, lines: readonly DialogueLine[], tool: ToolId, measuredS: ReadonlyArray<number | null> = []): number {
  const spoken = lines.reduce((n, l) => n + words(l.text), 0);
  const spokenS = lines.reduce((n, l, i) => n + (measuredS[i] ?? words(l.text) / SPEAKING_WPS), 0);
  const seconds = Math.max(MIN_SHOT_S, spokenS + (spoken > 0 ? words(action) / ACTION_WPS / 2 : words(action) / ACTION_WPS));
  const accepted = getModel(tool)?.durations ?? [];
  if (accepted.length === 0) return Math.round(seconds * 2) / 2;
  return accepted.find((d) => d >= seconds) ?? accepted[accepted.length - 1]!;
}

function cameraOf(text: string): CameraMove {
  const upper = text.toUpperCase();
  return CAMERA_WORDS.find(([re]) => re.test(upper))?.[1] ?? 'static';
}

/** Upper-case runs of two or more letters that look like names introduced in action: "MARA", "OLD TRUCKER". */
function capitalNames(action: string): string[] {
  return [...action.matchAll(/\b[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+){0,2}\b/g)].map((m) => m[0]).filter((n) => n.length >= 2);
}

interface SceneDraft {
  heading: string;
  number: string | null;
  notes: string[];
  body: ScriptElement[];
}

function scenesOf(elements: readonly ScriptElement[]): SceneDraft[] {
  const scenes: SceneDraft[] = [];
  let current: SceneDraft | null = null;
  for (const el of elements) {
    if (el.kind === 'scene') {
      current = { heading: el.heading === el.heading.toLowerCase() ? el.heading.toUpperCase() : el.heading, number: el.number, notes: [], body: [] };
      scenes.push(current);
      continue;
    }
    if (el.kind === 'section' || el.kind === 'synopsis') {
      (current ?? scenes[0])?.notes.push(el.text);
      continue;
    }
    if (el.kind === 'pageBreak' || el.kind === 'transition' || el.kind === 'centered') continue;
    // Anything before the first heading (a cold open written as action) is a scene of its own.
    if (!current) {
      current = { heading: 'OPENING', number: null, notes: [], body: [] };
      scenes.push(current);
    }
    current.body.push(el);
  }
  return scenes.filter((s) => s.body.length > 0 || s.heading !== 'OPENING');
}

function linesOf(el: Extract<ScriptElement, { kind: 'dialogue' }>): DialogueLine[] {
  return el.parts.map((p) => ({ speaker: el.speaker, extension: el.extension, parenthetical: p.parenthetical, text: p.text }));
}

/** The shots of one scene: per paragraph and exchange, or the whole scene as one shot. */
function shotsOf(body: readonly ScriptElement[], granularity: Granularity): Array<{ action: string; dialogue: DialogueLine[]; camera: CameraMove }> {
  if (granularity === 'scene') {
    const action = body.flatMap((el) => (el.kind === 'action' || el.kind === 'shot' || el.kind === 'lyric' ? [el.text] : [])).join('\n\n');
    const dialogue = body.flatMap((el) => (el.kind === 'dialogue' ? linesOf(el) : []));
    const camera = cameraOf(body.flatMap((el) => (el.kind === 'shot' ? [el.text] : [])).join(' '));
    return action || dialogue.length > 0 ? [{ action, dialogue, camera }] : [];
  }
  const shots: Array<{ action: string; dialogue: DialogueLine[]; camera: CameraMove }> = [];
  let exchange: DialogueLine[] | null = null;
  for (const el of body) {
    if (el.kind === 'dialogue') {
      if (!exchange) {
        exchange = [];
        shots.push({ action: '', dialogue: exchange, camera: 'static' });
      }
      exchange.push(...linesOf(el));
      continue;
    }
    exchange = null;
    if (el.kind === 'action' || el.kind === 'lyric') shots.push({ action: el.text, dialogue: [], camera: 'static' });
    else if (el.kind === 'shot') shots.push({ action: el.text, dialogue: [], camera: cameraOf(el.text) });
  }
  return shots;
}

export function breakdown(script: ParsedScript, opts: { granularity: Granularity; tool: ToolId }): Breakdown {
  const drafts = scenesOf(script.elements);
  const speakers = new Map<string, number>();
  for (const el of script.elements)
    if (el.kind === 'dialogue') speakers.set(el.speaker.toUpperCase(), (speakers.get(el.speaker.toUpperCase()) ?? 0) + el.parts.length);
  const speakerNames = [...speakers.keys()];
  const mentions = (text: string) =>
    speakerNames.filter((n) => new RegExp(`(^|[^A-Za-z])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^A-Za-z]|$)`, 'i').test(text));

  // Camera lines are written in capitals too: only action paragraphs introduce people.
  const silent = new Set<string>();
  for (const el of script.elements) if (el.kind === 'action') for (const name of capitalNames(el.text)) if (!speakers.has(name)) silent.add(name);
  const scenes: PlannedScriptScene[] = drafts.map((d) => ({
    heading: d.heading,
    number: d.number,
    notes: d.notes.join('\n'),
    location: locationOf(d.heading),
    shots: shotsOf(d.body, opts.granularity).map((s) => {
      const characters = [...new Set([...s.dialogue.map((l) => l.speaker.toUpperCase()), ...mentions(s.action)])];
      return { ...s, characters, durationS: fitDuration(s.action, s.dialogue, opts.tool) };
    }),
  }));

  const taken: string[] = [];
  const tagFor = (name: string) => {
    const tag = suggestTag(name, taken);
    taken.push(tag);
    return tag;
  };
  const characters: PlannedCharacter[] = [
    ...[...speakers].map(([name, lines]) => ({ name, tag: tagFor(name), speaks: true, lines })),
    // Offered unticked: signs, sounds and camera words are written in capitals too.
    ...[...silent]
      .filter((n) => !/^(INT|EXT|CLOSE|ANGLE|POV|CUT|FADE|CONTINUED|V\.O|O\.S)/.test(n))
      .map((name) => ({ name, tag: tagFor(name), speaks: false, lines: 0 })),
  ];
  const locationNames = [...new Set(scenes.map((s) => s.location).filter((l): l is string => l !== null))];
  const allShots = scenes.flatMap((s) => s.shots);
  return {
    titlePage: script.titlePage,
    scenes,
    characters,
    locations: locationNames.map((name) => ({ name, tag: tagFor(name) })),
    dialogueLines: allShots.reduce((n, s) => n + s.dialogue.length, 0),
  };
}
