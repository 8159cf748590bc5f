// What the CLI prints comes partly from projects, which are shared and so untrusted: a shot label
// or title holding ESC or OSC sequences could retitle the terminal, hide text or forge a line, and
// bidi overrides reorder what is shown. Text is cleaned once, where the CLI writes it (run.ts);
// JSON keeps every character, escaped, so scripts still get the exact data.

/** C0 controls but tab and newline, DEL, C1 controls, and the bidi marks, embeddings, overrides and isolates. */
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** CSI (`ESC [ … final`), OSC (`ESC ] … BEL` or `ESC ] … ESC \`) and two-character escapes. */
const ESCAPE_SEQUENCE = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\|$)|[0-~])/g;

/** `text` with escape sequences and unsafe characters removed; newlines and tabs stay. */
export function terminalSafe(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(UNSAFE, '');
}

/** `value` as indented JSON on one or more lines, every unsafe character written as a \u escape. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n';
}
