// Fountain (fountain.io, spec 1.1) to the parsed-script model. One pass over the lines after the
// boneyard and notes are cut: the title page is read off the top, then each paragraph is
// classified by the spec's rules — explicit markers first (they need no blank lines around
// them), then headings and transitions (alone between blank lines), character cues (dialogue
// right below), and action for the rest. No regex here can backtrack across lines, so a
// 120-page script stays a few milliseconds.
import { splitCue } from './cue';
import { EMPTY_TITLE_PAGE, type ParsedScript, type ScriptElement, type SpeechPart, type TitlePage } from './model';

/** Camera directions that make a one-line, all-caps action paragraph a shot line. */
export const SHOT_WORDS: readonly string[] = [
  'CLOSE ON',
  'CLOSE UP',
  'CLOSEUP',
  'EXTREME CLOSE',
  'ECU',
  'INSERT',
  'ANGLE ON',
  'WIDE ON',
  'WIDE SHOT',
  'POV',
  'TRACKING',
  'SLOW PUSH',
  'PUSH IN',
  'PULL BACK',
  'PAN',
  'TILT',
  'OVERHEAD',
  'AERIAL',
  'ESTABLISHING',
  'MEDIUM SHOT',
  'TWO SHOT',
  'BACK TO SCENE',
];
// `\b` so that "PANIC" or "TILTED" are not camera moves.
const SHOT_LINE = new RegExp(`^(?:${SHOT_WORDS.join('|')})\\b`);
const HEADING = /^(?:INT\.?\/EXT|EXT\.?\/INT|INT\/EXT|I\/E|INT|EXT|EST)[.\s]/i;
const SCENE_NUMBER = /#([A-Za-z0-9.-]+)#$/;

// Escaped markers are parked on private-use characters while emphasis comes off.
const ESCAPED_STAR = '\uE000';
const ESCAPED_UNDERSCORE = '\uE001';
const STARS = /(\*{1,3})(?=\S)([^*\n]*?\S)\1/g;
// Underscores only at word edges, so snake_case names and file_names survive.
const UNDERLINE = /(^|[^\p{L}\p{N}_])_(?=\S)([^_\n]*?\S)_(?![\p{L}\p{N}])/gu;

/** `*`, `**`, `***` and `_` emphasis removed, `\*` and `\_` kept as the characters. */
export function plain(text: string): string {
  // Most lines carry no marker at all; they skip the passes below.
  if (!/[*_]/.test(text)) return text;
  let out = text.replaceAll('\\*', ESCAPED_STAR).replaceAll('\\_', ESCAPED_UNDERSCORE);
  // Nested emphasis ("**bold *and* italic**") comes off one layer a pass, from the inside out.
  for (let before = ''; before !== out;) {
    before = out;
    out = out.replace(STARS, '$2').replace(UNDERLINE, '$1$2');
  }
  return out.replaceAll(ESCAPED_STAR, '*').replaceAll(ESCAPED_UNDERSCORE, '_');
}

/**
 * `open … close` spans (boneyard, notes) cut out; an unclosed one is left as text. A span alone
 * on its lines takes those lines with it, so a note between a cue and its dialogue, or inside
 * an action paragraph, does not split what is around it.
 */
function cut(text: string, open: string, close: string): string {
  let out = '';
  let pos = 0;
  for (let start = text.indexOf(open); start !== -1; start = text.indexOf(open, pos)) {
    const end = text.indexOf(close, start + open.length);
    if (end === -1) break;
    let from = start;
    let to = end + close.length;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const newline = text.indexOf('\n', to);
    const lineEnd = newline === -1 ? text.length : newline;
    if (lineStart >= pos && !text.slice(lineStart, start).trim() && !text.slice(to, lineEnd).trim()) {
      from = lineStart;
      to = lineEnd + 1;
    }
    out += text.slice(pos, from);
    pos = to;
  }
  return out + text.slice(pos);
}

const isBlank = (line: string | undefined) => line === undefined || line.trim() === '';
const isUpper = (s: string) => /\p{L}/u.test(s) && s === s.toUpperCase();
const isTransition = (trimmed: string) => isUpper(trimmed) && trimmed.endsWith('TO:');

