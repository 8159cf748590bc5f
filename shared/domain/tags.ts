// Library tags (`@mara`) as the prompt uses them. The rule is Runway's, the strictest provider
// that reads tags (Runway API reference, `referenceImages[].tag`): 3–16 letters, digits or _, starting with a letter. Tags
// are unique in a project regardless of case, and a mention matches regardless of case, so
// "@Mara" in a prompt is the item tagged mara.
import type { DialogueLine } from './dialogue';
import type { PromptParts, Shot } from './types';

export const TAG_PATTERN = /^[A-Za-z][A-Za-z0-9_]{2,15}$/;
export const TAG_MAX = 16;

/** Why `tag` (without the @) cannot be a tag, or null when it can. */
export function tagProblem(tag: string): string | null {
  if (tag.length < 3) return `"${tag}" is too short: a tag has 3 to 16 letters, digits or _.`;
  if (tag.length > TAG_MAX) return `"${tag}" is too long: a tag has 3 to 16 letters, digits or _.`;
  if (!/^[A-Za-z]/.test(tag)) return `"${tag}" must start with a letter.`;
  if (!TAG_PATTERN.test(tag)) return `"${tag}" may hold only letters, digits and _ (no spaces or accents).`;
  return null;
}

/** Accepts "@mara" or "mara"; returns the bare tag. */
export function bareTag(input: string): string {
  return input.trim().replace(/^@/, '');
}

/**
 * A tag made from a name or file name: "Mara (front).png" → "mara_front". Pads short ones and
 * numbers the result until it is not in `taken` (compared without case).
 */
export function suggestTag(name: string, taken: Iterable<string> = []): string {
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  let base = name
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  base = base.replace(/^[^a-z]+/, '');
  if (!base) base = 'ref';
  if (base.length < 3) base = `${base}_ref`.slice(0, 6);
  base = base.slice(0, TAG_MAX).replace(/_+$/, '');
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const candidate = `${base.slice(0, TAG_MAX - suffix.length).replace(/_+$/, '')}${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}

// A mention is @ + a tag-like word not glued to a preceding word (so e-mail addresses are not
// mentions). Longer runs are matched whole, so @marathon never reads as @mara.
const MENTION = /(^|[^A-Za-z0-9_@])@([A-Za-z][A-Za-z0-9_]*)/g;

/** Tags mentioned in `text`, in order of first mention, as written (without @). */
export function findTags(text: string): string[] {
  const seen = new Map<string, string>();
  for (const m of text.matchAll(MENTION)) {
    const tag = m[2]!;
    if (!seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  }
  return [...seen.values()];
}

/** `text` with every mention of `from` (any case) written as `to`; other text is untouched. */
export function renameTagInText(text: string, from: string, to: string): string {
  const lower = from.toLowerCase();
  return text.replace(MENTION, (whole, lead: string, tag: string) => (tag.toLowerCase() === lower ? `${lead}@${to}` : whole));
}

/** The prompt parts that hold free text, where tags can be mentioned. */
export const PROMPT_TEXT_PARTS = ['subject', 'scene', 'cameraText', 'motion', 'style', 'negative', 'beats'] as const satisfies readonly (keyof PromptParts)[];

type TaggedShot = Pick<Shot, 'action' | 'dialogue' | 'prompt'>;

/** Every tag a shot's text mentions: action, prompt parts and dialogue. */
export function shotTags(shot: TaggedShot): string[] {
  return findTags([shot.action, ...PROMPT_TEXT_PARTS.map((p) => shot.prompt[p]), ...shot.dialogue.map((l) => l.text)].join('\n'));
}

/** True when the shot's text mentions `tag` (any case). */
export function mentionsTag(shot: TaggedShot, tag: string): boolean {
  const lower = tag.toLowerCase();
  return shotTags(shot).some((t) => t.toLowerCase() === lower);
}

/** The shot's text fields with `from` renamed to `to`, or null when none mentions it. */
export function renameTagInShot(shot: TaggedShot, from: string, to: string): { action: string; dialogue: DialogueLine[]; prompt: Partial<PromptParts> } | null {
  if (!mentionsTag(shot, from)) return null;
  const prompt: Partial<PromptParts> = {};
  for (const part of PROMPT_TEXT_PARTS) prompt[part] = renameTagInText(shot.prompt[part], from, to);
  const dialogue = shot.dialogue.map((l) => ({ ...l, text: renameTagInText(l.text, from, to) }));
  return { action: renameTagInText(shot.action, from, to), dialogue, prompt };
}

/** The partial `@ta` being typed just before `caret`, or null when the caret is not in one. */
export function tagAtCaret(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const m = /(^|[^A-Za-z0-9_@])@([A-Za-z0-9_]*)$/.exec(before);
  if (!m) return null;
  return { start: caret - m[2]!.length - 1, query: m[2]! };
}
