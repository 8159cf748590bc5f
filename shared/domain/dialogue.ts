// Dialogue as the script has it: lines, each with who speaks, how (V.O., O.S.), an optional
// parenthetical and the words. The one place dialogue lives; prompts, exports and tag searches
// read it through these helpers.

export interface DialogueLine {
  /** The character as the script names them ("MARA"); '' for a line nobody is assigned to. */
  speaker: string;
  /** "V.O.", "O.S.", "CONT'D" (several joined by ", "), without parentheses; null when none. */
  extension: string | null;
  /** With its parentheses: "(quietly)". */
  parenthetical: string | null;
  text: string;
  /** Where the line starts inside its shot, in seconds; null or absent: right after the line before. */
  offsetS?: number | null;
}

/** Old free-text dialogue, a CSV cell, or a plain JSON string: one line with no speaker. */
export function linesFromText(text: string): DialogueLine[] {
  const t = text.trim();
  return t ? [{ speaker: '', extension: null, parenthetical: null, text: t }] : [];
}

/** `MARA (V.O.): (quietly) Not tonight.` — how a line reads in one string (exports, prompts, PDFs). */
export function lineText(line: DialogueLine): string {
  const who = line.speaker ? `${line.speaker}${line.extension ? ` (${line.extension})` : ''}: ` : '';
  return `${who}${line.parenthetical ? `${line.parenthetical} ` : ''}${line.text}`.trim();
}

/** Every line on its own line of text; '' for none. */
export function dialogueText(lines: readonly DialogueLine[]): string {
  return lines.map(lineText).join('\n');
}

/** The words spoken, without speakers or directions (what a voice would say). */
export function spokenText(lines: readonly DialogueLine[]): string {
  return lines
    .map((l) => l.text.trim())
    .filter(Boolean)
    .join(' ');
}
