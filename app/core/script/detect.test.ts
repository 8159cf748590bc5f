import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../testing/tmp.testkit';
import { detectImport, MAX_IMPORT_BYTES } from './detect';
import { readImportFile } from './read';

const tmp = useTmpDir();
const HINT = /Export the script from your writing app as Fountain \(\.fountain\) or Final Draft \(\.fdx\)/;

describe('what a file is', () => {
  it('refuses what is not a script or shot list with one line saying what it is and what to do', () => {
    const cases: Array<[string, Buffer, RegExp]> = [
      ['script.pdf', Buffer.from('%PDF-1.7\n...'), /"script.pdf" is a PDF, not a script\./],
      ['script.docx', Buffer.from('PK\u0003\u0004rest', 'latin1'), /is a zip archive \(a Word \.docx/],
      ['script.fdx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]), /is an old Word or Office document/],
      ['binary.fdx', Buffer.from([0x41, 0, 0x42, 0, 0x43, 0, 0xff]), /is a binary file, not text/],
      ['empty.fountain', Buffer.from('  \n\n  '), /"empty.fountain" is empty\./],
      ['page.xml', Buffer.from('<?xml version="1.0"?><html/>'), /is an XML file but not a Final Draft script/],
      ['notes.fdx', Buffer.from('INT. DINER - NIGHT'), /is named \.fdx but is not Final Draft XML/],
    ];
    for (const [name, bytes, message] of cases) {
      expect(() => detectImport(name, bytes), name).toThrow(message);
      expect(() => detectImport(name, bytes), name).toThrow(HINT);
    }
  });

  it('decodes UTF-8 with or without BOM, UTF-16 with BOM, and Windows-1252 only where an FDX declares it', () => {
    const text = 'INT. CAFÉ – NIGHT';
    expect(detectImport('a.fountain', Buffer.from(`\uFEFF${text}`)).text).toBe(text);
    expect(detectImport('a.fountain', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])).text).toBe(text);
    const be = Buffer.from(text, 'utf16le').swap16();
    expect(detectImport('a.fountain', Buffer.concat([Buffer.from([0xfe, 0xff]), be])).text).toBe(text);
    const cp1252 = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="windows-1252"?><FinalDraft><Content><Paragraph><Text>CAF'),
      Buffer.from([0xc9, 0x20, 0x96, 0x20]),
      Buffer.from('</Text></Paragraph></Content></FinalDraft>'),
    ]);
    expect(detectImport('a.fdx', cp1252)).toMatchObject({ kind: 'fdx', text: expect.stringContaining('CAFÉ – ') });
    // Latin-1 bytes in a file that declares nothing are refused rather than guessed.
    expect(() => detectImport('a.fountain', Buffer.from([0x43, 0x41, 0x46, 0xc9]))).toThrow(/is not UTF-8 text\. Save it as UTF-8/);
  });

  it('tells scripts and shot lists apart by content first, then by name', () => {
    expect(detectImport('x.txt', Buffer.from('<FinalDraft><Content/></FinalDraft>')).kind).toBe('fdx');
    expect(detectImport('list.txt', Buffer.from('{"scenes": []}')).kind).toBe('json');
    expect(detectImport('list.csv', Buffer.from('scene,label\n')).kind).toBe('csv');
    expect(detectImport('draft.txt', Buffer.from('INT. DINER - NIGHT\n\nRain.')).kind).toBe('fountain');
  });

  it('refuses a huge file before reading it, and a text that is not a screenplay', () => {
    const dir = tmp();
    const huge = path.join(dir, 'huge.fountain');
    fs.closeSync(fs.openSync(huge, 'w'));
    fs.truncateSync(huge, MAX_IMPORT_BYTES + 1);
    expect(() => readImportFile(huge)).toThrow(/"huge.fountain" is 50 MB; a script or shot list can be at most 50 MB/);
    const letter = path.join(dir, 'letter.txt');
    fs.writeFileSync(letter, 'Dear Ana,\n\nthe meeting is on Monday.\n');
    expect(() => readImportFile(letter)).toThrow(/has no scene heading \(INT\. \/ EXT\.\) and no dialogue/);
    expect(() => readImportFile(path.join(dir, 'missing.fdx'))).toThrow(/there is no such file/);
  });
});
