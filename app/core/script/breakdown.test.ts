import { describe, expect, it } from 'vitest';
import { breakdown, fitDuration, locationOf } from './breakdown';
import { EMPTY_TITLE_PAGE, type ParsedScript, type ScriptElement } from './model';

const say = (speaker: string, text: string, extra: Partial<Extract<ScriptElement, { kind: 'dialogue' }>> = {}): ScriptElement => ({
  kind: 'dialogue',
  speaker,
  extension: null,
  dual: false,
  parts: [{ parenthetical: null, text }],
  ...extra,
});

const SCRIPT: ParsedScript = {
  format: 'fountain',
  titlePage: { ...EMPTY_TITLE_PAGE, title: 'Night Diner' },
  elements: [
    { kind: 'scene', heading: 'int. diner - night', number: '1' },
    { kind: 'synopsis', text: 'Mara comes in from the rain.' },
    { kind: 'action', text: 'Rain hammers the window. MARA, soaked, pushes the door open. A NEON SIGN buzzes.' },
    say('DEE', 'Kitchen’s closed.'),
    say('MARA', 'Coffee, then.', { extension: 'O.S.', parts: [{ parenthetical: '(flat)', text: 'Coffee, then.' }] }),
    { kind: 'shot', text: 'SLOW PUSH ON MARA' },
    { kind: 'transition', text: 'CUT TO:' },
    { kind: 'scene', heading: 'EXT. PARKING LOT – CONTINUOUS', number: null },
    { kind: 'action', text: 'Taillights recede.' },
    { kind: 'pageBreak' },
  ],
};

describe('script breakdown', () => {
  it('makes a scene per heading and a shot per action paragraph, dialogue exchange and shot line', () => {
    const plan = breakdown(SCRIPT, { granularity: 'paragraph', tool: 'local:animatic' });
    expect(plan.scenes.map((s) => [s.heading, s.number, s.location, s.notes, s.shots.length])).toEqual([
      ['INT. DINER - NIGHT', '1', 'DINER', 'Mara comes in from the rain.', 3],
      ['EXT. PARKING LOT – CONTINUOUS', null, 'PARKING LOT', '', 1],
    ]);
    const [action, exchange, push] = plan.scenes[0]!.shots;
    expect(action).toMatchObject({ dialogue: [], camera: 'static', characters: ['MARA'] });
    expect(exchange!.dialogue).toEqual([
      { speaker: 'DEE', extension: null, parenthetical: null, text: 'Kitchen’s closed.' },
      { speaker: 'MARA', extension: 'O.S.', parenthetical: '(flat)', text: 'Coffee, then.' },
    ]);
    expect(exchange!.characters).toEqual(['DEE', 'MARA']);
    expect(push).toMatchObject({ action: 'SLOW PUSH ON MARA', camera: 'push_in', characters: ['MARA'] });
    expect(plan.dialogueLines).toBe(2);
  });

  it('offers speakers ticked and names only seen in capitals unticked, and locations, with unique tags', () => {
    const plan = breakdown(SCRIPT, { granularity: 'paragraph', tool: 'local:animatic' });
    expect(plan.characters).toEqual([
      { name: 'DEE', tag: 'dee', speaks: true, lines: 1 },
      { name: 'MARA', tag: 'mara', speaks: true, lines: 1 },
      { name: 'NEON SIGN', tag: 'neon_sign', speaks: false, lines: 0 },
    ]);
    expect(plan.locations).toEqual([
      { name: 'DINER', tag: 'diner' },
      { name: 'PARKING LOT', tag: 'parking_lot' },
    ]);
  });

  it('makes one shot per scene when asked, with all its action and dialogue', () => {
    const plan = breakdown(SCRIPT, { granularity: 'scene', tool: 'kling:kling-v2-5-turbo' });
    expect(plan.scenes.map((s) => s.shots.length)).toEqual([1, 1]);
    const [shot] = plan.scenes[0]!.shots;
    expect(shot!.action).toBe('Rain hammers the window. MARA, soaked, pushes the door open. A NEON SIGN buzzes.\n\nSLOW PUSH ON MARA');
    expect(shot!.dialogue).toHaveLength(2);
    expect(shot!.camera).toBe('push_in');
    // Kling takes 5 or 10 s: every duration is one of those.
    expect(plan.scenes.flatMap((s) => s.shots.map((x) => x.durationS)).every((d) => d === 5 || d === 10)).toBe(true);
  });

  it('estimates a duration from the words, with a floor, fitted to what the tool accepts', () => {
    const line = (text: string) => [{ speaker: 'MARA', extension: null, parenthetical: null, text }];
    expect(fitDuration('A door.', [], 'local:animatic')).toBe(2);
    // 25 spoken words at 2.5 words a second: 10 s, and Runway Gen-4 Turbo takes 2–10 s.
    expect(fitDuration('', line(Array(25).fill('word').join(' ')), 'runway:gen4_turbo')).toBe(10);
    expect(fitDuration('', line(Array(12).fill('word').join(' ')), 'runway:gen4_turbo')).toBe(5);
    // Longer than the tool allows: its longest.
    expect(fitDuration('', line(Array(80).fill('word').join(' ')), 'luma:ray-2')).toBe(9);
  });

  it('counts a spoken line by its measured length once it has audio', () => {
    const lines = [12, 5].map((n) => ({ speaker: 'MARA', extension: null, parenthetical: null, text: Array(n).fill('word').join(' ') }));
    // Estimated: 12 + 5 words at 2.5 a second is 6.8 s, so 7 s.
    expect(fitDuration('', lines, 'runway:gen4_turbo')).toBe(7);
    // The first line measured at 2.1 s: 2.1 + 2 s, so 5 s.
    expect(fitDuration('', lines, 'runway:gen4_turbo', [2.1, null])).toBe(5);
    expect(fitDuration('', lines, 'runway:gen4_turbo', [7.5, 3])).toBe(10);
  });

  it('reads the place out of a heading', () => {
    expect(locationOf('INT. DINER - NIGHT')).toBe('DINER');
    expect(locationOf('INT./EXT. MARA’S CAR - MOVING - DAY')).toBe('MARA’S CAR');
    expect(locationOf('I/E TRUCK – NIGHT')).toBe('TRUCK');
    expect(locationOf('.MONTAGE')).toBe('MONTAGE');
    expect(locationOf('EXT. - NIGHT')).toBeNull();
  });
});
