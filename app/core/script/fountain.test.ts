import { describe, expect, it } from 'vitest';
import { parseFountain, SHOT_WORDS } from './fountain';
import { EMPTY_TITLE_PAGE } from './model';

const body = (text: string) => parseFountain(text).elements;
const said = (speaker: string, text: string) => ({ kind: 'dialogue', speaker, extension: null, dual: false, parts: [{ parenthetical: null, text }] });

describe('parseFountain: title page', () => {
  it('reads every key, multi-line Authors and Contact, with emphasis removed', () => {
    const script = parseFountain(`Title: _**BRICK & STEEL**_
Credit: Written by
Authors:
   Stu Maschwitz
   Ana *Ruiz*
Source: Story by KTM
Draft date: 1/20/2012
Contact:
\tNext Level Productions
    1588 Mission Dr.
Copyright: (c) 2012
Notes: ignored

INT. DINER - NIGHT
`);
    expect(script.format).toBe('fountain');
    expect(script.titlePage).toEqual({
      title: 'BRICK & STEEL',
      credit: 'Written by',
      authors: ['Stu Maschwitz', 'Ana Ruiz'],
      source: 'Story by KTM',
      draftDate: '1/20/2012',
      contact: 'Next Level Productions\n1588 Mission Dr.',
    });
    expect(script.elements).toEqual([{ kind: 'scene', heading: 'INT. DINER - NIGHT', number: null }]);
  });

  it('reads keys in any case, and a one-line Author as one author', () => {
    expect(parseFountain('TITLE: Night\nauthor: Tom Lee\nDRAFT DATE: May\n\nHello.').titlePage).toEqual({
      ...EMPTY_TITLE_PAGE,
      title: 'Night',
      authors: ['Tom Lee'],
      draftDate: 'May',
    });
  });

  it('has no title page when the text does not open with one', () => {
    const script = parseFountain('FADE IN:\n\nINT. DINER - NIGHT\n\nTitle: not a key here.');
    expect(script.titlePage).toEqual(EMPTY_TITLE_PAGE);
    expect(script.elements).toEqual([
      { kind: 'action', text: 'FADE IN:' },
      { kind: 'scene', heading: 'INT. DINER - NIGHT', number: null },
      { kind: 'action', text: 'Title: not a key here.' },
    ]);
  });
});

describe('parseFountain: scene headings', () => {
  it('reads every heading form, forced ones and scene numbers', () => {
    const headings = [
      'INT. DINER - NIGHT',
      'int. diner - night',
      'EXT. LOT - DAY',
      'EST. CITY',
      'INT./EXT. CAR - MOVING',
      'INT/EXT CAR',
      'I/E TRUCK',
      'ext lot',
      '.MONTAGE',
      '.inside the van',
      'INT. HOUSE - DAY #12A#',
      '.FLASHBACK #I-1.A#',
    ];
    expect(body(headings.join('\n\n'))).toEqual([
      { kind: 'scene', heading: 'INT. DINER - NIGHT', number: null },
      { kind: 'scene', heading: 'int. diner - night', number: null },
      { kind: 'scene', heading: 'EXT. LOT - DAY', number: null },
      { kind: 'scene', heading: 'EST. CITY', number: null },
      { kind: 'scene', heading: 'INT./EXT. CAR - MOVING', number: null },
      { kind: 'scene', heading: 'INT/EXT CAR', number: null },
      { kind: 'scene', heading: 'I/E TRUCK', number: null },
      { kind: 'scene', heading: 'ext lot', number: null },
      { kind: 'scene', heading: 'MONTAGE', number: null },
      { kind: 'scene', heading: 'inside the van', number: null },
      { kind: 'scene', heading: 'INT. HOUSE - DAY', number: '12A' },
      { kind: 'scene', heading: 'FLASHBACK', number: 'I-1.A' },
    ]);
  });

  it('needs the heading alone between blank lines, and the exact prefixes', () => {
    expect(body('...and then\n\nINTERIOR DESIGN matters.\n\nINT. HOUSE - DAY\nMara enters.')).toEqual([
      { kind: 'action', text: '...and then' },
      { kind: 'action', text: 'INTERIOR DESIGN matters.' },
      { kind: 'action', text: 'INT. HOUSE - DAY\nMara enters.' },
    ]);
  });
});

