// XML in and out for the timeline files. Writing: escaping and a small element builder.
// Reading: a minimal parser for what FCPXML needs — elements, attributes, text, the five
// predefined entities and character references; comments, processing instructions, CDATA and the
// DOCTYPE are read past. No DTD is loaded and no custom entity expanded, so a file cannot make
// the parser read other files or blow up in memory (XXE, "billion laughs").

/** Characters XML 1.0 forbids, even escaped, including lone surrogates. */
const ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes for text and for attribute values; newlines and tabs in attributes survive as references. */
export function escapeXml(text: string): string {
  return text
    .replace(ILLEGAL, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

export type Attrs = Record<string, string | number | undefined>;

/** `<name a="1"/>` or `<name a="1">…children…</name>`, children indented by two spaces. */
export function element(name: string, attrs: Attrs, children: string[] = []): string {
  const attrText = Object.entries(attrs)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  if (children.length === 0) return `<${name}${attrText}/>`;
  const inner = children.join('\n').replace(/^/gm, '  ');
  return `<${name}${attrText}>\n${inner}\n</${name}>`;
}

/** `<note>text</note>`; newlines stay character references so the builder's indenting cannot touch them. */
export function textElement(name: string, text: string): string {
  return `<${name}>${escapeXml(text)}</${name}>`;
}

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export class XmlError extends Error {
  override name = 'XmlError';
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(raw: string, at: () => string): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][\w.-]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new XmlError(`an "&" that starts no entity ${at()}`);
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (code > 0x10ffff) throw new XmlError(`a character reference out of range ${at()}`);
      return String.fromCodePoint(code);
    }
    const value = PREDEFINED[ref];
    if (value === undefined) throw new XmlError(`the entity &${ref}; is not supported ${at()}`);
    return value;
  });
}

const NAME = /[A-Za-z_:][\w.:-]*/y;
const ATTR = /\s*([A-Za-z_:][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;

/** Parses a document and returns its root element; throws XmlError with the line on malformed input. */
export function parseXml(source: string): XmlElement {
  let pos = 0;
  const lineAt = (p: number) => `(line ${source.slice(0, p).split('\n').length})`;
  const at = () => lineAt(pos);
  const skipPast = (end: string) => {
    const i = source.indexOf(end, pos);
    if (i < 0) throw new XmlError(`"${end}" missing ${at()}`);
    pos = i + end.length;
  };
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;

  while (pos < source.length) {
    const lt = source.indexOf('<', pos);
    const textEnd = lt < 0 ? source.length : lt;
    if (textEnd > pos) {
      const text = source.slice(pos, textEnd);
      const parent = stack.at(-1);
      if (parent) parent.text += decodeEntities(text, at);
      else if (text.trim()) throw new XmlError(`text outside the root element ${at()}`);
      pos = textEnd;
      continue;
    }
    if (source.startsWith('<!--', pos)) skipPast('-->');
    else if (source.startsWith('<?', pos)) skipPast('?>');
    else if (source.startsWith('<![CDATA[', pos)) {
      const start = pos + 9;
      skipPast(']]>');
      const parent = stack.at(-1);
      if (!parent) throw new XmlError(`CDATA outside the root element ${at()}`);
      parent.text += source.slice(start, pos - 3);
    } else if (source.startsWith('<!DOCTYPE', pos)) {
      const close = source.indexOf('>', pos);
      const subset = source.indexOf('[', pos);
      pos = subset >= 0 && subset < close ? source.indexOf('>', source.indexOf(']', subset)) + 1 : close + 1;
      if (pos <= 0) throw new XmlError(`an unterminated DOCTYPE ${at()}`);
    } else if (source.startsWith('</', pos)) {
      NAME.lastIndex = pos + 2;
      const name = NAME.exec(source)?.[0];
      const open = stack.pop();
      if (!name || !open || open.name !== name) throw new XmlError(`</${name ?? ''}> does not close <${open?.name ?? ''}> ${at()}`);
      skipPast('>');
    } else {
      NAME.lastIndex = pos + 1;
      const name = NAME.exec(source)?.[0];
      if (!name) throw new XmlError(`a "<" that starts no element ${at()}`);
      pos = NAME.lastIndex;
      const node: XmlElement = { name, attrs: {}, children: [], text: '' };
      for (;;) {
        ATTR.lastIndex = pos;
        const m = ATTR.exec(source);
        if (!m) break;
        node.attrs[m[1]!] = decodeEntities(m[2] ?? m[3] ?? '', at);
        pos = ATTR.lastIndex;
      }
      const tail = /\s*(\/?)>/y;
      tail.lastIndex = pos;
      const end = tail.exec(source);
      if (!end) throw new XmlError(`a malformed <${name}> tag ${at()}`);
      pos = tail.lastIndex;
      const parent = stack.at(-1);
      if (parent) parent.children.push(node);
      else if (root) throw new XmlError(`a second root element <${name}> ${at()}`);
      else root = node;
      if (!end[1]) stack.push(node);
    }
  }
  if (stack.length > 0) throw new XmlError(`<${stack.at(-1)!.name}> is never closed`);
  if (!root) throw new XmlError('no root element');
  return root;
}

/** All descendants (depth first, document order) with this element name. */
export function findAll(node: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (n: XmlElement) => {
    for (const child of n.children) {
      if (child.name === name) out.push(child);
      walk(child);
    }
  };
  walk(node);
  return out;
}
