// Fountain (fountain.io, spec 1.1) to the parsed-script model. Line-based and linear: the
// boneyard and notes are cut first, the title page read off the top, then the body is split into
// paragraphs at blank lines and each paragraph classified by the spec's rules in order (forced
// markers first, then headings, transitions, character cues, the rest action).
import { splitCue } from './cue';
import { EMPTY_TITLE_PAGE, type ParsedScript, type ScriptElement, type SpeechPart, type TitlePage } from './model';

/** Camera directions that make a one-line, all-caps action paragraph a shot line. */
export const SHOT_WORDS = [
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
const SHOT_LINE = new RegExp(`^(${SHOT_WORDS.map((w) => w.replace(/ /g, '\\s+')).join('|')})\\b`);
const HEADING = /^(INT\.?\/EXT|INT\/EXT|EXT\.?\/INT|I\/E|INT|EXT|EST)[.\s]/i;
const SCENE_NUMBER = /\s*#([\w.-]+)#\s*$/;

/** `*`, `**`, `***` and `_` emphasis removed, `\*` and `\_` kept as the characters. */
export function plain(text: string): string {
  return text
    .replace(/\\([*_])/g, (_, c: string) => (c === '*' ? '\u0001' : '\u0002'))
    .replace(/\*{1,3}(?=\S)([^*\n]*?\S)\*{1,3}/g, '$1')
    .replace(/_(?=\S)([^_\n]*?\S)_/g, '$1')
    .replace(/\u0001/g, '*')
    .replace(/\u0002/g, '_');
}

/** Boneyard `/* … *\/` and notes `[[ … ]]` out, wherever they are and however many lines they span. */
function strip(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\[\[[\s\S]*?\]\]/g, '');
}

const TITLE_KEYS: Record<string, keyof TitlePage> = {
  title: 'title',
  credit: 'credit',
  author: 'authors',
  authors: 'authors',
  source: 'source',
  'draft date': 'draftDate',
  contact: 'contact',
};

/** Keys writing apps put on a title page that Shotline does not use. */
const OTHER_TITLE_KEYS = new Set(['copyright', 'notes', 'revision', 'date', 'episode', 'format', 'font']);

/** The title page, if the text opens with `Key: value` lines, and where the body starts. */
function titlePage(lines: string[]): { page: TitlePage; bodyStart: number } {
  // Only a known key opens a title page, so a script that starts "CUT TO:" starts with its body.
  const firstKey = /^([A-Za-z][\w ]*):/
    .exec(lines[0] ?? '')?.[1]
    ?.trim()
    .toLowerCase();
  if (!firstKey || !(firstKey in TITLE_KEYS || OTHER_TITLE_KEYS.has(firstKey))) return { page: EMPTY_TITLE_PAGE, bodyStart: 0 };
  const values = new Map<keyof TitlePage, string[]>();
  let key: keyof TitlePage | null = null;
  let i = 0;
  for (; i < lines.length && lines[i]!.trim() !== ''; i++) {
    const line = lines[i]!;
    const m = /^([A-Za-z][\w ]*):\s*(.*)$/.exec(line);
    if (m && !/^(\s{3,}|\t)/.test(line)) {
      key = TITLE_KEYS[m[1]!.trim().toLowerCase()] ?? null;
      if (key && m[2]!.trim()) values.set(key, [...(values.get(key) ?? []), plain(m[2]!.trim())]);
    } else if (key) {
      values.set(key, [...(values.get(key) ?? []), plain(line.trim())]);
    }
  }
  const one = (k: keyof TitlePage) => values.get(k)?.join('\n') ?? null;
  return {
    page: {
      title: one('title'),
      credit: one('credit'),
      authors: values.get('authors') ?? [],
      source: one('source'),
      draftDate: one('draftDate'),
      contact: one('contact'),
    },
    bodyStart: i,
  };
}

/** Paragraphs of the body: runs of lines between blank lines (two spaces keep a speech going). */
function paragraphs(lines: string[]): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === '' && line !== '  ') {
      if (current.length) out.push(current);
      current = [];
    } else current.push(line.trimEnd() === '' ? '' : line.replace(/\s+$/, ''));
  }
  if (current.length) out.push(current);
  return out;
}

