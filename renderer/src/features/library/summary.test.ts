import { describe, expect, it } from 'vitest';
import { describeSummary, refusedText, refusedToast } from './summary';

const refusal = (name: string, reason = `${name} is not an image.`) => ({ name, reason });

describe('naming refused files', () => {
  it('names every refused file with its reason', () => {
    expect(
      refusedText([refusal('notes.png', 'it is a text file, not an image.'), refusal('huge.tif', 'it is 201 MB; Shotline takes images up to 200 MB.')]),
    ).toBe('notes.png: it is a text file, not an image. huge.tif: it is 201 MB; Shotline takes images up to 200 MB.');
  });

  it('gives a reason shared by several files once, after their names', () => {
    const full = 'Runway takes up to 3 reference images.';
    expect(refusedText([refusal('a.png', full), refusal('b.txt'), refusal('c.png', full)])).toBe(
      'a.png, c.png: Runway takes up to 3 reference images. b.txt: b.txt is not an image.',
    );
  });

  it('names the first five of a long list and counts the rest', () => {
    const names = ['1.png', '2.png', '3.png', '4.png', '5.png', '6.png', '7.png', '8.png'];
    const text = refusedText(names.map((n) => refusal(n, 'it is empty.')));
    expect(text).toBe('1.png, 2.png, 3.png, 4.png, 5.png: it is empty. …and 3 more, listed in the library’s import summary.');
  });

  it('makes a toast that names both files when two are refused', () => {
    const s = { added: [], skipped: [], refused: [refusal('a.txt'), refusal('b.txt')], itemsCreated: [] };
    expect(refusedToast('Import', s)).toBe('Import: 2 refused. a.txt: a.txt is not an image. b.txt: b.txt is not an image.');
    expect(refusedToast('Import', { ...s, refused: [] })).toBeNull();
  });

  it('counts what was added, already there and refused', () => {
    const added = { name: 'a.png', imageId: 'i', itemId: null, tag: null, width: 1, height: 1, stored: 'new' as const };
    expect(describeSummary({ added: [added], skipped: [], refused: [refusal('x'), refusal('y')], itemsCreated: [] })).toBe('1 image added, 2 refused');
    expect(describeSummary({ added: [], skipped: [], refused: [], itemsCreated: [] })).toBe('Nothing to import');
  });
});
