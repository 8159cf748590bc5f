import { describe, expect, it } from 'vitest';
import { estimateShot } from '../../../../shared/domain/cost';
import { cutMedia } from '../../../../shared/domain/cut';
import { inertCell, METADATA_CSV_COLUMNS, metadataCsv, SHOT_LIST_COLUMNS, shotListCsv } from './csv';
import { FAKE_SOURCES, fixturePlan, fixtureSnapshot } from '../export.testkit';
import { planCut } from '../planCut';
import { csvRows } from '../tools.testkit';
import { linesFromText } from '../../../../shared/domain/dialogue';

const cut = planCut(fixturePlan('/exports/Cafe_Noir_Resolve', FAKE_SOURCES));

describe('metadataCsv', () => {
  const text = metadataCsv(cut);
  const rows = csvRows(text);

  it('has exactly the Resolve metadata columns, without a BOM, CRLF records', () => {
    expect(rows[0]).toEqual(['File Name', 'Clip Name', 'Scene', 'Shot', 'Take', 'Description', 'Comments', 'Keywords', 'Good Take', 'Shot Type', 'Angle']);
    expect(rows[0]).toEqual([...METADATA_CSV_COLUMNS]);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.split('\r\n')).toHaveLength(rows.length + 1);
  });

  it('has a row per media file keyed by file name, the circled take flagged', () => {
    expect(rows.slice(1).map((r) => r[0])).toEqual(expect.arrayContaining(cutMedia(cut).map((m) => m.fileName)));
    expect(rows).toHaveLength(cutMedia(cut).length + 1);
    const [first] = rows.slice(1);
    expect(first).toEqual([
      'SC01_SH010_T02_runway.mp4',
      '1A',
      '1',
      '1A',
      '2',
      'Mara enters — “Tom & Jerry’s” <diner>  at 2am',
      cut.clips[0]!.prompt.replace('\u0001', ''),
      // The shot list's size, angle, location and cast as keywords; the comma in the location would split it.
      'SC01,runway:gen4_turbo,draft,selected,CU,Low angle,Diner  back booth,Mara',
      '1',
      'Close-up',
      'Low angle',
    ]);
    const alternate = rows.find((r) => r[0] === 'SC01_SH020_T03_kling.mp4')!;
    expect([alternate[1], alternate[4], alternate[7], alternate[8], alternate[9]]).toEqual([
      '1B T03',
      '3',
      'SC01,kling:kling-v2-5-turbo,final,alternate',
      '',
      '',
    ]);
    const placeholder = rows.find((r) => r[0] === 'SC02_SH010_PH.mp4')!;
    expect([placeholder[4], placeholder[8]]).toEqual(['', '']);
  });

  it('keeps every record on one line', () => {
    expect(rows.find((r) => r[1] === '2B')![5]).toBe('Sign flickers, line one line two');
  });

  it('makes formula cells inert with an invisible first character, keeping the text as typed', () => {
    const hostile = {
      ...cut,
      clips: cut.clips.map((c, i) => (i === 0 ? { ...c, action: '=HYPERLINK("http://evil.example","Click")', prompt: "+cmd|' /C calc'!A0" } : c)),
    };
    const first = csvRows(metadataCsv(hostile))[1]!;
    expect(first[5]).toBe('\u200B=HYPERLINK("http://evil.example","Click")');
    expect(first[6]).toBe("\u200B+cmd|' /C calc'!A0");
    for (const cell of first) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe('inertCell', () => {
  it('guards every formula trigger OWASP lists, and nothing else', () => {
    for (const text of ['=1+1', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      expect(inertCell(text, 'apostrophe')).toBe(`'${text}`);
      expect(inertCell(text, 'invisible')).toBe(`\u200B${text}`);
    }
    for (const text of ['Mara enters', ' =not first', '1.5', '', "'already"]) expect(inertCell(text, 'apostrophe')).toBe(text);
  });
});

describe('shotListCsv', () => {
  const snapshot = fixtureSnapshot();

  it('exports the plan alone, before any take exists, with estimates from the cost rules', () => {
    const text = shotListCsv(snapshot);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = csvRows(text);
    expect(rows[0]).toEqual([...SHOT_LIST_COLUMNS, 'Wardrobe']);
    expect(rows.slice(1).map((r) => `${r[0]}:${r[1]}`)).toEqual(['1:1A', '1:1B', '2:2A', '2:2B']);
    const first = rows[1]!;
    expect(first[2]).toBe('2.5');
    expect(first[3]).toBe('push in');
    expect(first[5]).toBe('MARA: (flat) We\'re "closed".');
    const at = (column: string) => first[rows[0]!.indexOf(column)];
    expect([at('Size'), at('Angle'), at('Lens (mm)'), at('Equipment'), at('Location'), at('Cast'), at('Setup'), at('Wardrobe')]).toEqual([
      'CU',
      'Low angle',
      '35',
      '',
      'Diner, back booth',
      'Mara',
      '2',
      'Red coat',
    ]);
    expect(at('Estimated Cost (USD)')).toBe(estimateShot(snapshot.shots[0]!).usd.toFixed(2));
    expect(at('Actual Cost (USD)')).toBe('');
    expect(rows.find((r) => r[1] === '2B')![4]).toBe('Sign flickers, line one\nline two');
  });

  it('prefixes formula cells with an apostrophe (OWASP), so a spreadsheet shows them as text', () => {
    const shots = snapshot.shots.map((s, i) =>
      i === 0 ? { ...s, action: '=HYPERLINK("http://evil.example","Click")', dialogue: linesFromText('@SUM(A1:A9)'), label: '-1A' } : s,
    );
    const first = csvRows(shotListCsv({ ...snapshot, shots }))[1]!;
    expect([first[1], first[4], first[5]]).toEqual(["'-1A", '\'=HYPERLINK("http://evil.example","Click")', "'@SUM(A1:A9)"]);
    for (const cell of first) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('numbers a shot moved into another scene by its label, as its file name does, until renumbered', () => {
    // 2A dragged into scene 1 keeps its label: the row says scene 2, as SC02_SH010 does.
    const shots = snapshot.shots.map((s) => (s.label === '2A' ? { ...s, sceneId: 'sc1', position: 9 } : s));
    const rows = csvRows(shotListCsv({ ...snapshot, shots }));
    expect(rows.find((r) => r[1] === '2A')![0]).toBe('2');
  });

  it('adds actual costs where the takes have them', () => {
    const rows = csvRows(shotListCsv(snapshot, { s2: 1.5 }));
    expect(rows[2]![rows[0]!.indexOf('Actual Cost (USD)')]).toBe('1.50');
  });
});