const isUpper = (s: string) => /\p{L}/u.test(s) && s === s.toUpperCase();

function cueOf(line: string): { speaker: string; extension: string | null; dual: boolean } | null {
  let text = line.trim();
  const forced = text.startsWith('@');
  if (forced) text = text.slice(1);
  const dual = text.endsWith('^');
  if (dual) text = text.slice(0, -1).trim();
  const { speaker, extension } = splitCue(text);
  if (!speaker || (!forced && !isUpper(speaker))) return null;
  return { speaker: plain(speaker), extension, dual };
}

function speech(lines: string[]): SpeechPart[] {
  const parts: SpeechPart[] = [];
  for (const raw of lines) {
    const line = raw.trim().replace(/^~\s*/, '');
    if (/^\(.*\)$/.test(line)) {
      parts.push({ parenthetical: plain(line), text: '' });
      continue;
    }
    const last = parts.at(-1) ?? (parts.push({ parenthetical: null, text: '' }), parts.at(-1)!);
    last.text = last.text ? `${last.text}\n${plain(line)}` : plain(line);
  }
  return parts;
}

function classify(para: string[]): ScriptElement | null {
  const first = para[0]!;
  const trimmed = first.trim();
  const single = para.length === 1;
  if (single && /^={3,}$/.test(trimmed)) return { kind: 'pageBreak' };
  if (single && /^#+/.test(trimmed)) {
    const depth = /^#+/.exec(trimmed)![0].length;
    return { kind: 'section', depth, text: plain(trimmed.slice(depth).trim()) };
  }
  if (single && /^=(?!=)/.test(trimmed)) return { kind: 'synopsis', text: plain(trimmed.slice(1).trim()) };
  if (single && /^>.*<$/.test(trimmed)) return { kind: 'centered', text: plain(trimmed.slice(1, -1).trim()) };
  if (single && trimmed.startsWith('>')) return { kind: 'transition', text: plain(trimmed.slice(1).trim()) };
  if (trimmed.startsWith('!')) return { kind: 'action', text: plain([first.replace(/^\s*!/, ''), ...para.slice(1)].join('\n')) };
  if (para.every((l) => l.trim().startsWith('~'))) return { kind: 'lyric', text: plain(para.map((l) => l.trim().slice(1).trim()).join('\n')) };
  if (single && ((trimmed.startsWith('.') && !trimmed.startsWith('..')) || HEADING.test(trimmed))) {
    const heading = trimmed.startsWith('.') && !HEADING.test(trimmed) ? trimmed.slice(1) : trimmed.replace(/^\.(?=\S)/, '');
    const number = SCENE_NUMBER.exec(heading)?.[1] ?? null;
    return { kind: 'scene', heading: plain(heading.replace(SCENE_NUMBER, '').trim()), number };
  }
  if (single && isUpper(trimmed) && trimmed.endsWith('TO:')) return { kind: 'transition', text: plain(trimmed) };
  if (!single) {
    const cue = cueOf(first);
    if (cue && !trimmed.startsWith('!'))
      return { kind: 'dialogue', speaker: cue.speaker, extension: cue.extension, dual: cue.dual, parts: speech(para.slice(1)) };
  }
  if (single && isUpper(trimmed) && SHOT_LINE.test(trimmed)) return { kind: 'shot', text: plain(trimmed) };
  return { kind: 'action', text: plain(para.join('\n')) };
}

export function parseFountain(source: string): ParsedScript {
  const text = strip(source.replace(/\r\n?/g, '\n').replace(/\t/g, '    '));
  const lines = text.split('\n');
  const { page, bodyStart } = titlePage(lines);
  const elements: ScriptElement[] = [];
  for (const para of paragraphs(lines.slice(bodyStart))) {
    const el = classify(para);
    if (el && !(el.kind === 'action' && !el.text.trim())) elements.push(el);
  }
  return { format: 'fountain', titlePage: page, elements };
}
