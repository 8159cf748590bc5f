import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../testing/tmp.testkit';
import { parseFdx } from './fdx';

const tmp = useTmpDir();

/** A Final Draft document around `content` (paragraphs) and an optional title page. */
function fdx(content: string, titlePage = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="no" ?>
<FinalDraft DocumentType="Script" Template="No" Version="5">
  <Content>
${content}
  </Content>
  ${titlePage ? `<TitlePage><Content>${titlePage}</Content></TitlePage>` : ''}
  <SmartType><Characters><Character>NOBODY</Character></Characters></SmartType>
</FinalDraft>`;
}

const p = (type: string, text: string, attrs = '') => `<Paragraph Type="${type}"${attrs}><Text>${text}</Text></Paragraph>`;

describe('Final Draft', () => {
  it('reads every paragraph type, joined text runs, scene numbers and dual dialogue', () => {
    const script = parseFdx(
      fdx(
        [
          p('Scene Heading', 'INT. DINER - NIGHT', ' Number="12A"'),
          `<Paragraph Type="Action"><Text>Rain hammers </Text><Text Style="Bold">the</Text><Text Style="Italic+Underline"> window.</Text></Paragraph>`,
          p('Shot', 'CLOSE ON MARA'),
          p('Character', 'MARA (V.O.)'),
          p('Parenthetical', '(quietly)'),
          p('Dialogue', 'Not tonight.'),
          p('Dialogue', 'Not ever.'),
          `<Paragraph><DualDialogue>${p('Character', 'DEE')}${p('Dialogue', 'Closed.')}${p('Character', "MARA (CONT'D)")}${p('Dialogue', 'Open.')}</DualDialogue></Paragraph>`,
          p('Transition', 'CUT TO:'),
          p('General', 'A sign flickers.'),
          p('Cast List', 'MARA, a courier'),
          p('New Act', 'ACT TWO'),
          p('Scene Heading', 'EXT. LOT - NIGHT'),
        ].join('\n'),
      ),
    );
    expect(script.format).toBe('fdx');
    expect(script.elements).toEqual([
      { kind: 'scene', heading: 'INT. DINER - NIGHT', number: '12A' },
      { kind: 'action', text: 'Rain hammers the window.' },
      { kind: 'shot', text: 'CLOSE ON MARA' },
      {
        kind: 'dialogue',
        speaker: 'MARA',
        extension: 'V.O.',
        dual: false,
        parts: [{ parenthetical: '(quietly)', text: 'Not tonight.\nNot ever.' }],
      },
      { kind: 'dialogue', speaker: 'DEE', extension: null, dual: false, parts: [{ parenthetical: null, text: 'Closed.' }] },
      { kind: 'dialogue', speaker: 'MARA', extension: "CONT'D", dual: true, parts: [{ parenthetical: null, text: 'Open.' }] },
      { kind: 'transition', text: 'CUT TO:' },
      { kind: 'action', text: 'A sign flickers.' },
      { kind: 'action', text: 'MARA, a courier' },
      { kind: 'section', depth: 1, text: 'ACT TWO' },
      { kind: 'scene', heading: 'EXT. LOT - NIGHT', number: null },
    ]);
  });

  it('reads the title page as it is laid out: title, credit, authors, draft date, contact', () => {
    const page = [
      p('General', 'NIGHT DINER', ' Alignment="Center"'),
      p('General', 'Written by', ' Alignment="Center"'),
      p('General', 'Ana Ruiz &amp; Tom Lee', ' Alignment="Center"'),
      p('General', 'Second draft', ' Alignment="Center"'),
      p('General', 'ana@example.com', ' Alignment="Left"'),
    ].join('');
    expect(parseFdx(fdx(p('Action', 'x'), page)).titlePage).toEqual({
      title: 'NIGHT DINER',
      credit: 'Written by',
      authors: ['Ana Ruiz', 'Tom Lee'],
      source: null,
      draftDate: 'Second draft',
      contact: 'ana@example.com',
    });
  });

  it('never reads a file an external entity names, and refuses an entity bomb at once', () => {
    const secret = path.join(tmp(), 'secret.txt');
    fs.writeFileSync(secret, 'TOP SECRET');
    const xxe = `<?xml version="1.0"?><!DOCTYPE FinalDraft [<!ENTITY xxe SYSTEM "file://${secret}">]>
<FinalDraft DocumentType="Script"><Content>${p('Action', '&xxe;')}</Content></FinalDraft>`;
    expect(() => parseFdx(xxe)).toThrow(/the entity &xxe; is not supported/);

    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i ? i : ''};`.repeat(10)}">`).join('')}]>
<FinalDraft DocumentType="Script"><Content>${p('Action', '&lol9;')}</Content></FinalDraft>`;
    // Refused at the first custom entity, before any expansion could start.
    expect(() => parseFdx(bomb)).toThrow(/the entity &lol9; is not supported/);
  });

  it('says what is wrong with XML that is not a script', () => {
    expect(() => parseFdx('<html><body/></html>')).toThrow('not a Final Draft script (its root is <html>');
    expect(() => parseFdx('<FinalDraft><Content><Paragraph>')).toThrow(/not well-formed XML/);
    expect(() => parseFdx('<FinalDraft/>')).toThrow(/has no <Content>/);
  });
});
