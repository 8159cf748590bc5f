// A screenplay as the parsers read it, before any breakdown: the title page and the body as a
// flat list of elements in script order. Fountain and Final Draft both parse to this, so the
// breakdown (scenes, shots, characters) is written once and the same story gives the same result
// from either format. Text is plain: emphasis markers and escapes are gone, line breaks kept.

export interface TitlePage {
  title: string | null;
  credit: string | null;
  /** "Author" / "Authors" (Fountain), the written-by block (Final Draft); one name per entry. */
  authors: string[];
  source: string | null;
  draftDate: string | null;
  contact: string | null;
}

/** One stretch of a speech: an optional parenthetical, then what is said (may be empty). */
export interface SpeechPart {
  parenthetical: string | null;
  text: string;
}

export type ScriptElement =
  /** `heading` as written (a forcing "." removed); `number` from `#12A#` or the FDX Number attribute. */
  | { kind: 'scene'; heading: string; number: string | null }
  /** An action paragraph; line breaks inside it kept. */
  | { kind: 'action'; text: string }
  /**
   * One character cue and what follows it. `speaker` without the extension ("MARA"), `extension`
   * without parentheses ("V.O.", "CONT'D"); `dual` marks the second speech of a dual-dialogue pair.
   */
  | { kind: 'dialogue'; speaker: string; extension: string | null; dual: boolean; parts: SpeechPart[] }
  /** A camera direction on its own line: Final Draft's Shot paragraph, or a Fountain line like "CLOSE ON MARA." */
  | { kind: 'shot'; text: string }
  | { kind: 'transition'; text: string }
  | { kind: 'centered'; text: string }
  | { kind: 'lyric'; text: string }
  | { kind: 'pageBreak' }
  /** `#` sections (Fountain), with their depth; never a shot, may become a scene note. */
  | { kind: 'section'; depth: number; text: string }
  /** `=` synopses (Fountain), Final Draft scene summaries; never a shot, may become a scene note. */
  | { kind: 'synopsis'; text: string };

export interface ParsedScript {
  format: 'fountain' | 'fdx';
  titlePage: TitlePage;
  elements: ScriptElement[];
}

export const EMPTY_TITLE_PAGE: TitlePage = { title: null, credit: null, authors: [], source: null, draftDate: null, contact: null };
