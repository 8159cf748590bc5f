// Turns the structured prompt into the text each provider takes. Order follows what video
// models respond to (Runway's Gen-4 prompting guide, Google's Veo prompt guide): camera first, then who, what happens, where, how it moves,
// when (beats), and the look. How negatives and camera moves travel is catalog data.
import { getModel, type ModelSpec } from '../catalog';
import type { DialogueLine } from './dialogue';
import { framingWords, type ShotListFields } from './shotList';
import type { CameraMove, Shot, ToolId } from './types';

export interface CompiledPrompt {
  /** What is sent, already cut to the limit. */
  text: string;
  /** For models with a negative field; null when there is none or it is empty. */
  negative: string | null;
  /** Length of the compiled text before any cut, in UTF-16 units (Runway's count, and never under others'). */
  chars: number;
  limit: number;
  truncated: boolean;
  notes: string[];
}

type PromptRules = Pick<ModelSpec, 'name' | 'promptForm' | 'promptMaxChars' | 'negativePrompt' | 'negativeFallback' | 'audio' | 'output'> & {
  provider: ModelSpec['provider'] | null;
};

/** What the compiler reads of a shot; `list` (size and angle) may be absent in requests queued before shots had it. */
export type PromptShot = Pick<Shot, 'action' | 'prompt' | 'durationS' | 'dialogue'> & { list?: Pick<ShotListFields, 'size' | 'angle'> };

/** For a tool the catalog does not know: plain prose under the tightest common limit. */
const GENERAL: PromptRules = {
  name: 'this tool',
  provider: null,
  promptForm: 'prose',
  promptMaxChars: 1000,
  negativePrompt: true,
  negativeFallback: 'drop',
  audio: false,
  output: 'video',
};

const PROSE_CAMERA: Record<CameraMove, string> = {
  static: 'Static camera, locked off',
  push_in: 'Slow dolly push in',
  pull_out: 'Slow dolly pull out',
  pan_left: 'The camera pans left',
  pan_right: 'The camera pans right',
  tilt_up: 'The camera tilts up',
  tilt_down: 'The camera tilts down',
  orbit: 'The camera orbits around the subject',
  tracking: 'Tracking shot following the subject',
  crane: 'Crane shot rising over the scene',
  handheld: 'Handheld camera with natural shake',
};

/** MiniMax's bracket commands (Truck, Pan, Push/Pull, Pedestal, Tilt, Zoom, Shake, Tracking, Static). */
const BRACKET_CAMERA: Record<CameraMove, string> = {
  static: '[Static shot]',
  push_in: '[Push in]',
  pull_out: '[Pull out]',
  pan_left: '[Pan left]',
  pan_right: '[Pan right]',
  tilt_up: '[Tilt up]',
  tilt_down: '[Tilt down]',
  // An orbit is a truck with the camera turning back onto the subject.
  orbit: '[Truck left, Pan right]',
  tracking: '[Tracking shot]',
  crane: '[Pedestal up]',
  handheld: '[Shake]',
};

/** A cut may step back this far to land between words rather than inside one. */
const WORD_SLACK = 40;

export function compilePrompt(shot: PromptShot, tool: ToolId): CompiledPrompt {
  const spec = getModel(tool);
  const rules: PromptRules = spec ?? GENERAL;
  const limit = rules.promptMaxChars;
  const notes: string[] = [];
  if (!spec) notes.push(`"${tool}" is not in the catalog: compiled as plain prose with a ${limit}-character limit.`);

  let full = rules.promptForm === 'title' ? oneLine(shot.action) || oneLine(shot.prompt.subject) : describe(shot, rules, notes);

  const wanted = oneLine(shot.prompt.negative);
  let negative: string | null = null;
  if (wanted && rules.promptForm !== 'title') {
    const note = negativeNote(rules, wanted);
    if (note) notes.push(note);
    if (rules.negativePrompt) negative = clip(wanted, limit);
    else if (rules.negativeFallback === 'fold') full = [full, sentence(`Avoid: ${wanted}`)].filter(Boolean).join(' ');
  }

  const text = clip(full, limit);
  const truncated = text.length < full.length;
  if (truncated) notes.push(truncationNote(rules.name, limit, full.length));
  return { text, negative, chars: full.length, limit, truncated, notes };
}