type TitleField = keyof TitlePage;
const TITLE_KEYS: Record<string, TitleField> = {
  title: 'title',
  credit: 'credit',
  author: 'authors',
  authors: 'authors',
  source: 'source',
  'draft date': 'draftDate',
  contact: 'contact',
};
/** Keys writing apps put on a title page that Shotline does not keep. */
const OTHER_TITLE_KEYS = new Set(['copyright', 'notes', 'revision', 'date', 'episode', 'format', 'font', 'draft']);
const KEY_LINE = /^([A-Za-z][A-Za-z0-9 _-]*):(.*)$/;

/** Only a known key opens a title page, so a script that starts "FADE IN:" starts with its body. */
function opensTitlePage(line: string | undefined): boolean {
  const key = KEY_LINE.exec(line ?? '')?.[1]
    ?.trim()
    .toLowerCase();
  return key !== undefined && (key in TITLE_KEYS || OTHER_TITLE_KEYS.has(key));
}

/** The title page, if the text opens with `Key: value` lines, and where the body starts. */
function readTitlePage(lines: string[]): { titlePage: TitlePage; bodyStart: number } {
  let i = 0;
  while (i < lines.length && isBlank(lines[i])) i++;
  if (!opensTitlePage(lines[i])) return { titlePage: { ...EMPTY_TITLE_PAGE, authors: [] }, bodyStart: 0 };
  const values = new Map<TitleField, string[]>();
  let field: TitleField | null = null;
  for (; i < lines.length && !isBlank(lines[i]); i++) {
    const line = lines[i]!;
    // Indented lines continue the key above, even when they hold a colon ("   Phone: 555").
    const key = /^ {3}/.test(line) ? null : KEY_LINE.exec(line);
    if (key) field = TITLE_KEYS[key[1]!.trim().toLowerCase()] ?? null;
    const value = (key ? key[2]! : line).trim();
    if (!field || !value) continue;
    const list = values.get(field) ?? [];
    list.push(plain(value));
    values.set(field, list);
  }
  const joined = (f: TitleField) => values.get(f)?.join('\n') ?? null;
  return {
    titlePage: {
      title: joined('title'),
      credit: joined('credit'),
      authors: values.get('authors') ?? [],
      source: joined('source'),
      draftDate: joined('draftDate'),
      contact: joined('contact'),
    },
    bodyStart: i,
  };
}

type Marked = 'pageBreak' | 'section' | 'synopsis' | 'centered' | 'transition' | 'lyric';

/** Elements the spec marks with a leading character: they stand on their own line wherever they are. */
function markedKind(trimmed: string): Marked | null {
  if (/^={3,}$/.test(trimmed)) return 'pageBreak';
  if (trimmed.startsWith('#')) return 'section';
  if (trimmed.startsWith('=') && !trimmed.startsWith('===')) return 'synopsis';
  if (trimmed.startsWith('>')) return trimmed.endsWith('<') ? 'centered' : 'transition';
  if (trimmed.startsWith('~')) return 'lyric';
  return null;
}

function marked(kind: Exclude<Marked, 'lyric' | 'centered'>, trimmed: string): ScriptElement {
  if (kind === 'pageBreak') return { kind };
  if (kind === 'section') {
    const depth = /^#+/.exec(trimmed)![0].length;
    return { kind, depth, text: plain(trimmed.slice(depth).trim()) };
  }
  return { kind, text: plain(trimmed.slice(1).trim()) };
}

/** Consecutive lyric lines make one lyric, consecutive centered lines one centered block. */
function readRun(lines: string[], i: number, kind: 'lyric' | 'centered', out: ScriptElement[]): number {
  const texts: string[] = [];
  for (; i < lines.length && markedKind(lines[i]!.trim()) === kind; i++) {
    const trimmed = lines[i]!.trim();
    texts.push(plain((kind === 'lyric' ? trimmed.slice(1) : trimmed.slice(1, -1)).trim()));
  }
  out.push({ kind, text: texts.join('\n') });
  return i;
}

function scene(heading: string): ScriptElement {
  const number = SCENE_NUMBER.exec(heading);
  const text = number ? heading.slice(0, number.index) : heading;
  return { kind: 'scene', heading: plain(text.trim()), number: number?.[1] ?? null };
}

/** A heading or a transition: a line alone between blank lines. */
function loneLine(trimmed: string): ScriptElement | null {
  if (trimmed.length > 1 && trimmed.startsWith('.') && !trimmed.startsWith('..')) return scene(trimmed.slice(1));
  if (HEADING.test(trimmed)) return scene(trimmed);
  if (isTransition(trimmed)) return { kind: 'transition', text: plain(trimmed) };
  return null;
}

