import { describe, expect, it } from 'vitest';
import { parseFountain, plain } from './fountain';

const body = (text: string) => parseFountain(text).elements;

describe('Fountain', () => {
  it('reads the title page, with multi-line values and emphasis removed', () => {
    const script = parseFountain(
      [
        'Title: **NIGHT DINER**',
        'Credit: Written by',
        'Authors:',
        '   Ana Ruiz',
        '   Tom Lee',
        'Source: Based on a *true* story',
        'Draft date: 1 May 2026',
        'Contact:',
        '\tana@example.com',
        '\t+1 555 0100',
        '',
        'INT. DINER - NIGHT',
        '',
      ].join('\n'),
    );
    expect(script.titlePage).toEqual({
      title: 'NIGHT DINER',
      credit: 'Written by',
      authors: ['Ana Ruiz', 'Tom Lee'],
      source: 'Based on a true story',
      draftDate: '1 May 2026',
      contact: 'ana@example.com\n+1 555 0100',
    });
    expect(script.elements).toEqual([{ kind: 'scene', heading: 'INT. DINER - NIGHT', number: null }]);
  });

  it('reads every scene heading form, forced ones and scene numbers', () => {
    const headings = [
      'INT. DINER - NIGHT',
      'ext. lot - day',
      'EST. CITY',
      'INT./EXT. CAR - MOVING',
      'INT/EXT CAR',
      'I/E TRUCK',
      '.MONTAGE',
      'INT. HOUSE #12A#',
      '.FLASHBACK #I-1-A#',
    ];
    expect(body(headings.join('\n\n'))).toEqual([
      { kind: 'scene', heading: 'INT. DINER - NIGHT', number: null },
      { kind: 'scene', heading: 'ext. lot - day', number: null },
      { kind: 'scene', heading: 'EST. CITY', number: null },
      { kind: 'scene', heading: 'INT./EXT. CAR - MOVING', number: null },
      { kind: 'scene', heading: 'INT/EXT CAR', number: null },
      { kind: 'scene', heading: 'I/E TRUCK', number: null },
      { kind: 'scene', heading: 'MONTAGE', number: null },
      { kind: 'scene', heading: 'INT. HOUSE', number: '12A' },
      { kind: 'scene', heading: 'FLASHBACK', number: 'I-1-A' },
    ]);
    // ".." is not a forced heading, and "INTERIOR" is not "INT".
    expect(body('...and then\n\nINTERIOR DESIGN matters.')).toEqual([
      { kind: 'action', text: '...and then' },
      { kind: 'action', text: 'INTERIOR DESIGN matters.' },
    ]);
  });

  it('reads characters with extensions, forced cues, parentheticals, dual dialogue and lyrics in a speech', () => {
    const script = [
      'MARA (V.O.)',
      'We left at dawn.',
      '(beat)',
      'Nobody followed.',
      '',
      "DEE (CONT'D) ^",
      'They always follow.',
      '',
      '@McCLANE',
      '~Yippee ki-yay',
      '',
      'SAM (O.S.) (cont’d)',
      '(quietly)',
    ].join('\n');
    expect(body(script)).toEqual([
      {
        kind: 'dialogue',
        speaker: 'MARA',
        extension: 'V.O.',
        dual: false,
        parts: [
          { parenthetical: null, text: 'We left at dawn.' },
          { parenthetical: '(beat)', text: 'Nobody followed.' },
        ],
      },
      { kind: 'dialogue', speaker: 'DEE', extension: "CONT'D", dual: true, parts: [{ parenthetical: null, text: 'They always follow.' }] },
      { kind: 'dialogue', speaker: 'McCLANE', extension: null, dual: false, parts: [{ parenthetical: null, text: 'Yippee ki-yay' }] },
      { kind: 'dialogue', speaker: 'SAM', extension: 'O.S., CONT’D', dual: false, parts: [{ parenthetical: '(quietly)', text: '' }] },
    ]);
  });

  it('keeps an all-caps line with nothing after it as action, and forced action with !', () => {
    expect(body('BANG!\n\nThe door flies open.\n\n!MARA RUNS\nout into the rain.')).toEqual([
      { kind: 'action', text: 'BANG!' },
      { kind: 'action', text: 'The door flies open.' },
      { kind: 'action', text: 'MARA RUNS\nout into the rain.' },
    ]);
  });

  it('reads transitions, centered text, lyrics, page breaks, sections, synopses and shot lines', () => {
    const script = [
      'CUT TO:',
      '> FADE OUT.',
      '> THE END <',
      '~Row, row, row',
      '===',
      '# ACT ONE',
      '## The diner',
      '= Mara comes in from the rain.',
      'CLOSE ON MARA',
      'SLOW PUSH ON THE WINDOW',
    ].join('\n\n');
    expect(body(script)).toEqual([
      { kind: 'transition', text: 'CUT TO:' },
      { kind: 'transition', text: 'FADE OUT.' },
      { kind: 'centered', text: 'THE END' },
      { kind: 'lyric', text: 'Row, row, row' },
      { kind: 'pageBreak' },
      { kind: 'section', depth: 1, text: 'ACT ONE' },
      { kind: 'section', depth: 2, text: 'The diner' },
      { kind: 'synopsis', text: 'Mara comes in from the rain.' },
      { kind: 'shot', text: 'CLOSE ON MARA' },
      { kind: 'shot', text: 'SLOW PUSH ON THE WINDOW' },
    ]);
  });

  it('drops notes and the boneyard wherever they are, and keeps line breaks in action', () => {
    const script = [
      'Rain [[check the rain rig]] hammers the window.',
      'Neon flickers.',
      '',
      '[[A note',
      'over two lines]]',
      '',
      '/* An old scene',
      '',
      'INT. CUT - NIGHT',
      '*/',
      'MARA',
      'Coffee. [[louder?]]',
    ].join('\n');
    expect(body(script)).toEqual([
      { kind: 'action', text: 'Rain  hammers the window.\nNeon flickers.' },
      { kind: 'dialogue', speaker: 'MARA', extension: null, dual: false, parts: [{ parenthetical: null, text: 'Coffee.' }] },
    ]);
  });

  it('removes emphasis markers and keeps escaped ones', () => {
    expect(plain('*italic* **bold** ***both*** _under_ \\*not\\* a\\_b')).toBe('italic bold both under *not* a_b');
    expect(body('She *really* means it.')).toEqual([{ kind: 'action', text: 'She really means it.' }]);
  });

  it('reads Windows line endings as it reads Unix ones', () => {
    expect(body('INT. DINER - NIGHT\r\n\r\nMARA\r\nHi.\r\n')).toEqual(body('INT. DINER - NIGHT\n\nMARA\nHi.\n'));
  });
});
