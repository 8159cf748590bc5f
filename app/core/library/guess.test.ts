import { describe, expect, it } from 'vitest';
import { tagProblem } from '../../../shared/domain/tags';
import type { LibraryKind } from '../../../shared/domain/library';
import { guessKind, tagFromName } from './guess';

describe('guessing the kind of a dropped file', () => {
  const table: [(string | undefined)[], LibraryKind][] = [
    [[undefined, 'loc_diner_bg.png'], 'location'],
    [[undefined, 'BG_Diner.PNG'], 'location'],
    [[undefined, 'background-02.png'], 'location'],
    [[undefined, 'INT diner night.jpg'], 'location'],
    [[undefined, 'exterior.webp'], 'location'],
    [[undefined, 'diner set.jpg'], 'location'],
    [['Locations', 'diner.png'], 'location'],
    [[undefined, 'hero_prop.png'], 'prop'],
    [['Props', 'lamp.png'], 'prop'],
    [[undefined, 'object3.jpg'], 'prop'],
    [[undefined, 'style_frame.png'], 'style'],
    [[undefined, 'Mood board 2.jpg'], 'style'],
    [[undefined, 'look-dev.png'], 'style'],
    [[undefined, 'Maya_sheet_02.jpg'], 'character'],
    // The folder decides before the file's own name.
    [['Props', 'ext_street.png'], 'prop'],
    [['Characters', 'int_diner.png'], 'character'],
    [['Mara sheet', '01-front.jpg', 'bg.png'], 'location'],
    // Whole words only: no kind hides inside another word.
    [[undefined, 'propeller.png'], 'character'],
    [[undefined, 'closet.png'], 'character'],
    [[undefined, 'bgirl.png'], 'character'],
    [[undefined, 'moody.png'], 'character'],
    [[undefined, 'settle.png'], 'character'],
    [[], 'character'],
  ];
  it.each(table)('%j is a %s', (names, kind) => {
    expect(guessKind(names)).toBe(kind);
  });
});

describe('a tag from a file name', () => {
  const table: [string, LibraryKind, string][] = [
    ['a_ref.png', 'character', 'a_character'],
    ['Maya_sheet_02.jpg', 'character', 'maya'],
    ['loc_diner_bg.png', 'location', 'diner'],
    ['Zoë turnaround v2 FINAL.jpg', 'character', 'zoe'],
    ['mara (1).png', 'character', 'mara'],
    ['Mara front copy 2.png', 'character', 'mara_front'],
    ['diner2.png', 'location', 'diner'],
    ['01_diner.jpg', 'location', 'diner'],
    ['Mara sheet', 'character', 'mara'],
    ['scene12_diner.png', 'location', 'scene12_diner'],
    // Only noise: the name's own words, else the kind.
    ['ref_01.png', 'character', 'ref_01'],
    ['reference sheet.png', 'prop', 'reference_sheet'],
    ['123.png', 'prop', 'prop'],
    ['x.jpg', 'style', 'x_style'],
  ];
  it.each(table)('%s (%s) is @%s', (name, kind, tag) => {
    expect(tagFromName(name, kind)).toBe(tag);
    expect(tagProblem(tag)).toBeNull();
  });

  it('stays unique in the library, without case', () => {
    expect(tagFromName('Maya_sheet_01.jpg', 'character', ['MAYA'])).toBe('maya_2');
    expect(tagFromName('Maya_sheet_02.jpg', 'character', ['maya', 'maya_2'])).toBe('maya_3');
    expect(tagFromName('ref1.png', 'character', ['ref1'])).toBe('ref1_2');
  });
});
