import { describe, expect, it } from 'vitest';
import { element, escapeXml, findAll, parseXml, textElement, XmlError } from './xml';

describe('escapeXml', () => {
  it('escapes the five specials and keeps Unicode', () => {
    expect(escapeXml(`a & b < c > d "e" 'f' 東京 🌧️`)).toBe('a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos; 東京 🌧️');
  });
  it('drops characters XML 1.0 forbids, lone surrogates included', () => {
    expect(escapeXml('a\u0001b\u0008c\uFFFEd\uD800e')).toBe('abcde');
  });
});

describe('element and parseXml', () => {
  it('round-trips attribute values and text exactly, newlines included', () => {
    const nasty = `Tom & "Jerry's" <diner>\nline two\ttab 東京`;
    const xml = element('root', { a: nasty, skip: undefined }, [textElement('note', nasty), element('empty', { n: 3 })]);
    const root = parseXml(xml);
    expect(root.attrs).toEqual({ a: nasty });
    expect(root.children.map((c) => c.name)).toEqual(['note', 'empty']);
    expect(root.children[0]!.text).toBe(nasty);
    expect(root.children[1]!.attrs.n).toBe('3');
  });
  it('reads past the prolog, DOCTYPE (with an internal subset), comments, PIs and CDATA', () => {
    const doc = `\uFEFF<?xml version="1.0"?>\n<!DOCTYPE x [ <!ENTITY e "boom"> ]>\n<!-- c --><x a='1'><?pi?><y>&#x41;&#66;&lt;<![CDATA[<raw>&amp;]]></y></x>`;
    const root = parseXml(doc.replace(/^\uFEFF/, ''));
    expect(root.attrs.a).toBe('1');
    expect(findAll(root, 'y')[0]!.text).toBe('AB<<raw>&amp;');
  });
  it('refuses entities it does not know instead of expanding them', () => {
    expect(() => parseXml('<!DOCTYPE x [<!ENTITY e "boom">]><x>&e;</x>')).toThrow(XmlError);
  });
  it('reports malformed documents with the line', () => {
    expect(() => parseXml('<a>\n<b></a>')).toThrow(/line 2/);
    expect(() => parseXml('<a>')).toThrow(/never closed/);
    expect(() => parseXml('<a/><b/>')).toThrow(/second root/);
    expect(() => parseXml('')).toThrow(/no root/);
  });
  it('finds descendants in document order', () => {
    const root = parseXml('<a><b id="1"><b id="2"/></b><c><b id="3"/></c></a>');
    expect(findAll(root, 'b').map((b) => b.attrs.id)).toEqual(['1', '2', '3']);
  });
});