/** The prompt is over the model's limit: the inspector's warning and the compiler's note are this one sentence. */
export function truncationNote(model: string, limit: number, chars: number): string {
  return `The prompt compiles to ${chars} characters; ${model} takes ${limit}, so the end is cut. Shorten the scene, beats or style.`;
}

/**
 * What happens to a negative prompt on this model, when anything does: folded into the prompt,
 * dropped, or cut. The inspector's warning and the compiler's note are this one sentence.
 */
export function negativeNote(rules: Pick<ModelSpec, 'name' | 'negativePrompt' | 'negativeFallback' | 'promptMaxChars'>, negative: string): string | null {
  const wanted = oneLine(negative);
  if (!wanted) return null;
  if (!rules.negativePrompt) {
    return rules.negativeFallback === 'fold'
      ? `${rules.name} has no negative prompt: it is added to the prompt as "Avoid: …".`
      : `${rules.name} has no negative prompt: it is dropped. Say what you want instead ("clear sky", not "no clouds"), or pick a model that takes one.`;
  }
  return wanted.length > rules.promptMaxChars
    ? `The negative prompt is ${wanted.length} characters; ${rules.name} takes ${rules.promptMaxChars}, so the end is cut.`
    : null;
}

/** `MARA (quietly) says: "Not tonight."`; a line with no speaker is `Spoken line: "…"`. */
function spokenSentence(line: DialogueLine): string {
  const words = `"${oneLine(line.text)}"`;
  return line.speaker ? `${line.speaker}${line.parenthetical ? ` ${line.parenthetical}` : ''} says: ${words}` : `Spoken line: ${words}`;
}

function describe(shot: PromptShot, rules: PromptRules, notes: string[]): string {
  const p = shot.prompt;
  const cameraText = oneLine(p.cameraText);
  const bracket = rules.promptForm === 'bracketCamera';
  // Framing leads, as the guides' examples do ("Close-up, low angle. Slow dolly push in. …").
  const framing = shot.list ? framingWords(shot.list, rules.provider) : '';
  const camera = bracket ? cameraText : [PROSE_CAMERA[p.camera], cameraText].filter(Boolean).join(', ');
  const beats = p.beats.split('\n').map(oneLine).filter(Boolean).join('; ');
  const spoken = shot.dialogue.filter((l) => oneLine(l.text));
  if (spoken.length > 0 && !rules.audio && rules.output !== 'image') {
    notes.push(`Dialogue is not sent: ${rules.name} makes no sound. Add the line in the edit.`);
  }
  // A still frame has no motion: the camera move, motion and timed beats are left out.
  const still = rules.output === 'image';
  const parts = still
    ? [framing, p.subject, shot.action, p.scene, p.style]
    : [
        framing,
        camera,
        p.subject,
        shot.action,
        p.scene,
        p.motion,
        beats && `Over ${shot.durationS} s: ${beats}`,
        p.style,
        ...(rules.audio ? spoken.map(spokenSentence) : []),
      ];
  const prose = parts.map(sentence).filter(Boolean).join(' ');
  return bracket ? `${BRACKET_CAMERA[p.camera]} ${prose}`.trim() : prose;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Trimmed, one line, capitalised and ending in punctuation so parts read as sentences rather
 * than running together. @tags are left as typed: Runway matches them case-sensitively.
 */
function sentence(s: string): string {
  const t = oneLine(s);
  if (!t) return t;
  const capital = t[0]!.toLocaleUpperCase() + t.slice(1);
  return /[.!?…"')\]]$/.test(capital) ? capital : `${capital}.`;
}

/**
 * Cut to `limit` UTF-16 units, preferring a word boundary, never through a surrogate pair or
 * an @tag (half a tag would point at a reference that does not exist).
 */
function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let end = limit;
  const space = text.lastIndexOf(' ', limit);
  if (space > 0 && space >= limit - WORD_SLACK) {
    end = space;
  } else {
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end -= 1;
    const tag = /@\w*$/.exec(text.slice(0, end));
    if (tag && /\w/.test(text.charAt(end))) end = tag.index;
  }
  return text.slice(0, end).trimEnd();
}