interface Cue {
  speaker: string;
  extension: string | null;
  dual: boolean;
}

function cueOf(trimmed: string): Cue | null {
  const forced = trimmed.startsWith('@');
  // A heading or a transition that runs into text is action, never someone speaking.
  if (!forced && (/^[.!]/.test(trimmed) || HEADING.test(trimmed) || isTransition(trimmed))) return null;
  let text = forced ? trimmed.slice(1).trim() : trimmed;
  const dual = text.endsWith('^');
  if (dual) text = text.slice(0, -1).trimEnd();
  const { speaker, extension } = splitCue(text);
  if (!speaker || (!forced && !isUpper(speaker))) return null;
  return { speaker: plain(speaker), extension, dual };
}

/** The speech under a cue, up to a blank line; a line of exactly two spaces is a blank line inside it. */
function readSpeech(lines: string[], i: number, cue: Cue, out: ScriptElement[]): number {
  const said: string[] = [];
  for (; i < lines.length && (!isBlank(lines[i]) || lines[i] === '  '); i++) said.push(lines[i]!.trim());
  out.push({ kind: 'dialogue', ...cue, parts: speechParts(said) });
  return i;
}

function speechParts(said: string[]): SpeechPart[] {
  const parts: Array<{ parenthetical: string | null; lines: string[] }> = [];
  for (const line of said) {
    if (/^\(.*\)$/.test(line)) {
      parts.push({ parenthetical: plain(line), lines: [] });
      continue;
    }
    if (parts.length === 0) parts.push({ parenthetical: null, lines: [] });
    parts.at(-1)!.lines.push(plain(line.replace(/^~\s*/, '')));
  }
  // A two-space line next to a parenthetical separates nothing, so it is not kept as text.
  return parts.map((p) => ({ parenthetical: p.parenthetical, text: p.lines.join('\n').replace(/^\n+|\n+$/g, '') }));
}

/** Action up to a blank line or a marked line; indentation kept, a forcing `!` removed. */
function readAction(lines: string[], i: number, out: ScriptElement[]): number {
  const first = lines[i]!;
  const forced = first.trimStart().startsWith('!');
  const texts = [first.replace(/^(\s*)!/, '$1').trimEnd()];
  for (i++; i < lines.length && !isBlank(lines[i]) && !markedKind(lines[i]!.trim()); i++) texts.push(lines[i]!.trimEnd());
  const text = plain(texts.join('\n'));
  const trimmed = text.trim();
  if (!trimmed) return i;
  const shot = !forced && texts.length === 1 && isUpper(trimmed) && SHOT_LINE.test(trimmed);
  out.push(shot ? { kind: 'shot', text: trimmed } : { kind: 'action', text });
  return i;
}

/** Every reader starts on a paragraph's first line and stops at a blank or marked line. */
function readBody(lines: string[], start: number): ScriptElement[] {
  const out: ScriptElement[] = [];
  let i = start;
  while (i < lines.length) {
    const trimmed = lines[i]!.trim();
    const kind = markedKind(trimmed);
    if (!trimmed) i++;
    else if (kind === 'lyric' || kind === 'centered') i = readRun(lines, i, kind, out);
    else if (kind) {
      out.push(marked(kind, trimmed));
      i++;
    } else i = readParagraph(lines, i, trimmed, out);
  }
  return out;
}

function readParagraph(lines: string[], i: number, trimmed: string, out: ScriptElement[]): number {
  if (isBlank(lines[i + 1])) {
    const lone = loneLine(trimmed);
    if (lone) {
      out.push(lone);
      return i + 1;
    }
    return readAction(lines, i, out);
  }
  const cue = cueOf(trimmed);
  return cue ? readSpeech(lines, i + 1, cue, out) : readAction(lines, i, out);
}

export function parseFountain(text: string): ParsedScript {
  const normal = text.replace(/\r\n?/g, '\n').replace(/\t/g, '    ');
  const lines = cut(cut(normal, '/*', '*/'), '[[', ']]').split('\n');
  const { titlePage, bodyStart } = readTitlePage(lines);
  return { format: 'fountain', titlePage, elements: readBody(lines, bodyStart) };
}
