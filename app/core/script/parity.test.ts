import { describe, expect, it } from 'vitest';
import { breakdown } from './breakdown';
import { parseFdx } from './fdx';
import { parseFountain } from './fountain';
import { story, storyFdx, storyFountain } from './script.testkit';

describe('the same story as Fountain and as Final Draft', () => {
  it('yields the same scenes, characters, dialogue and shots, for a 120-page feature', () => {
    const scenes = story(300);
    const fromFountain = parseFountain(storyFountain(scenes));
    const fromFdx = parseFdx(storyFdx(scenes));
    const kinds = (els: typeof fromFdx.elements) => els.filter((e) => e.kind !== 'pageBreak');
    expect(kinds(fromFountain.elements)).toEqual(kinds(fromFdx.elements));
    expect(fromFountain.elements.filter((e) => e.kind === 'scene')).toHaveLength(300);

    const choices = { granularity: 'paragraph' as const, tool: 'runway:gen4_turbo' };
    const a = breakdown(fromFountain, choices);
    const b = breakdown(fromFdx, choices);
    expect(a.scenes).toEqual(b.scenes);
    expect(a.characters).toEqual(b.characters);
    expect(a.characters.filter((c) => c.speaks).map((c) => c.name)).toEqual(['MARA', 'DEE', 'OLD TRUCKER', 'SAM']);
    expect(a.locations.map((l) => l.name)).toEqual(['DINER', 'PARKING LOT', 'MARA’S CAR', 'MOTEL ROOM', 'HIGHWAY']);
    expect(a.dialogueLines).toBe(600);
    expect(a.titlePage.title).toBe('The Long Night');
    expect(b.titlePage).toMatchObject({ title: 'The Long Night', credit: 'Written by', authors: ['Ana Ruiz'] });
  });
});