describe('parseFountain: action', () => {
  it('keeps line breaks and indentation, trims line ends, and removes a forcing !', () => {
    expect(body('\n\nThe door opens.   \n    Rain comes in.\n\n!SCREAMING\nfrom the kitchen.\n\n!INT. NOT A HEADING\n')).toEqual([
      { kind: 'action', text: 'The door opens.\n    Rain comes in.' },
      { kind: 'action', text: 'SCREAMING\nfrom the kitchen.' },
      { kind: 'action', text: 'INT. NOT A HEADING' },
    ]);
  });

  it('keeps an all-caps line with a blank line after it as action, not a cue', () => {
    expect(body('BANG!\n\nThe door flies open.\n\nMARA\n\nShe is gone.')).toEqual([
      { kind: 'action', text: 'BANG!' },
      { kind: 'action', text: 'The door flies open.' },
      { kind: 'action', text: 'MARA' },
      { kind: 'action', text: 'She is gone.' },
    ]);
  });

  it('makes one-line, all-caps camera directions shot lines', () => {
    const script = [
      'CLOSE ON MARA.',
      'SLOW PUSH ON THE WINDOW',
      'POV - THE TRUCKER',
      'BACK TO SCENE',
      'Close on the cup.',
      'PANIC IN THE STREET.',
      '!INSERT - THE NOTE',
    ];
    expect(body(script.join('\n\n'))).toEqual([
      { kind: 'shot', text: 'CLOSE ON MARA.' },
      { kind: 'shot', text: 'SLOW PUSH ON THE WINDOW' },
      { kind: 'shot', text: 'POV - THE TRUCKER' },
      { kind: 'shot', text: 'BACK TO SCENE' },
      { kind: 'action', text: 'Close on the cup.' },
      { kind: 'action', text: 'PANIC IN THE STREET.' },
      { kind: 'action', text: 'INSERT - THE NOTE' },
    ]);
    expect(SHOT_WORDS).toContain('EXTREME CLOSE');
    expect(body(SHOT_WORDS.map((w) => `${w} THE DOOR`).join('\n\n')).every((e) => e.kind === 'shot')).toBe(true);
  });
});

describe('parseFountain: dialogue', () => {
  it('reads cues with extensions, forced cues and dual dialogue', () => {
    const script = `MARA (V.O.)
We left at dawn.

DEE (CONT'D)
They always follow.

SAM (O.S.) (CONT'D)
Who?

@McCLANE
Yippee ki-yay.

R2D2 ^
Beep.

@Hans (on radio) ^
Mr. Cowboy.
`;
    expect(body(script)).toEqual([
      { kind: 'dialogue', speaker: 'MARA', extension: 'V.O.', dual: false, parts: [{ parenthetical: null, text: 'We left at dawn.' }] },
      { kind: 'dialogue', speaker: 'DEE', extension: "CONT'D", dual: false, parts: [{ parenthetical: null, text: 'They always follow.' }] },
      { kind: 'dialogue', speaker: 'SAM', extension: "O.S., CONT'D", dual: false, parts: [{ parenthetical: null, text: 'Who?' }] },
      said('McCLANE', 'Yippee ki-yay.'),
      { kind: 'dialogue', speaker: 'R2D2', extension: null, dual: true, parts: [{ parenthetical: null, text: 'Beep.' }] },
      { kind: 'dialogue', speaker: 'Hans', extension: 'ON RADIO', dual: true, parts: [{ parenthetical: null, text: 'Mr. Cowboy.' }] },
    ]);
  });

  it('splits a speech at parentheticals, keeps line breaks and two-space blank lines', () => {
    const script = `MARA
(quietly)
We left at dawn.
Nobody saw us.
  
(beat)
Nobody *followed*.

DEE
Go on.
(turning away)

SAM
  (whispering)
  I know.
`;
    expect(body(script)).toEqual([
      {
        kind: 'dialogue',
        speaker: 'MARA',
        extension: null,
        dual: false,
        parts: [
          { parenthetical: '(quietly)', text: 'We left at dawn.\nNobody saw us.' },
          { parenthetical: '(beat)', text: 'Nobody followed.' },
        ],
      },
      {
        kind: 'dialogue',
        speaker: 'DEE',
        extension: null,
        dual: false,
        parts: [
          { parenthetical: null, text: 'Go on.' },
          { parenthetical: '(turning away)', text: '' },
        ],
      },
      { kind: 'dialogue', speaker: 'SAM', extension: null, dual: false, parts: [{ parenthetical: '(whispering)', text: 'I know.' }] },
    ]);
  });

  it('keeps a two-space line as a blank line between dialogue lines', () => {
    expect(body('DEALER\nTen.\n  \nTwenty.\n\nAfter.')).toEqual([said('DEALER', 'Ten.\n\nTwenty.'), { kind: 'action', text: 'After.' }]);
  });

  it('does not take a cue that follows a non-blank line', () => {
    expect(body('Mara looks up.\nDEE\nHello.')).toEqual([{ kind: 'action', text: 'Mara looks up.\nDEE\nHello.' }]);
  });
});

