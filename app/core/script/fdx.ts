// Final Draft's .fdx: `<FinalDraft><Content>` holds `<Paragraph Type="…">` elements whose text is
// one or more `<Text>` runs (styles are attributes, so the text itself is plain). Read with the
// project's XML reader, which loads no DTD and expands no entity of the file's own: a document
// that declares `<!ENTITY x SYSTEM "file:///…">` or a billion-laughs chain is refused, never read.
import { parseXml, XmlError, type XmlElement } from '../export/formats/xml';
import { splitCue } from './cue';
import { EMPTY_TITLE_PAGE, type ParsedScript, type ScriptElement, type SpeechPart, type TitlePage } from './model';

export class FdxError extends Error {
  override name = 'FdxError';
}

const child = (el: XmlElement, name: string) => el.children.find((c) => c.name === name);
const children = (el: XmlElement | undefined, name: string) => el?.children.filter((c) => c.name === name) ?? [];

/** A paragraph's text: its `<Text>` runs joined (a paragraph without runs may hold text directly). */
function textOf(p: XmlElement): string {
  const runs = children(p, 'Text');
  const raw = runs.length > 0 ? runs.map((r) => r.text).join('') : p.text;
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .trim();
}

export function parseFdx(source: string): ParsedScript {
  let root: XmlElement;
  try {
    root = parseXml(source);
  } catch (err) {
    if (err instanceof XmlError) throw new FdxError(`The Final Draft file is not well-formed XML: ${err.message}.`);
    throw err;
  }
  if (root.name !== 'FinalDraft') throw new FdxError(`This XML file is not a Final Draft script (its root is <${root.name}>, not <FinalDraft>).`);
  const content = child(root, 'Content');
  if (!content) throw new FdxError('The Final Draft file has no <Content>: there is no script in it.');
  return { format: 'fdx', titlePage: titlePage(child(root, 'TitlePage')), elements: body(content.children) };
}

/** Walks the paragraphs in order, gathering a Character and the Parenthetical/Dialogue after it into one speech. */
function body(paragraphs: XmlElement[], dual = false): ScriptElement[] {
  const out: ScriptElement[] = [];
  let speech: Extract<ScriptElement, { kind: 'dialogue' }> | null = null;
  let speeches = 0;
  const part = (): SpeechPart => {
    const parts = speech!.parts;
    if (parts.length === 0) parts.push({ parenthetical: null, text: '' });
    return parts[parts.length - 1]!;
  };
  for (const p of paragraphs) {
    if (p.name !== 'Paragraph') continue;
    const nested = child(p, 'DualDialogue');
    if (nested) {
      speech = null;
      out.push(...body(nested.children, true));
      continue;
    }
    const type = p.attrs.Type ?? 'Action';
    const text = textOf(p);
    if (type === 'Parenthetical' && speech) {
      speech.parts.push({ parenthetical: text.startsWith('(') ? text : `(${text})`, text: '' });
      continue;
    }
    if (type === 'Dialogue' && speech) {
      const last = part();
      last.text = last.text ? `${last.text}\n${text}` : text;
      continue;
    }
    speech = null;
    if (type === 'Character') {
      const { speaker, extension } = splitCue(text);
      speech = { kind: 'dialogue', speaker, extension, dual: dual && speeches > 0, parts: [] };
      speeches += 1;
      out.push(speech);
      continue;
    }
    const element = paragraphElement(type, text, p);
    if (element) out.push(element);
  }
  return out;
}

function paragraphElement(type: string, text: string, p: XmlElement): ScriptElement | null {
  switch (type) {
    case 'Scene Heading':
      return text ? { kind: 'scene', heading: text, number: p.attrs.Number?.trim() || null } : null;
    case 'Shot':
      return text ? { kind: 'shot', text } : null;
    case 'Transition':
      return text ? { kind: 'transition', text } : null;
    case 'New Act':
    case 'End of Act':
      return text ? { kind: 'section', depth: 1, text } : null;
    case 'Summary':
    case 'Outline':
      return text ? { kind: 'synopsis', text } : null;
    // Action, General, Cast List, and types of newer versions read as action: the words are kept.
    default:
      return text ? { kind: 'action', text } : null;
  }
}

/**
 * Final Draft's title page is free layout with no keys. Read as it is laid out in practice: the
 * first line is the title, a "Written by" style line is the credit and the lines after it the
 * authors, a "draft" or dated line the draft date, and the left- or right-aligned block at the
 * bottom the contact.
 */
function titlePage(page: XmlElement | undefined): TitlePage {
  const lines = children(page && child(page, 'Content'), 'Paragraph')
    .map((p) => ({ text: textOf(p), align: p.attrs.Alignment ?? '' }))
    .filter((l) => l.text);
  if (lines.length === 0) return EMPTY_TITLE_PAGE;
  const result: TitlePage = { ...EMPTY_TITLE_PAGE, authors: [], title: lines[0]!.text.replace(/\n/g, ' ') };
  const contact: string[] = [];
  let afterCredit = false;
  for (const { text, align } of lines.slice(1)) {
    if (/^((written|screenplay|story|teleplay)\s+)?by\b/i.test(text) && text.length < 40) {
      result.credit = text;
      afterCredit = true;
    } else if (/\bdraft\b/i.test(text) || /^\w+ \d{1,2}, \d{4}$|^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/.test(text)) {
      result.draftDate = text;
      afterCredit = false;
    } else if (afterCredit && align === 'Center') {
      result.authors.push(
        ...text
          .split(/\n|\s+&\s+|\s+and\s+/)
          .map((a) => a.trim())
          .filter(Boolean),
      );
    } else if (align === 'Left' || align === 'Right' || /@|\d{3}[\s.-]\d{3,4}/.test(text)) {
      contact.push(text);
      afterCredit = false;
    } else if (/^(based on|from)\b/i.test(text)) {
      result.source = text;
    }
  }
  result.contact = contact.join('\n') || null;
  return result;
}