describe('parseFountain: marked elements', () => {
  it('reads lyrics on their own and inside a speech', () => {
    expect(body('~Willy Wonka! Willy Wonka!\n~The amazing chocolatier!\n\nMARA\n~Happy *birthday*\nto you.')).toEqual([
      { kind: 'lyric', text: 'Willy Wonka! Willy Wonka!\nThe amazing chocolatier!' },
      said('MARA', 'Happy birthday\nto you.'),
    ]);
  });

  it('reads transitions, forced and not, and centered text', () => {
    expect(body('CUT TO:\n\nSMASH CUT TO:\n\n> FADE OUT.\n\n>Burn to white.\n\n> THE END <\n\n>**INTERMISSION**<\n\nCut to:')).toEqual([
      { kind: 'transition', text: 'CUT TO:' },
      { kind: 'transition', text: 'SMASH CUT TO:' },
      { kind: 'transition', text: 'FADE OUT.' },
      { kind: 'transition', text: 'Burn to white.' },
      { kind: 'centered', text: 'THE END' },
      { kind: 'centered', text: 'INTERMISSION' },
      { kind: 'action', text: 'Cut to:' },
    ]);
  });

  it('reads page breaks, sections and synopses', () => {
    expect(body('# ACT ONE\n## The *diner*\n### Mara\n= Mara comes in from the rain.\n\n===\n\n=====\n\n=== not a break')).toEqual([
      { kind: 'section', depth: 1, text: 'ACT ONE' },
      { kind: 'section', depth: 2, text: 'The diner' },
      { kind: 'section', depth: 3, text: 'Mara' },
      { kind: 'synopsis', text: 'Mara comes in from the rain.' },
      { kind: 'pageBreak' },
      { kind: 'pageBreak' },
      { kind: 'action', text: '=== not a break' },
    ]);
  });
});

describe('parseFountain: notes, boneyard, emphasis', () => {
  it('drops notes inline, over several lines and as whole paragraphs', () => {
    const script = `Rain [[check the rain rig]] hammers the window.
[[a note
over two lines]]
Neon flickers.

[[Only a note]]

MARA
Coffee. [[louder?]]
[[beat here]]
Black.
`;
    expect(body(script)).toEqual([{ kind: 'action', text: 'Rain  hammers the window.\nNeon flickers.' }, said('MARA', 'Coffee.\nBlack.')]);
  });

  it('drops the boneyard before anything else, however many lines it spans', () => {
    const script = `/* Title: Not a title page */
Mara waits.

/* An old scene

INT. CUT - NIGHT

MARA
Cut line. [[and a note]]
*/
DEE
Still /* really */ here.
`;
    expect(parseFountain(script).titlePage).toEqual(EMPTY_TITLE_PAGE);
    expect(body(script)).toEqual([{ kind: 'action', text: 'Mara waits.' }, said('DEE', 'Still  here.')]);
  });

  it('removes *, **, ***, _ emphasis everywhere and keeps escaped markers', () => {
    const script = `Title: *Night*

INT. **DINER** - NIGHT

She *really* **means** ***it***, _now_. 2 \\* 3 = \\_6\\_, file_name_here, a * b.

MARA
(*quietly*)
**Bold *and italic* too.**

> _FADE OUT._`;
    const parsed = parseFountain(script);
    expect(parsed.titlePage.title).toBe('Night');
    expect(parsed.elements).toEqual([
      { kind: 'scene', heading: 'INT. DINER - NIGHT', number: null },
      { kind: 'action', text: 'She really means it, now. 2 * 3 = _6_, file_name_here, a * b.' },
      { kind: 'dialogue', speaker: 'MARA', extension: null, dual: false, parts: [{ parenthetical: '(quietly)', text: 'Bold and italic too.' }] },
      { kind: 'transition', text: 'FADE OUT.' },
    ]);
  });
});

describe('parseFountain: input', () => {
  it('reads CRLF and CR line endings and tabs as it reads LF and spaces', () => {
    const unix = 'Title: Night\nAuthors:\n    Ana\n    Tom\n\nINT. DINER - NIGHT\n\nMARA\n(beat)\nHi.\n\n    Rain.\n';
    const windows = unix.replace(/\n/g, '\r\n').replace(/ {4}/g, '\t');
    expect(parseFountain(windows)).toEqual(parseFountain(unix));
    expect(parseFountain(unix.replace(/\n/g, '\r'))).toEqual(parseFountain(unix));
    expect(parseFountain(windows).elements).toEqual([
      { kind: 'scene', heading: 'INT. DINER - NIGHT', number: null },
      { kind: 'dialogue', speaker: 'MARA', extension: null, dual: false, parts: [{ parenthetical: '(beat)', text: 'Hi.' }] },
      { kind: 'action', text: '    Rain.' },
    ]);
  });

  it('parses a 120-page script: 300 scenes of action and dialogue', () => {
    const scenes = Array.from(
      { length: 300 },
      (_, i) => `INT. ROOM ${i} - DAY #${i + 1}#

Mara crosses to the window.
Rain keeps on.

MARA
(not looking up)
We should go.

DEE (CONT'D)
Then go.
`,
    );
    const elements = body(`Title: Long\n\n${scenes.join('\n')}`);
    expect(elements.filter((e) => e.kind === 'scene')).toHaveLength(300);
    expect(elements.filter((e) => e.kind === 'dialogue')).toHaveLength(600);
    expect(elements).toHaveLength(1200);
    expect(elements[1199]).toEqual({ kind: 'dialogue', speaker: 'DEE', extension: "CONT'D", dual: false, parts: [{ parenthetical: null, text: 'Then go.' }] });
  });
});
