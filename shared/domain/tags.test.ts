import { describe, expect, it } from 'vitest';
import { makeShot } from './shot.testkit';
import { findTags, mentionsTag, renameTagInShot, renameTagInText, suggestTag, tagAtCaret, tagProblem } from './tags';
import { linesFromText } from './dialogue';

describe('tag rule', () => {
  it('accepts Runway-style tags and says why others fail', () => {
    expect(tagProblem('mara')).toBeNull();
    expect(tagProblem('Diner_2')).toBeNull();
    expect(tagProblem('ab')).toContain('too short');
    expect(tagProblem('a'.repeat(17))).toContain('too long');
    expect(tagProblem('2mara')).toContain('start with a letter');
    expect(tagProblem('ma ra')).toContain('only letters, digits and _');
    expect(tagProblem('marà')).toContain('only letters');
  });

  it('suggests a free tag from a file name', () => {
    expect(suggestTag('Mara (front).PNG')).toBe('mara_front');
    expect(suggestTag('01_diner.jpg')).toBe('diner');
    expect(suggestTag('Zoë.jpg')).toBe('zoe');
    expect(suggestTag('x.jpg')).toBe('x_ref');
    expect(suggestTag('123.jpg')).toBe('ref');
    expect(suggestTag('mara.jpg', ['MARA', 'mara_2'])).toBe('mara_3');
    expect(suggestTag('a_very_long_file_name_indeed.jpg', ['a_very_long_file'])).toBe('a_very_long_fi_2');
    for (const t of ['mara_front', 'diner', 'zoe', 'x_ref', 'ref', 'mara_3', 'a_very_long_fi_2']) expect(tagProblem(t)).toBeNull();
  });
});

describe('mentions', () => {
  it('finds @tags but not e-mail addresses, once each, in order', () => {
    expect(findTags('@mara walks into @Diner; @mara sits. mail me@example.com')).toEqual(['mara', 'Diner']);
    expect(findTags('(@neon_sign) and @@x')).toEqual(['neon_sign']);
  });

  it('renames whole mentions only, in any case', () => {
    expect(renameTagInText('@mara meets @marathon and @MARA.', 'mara', 'heroine')).toBe('@heroine meets @marathon and @heroine.');
    expect(renameTagInText('no tags here', 'mara', 'x')).toBe('no tags here');
  });

  it('renames across every text field of a shot, and leaves a shot without it alone', () => {
    const shot = makeShot({
      action: '@mara enters',
      dialogue: linesFromText('Hi @mara'),
      prompt: { subject: '@Mara, 30s', beats: '0-2s: @mara stops', negative: 'no @mara clones' },
    });
    const renamed = renameTagInShot(shot, 'mara', 'lead');
    expect(renamed?.action).toBe('@lead enters');
    expect(renamed?.dialogue).toEqual(linesFromText('Hi @lead'));
    expect(renamed?.prompt.subject).toBe('@lead, 30s');
    expect(renamed?.prompt.beats).toBe('0-2s: @lead stops');
    expect(renamed?.prompt.negative).toBe('no @lead clones');
    expect(renameTagInShot(makeShot({ action: 'nobody' }), 'mara', 'lead')).toBeNull();
    expect(mentionsTag(shot, 'MARA')).toBe(true);
  });

  it('finds the partial tag at the caret for autocomplete', () => {
    expect(tagAtCaret('Close on @ma', 12)).toEqual({ start: 9, query: 'ma' });
    expect(tagAtCaret('Close on @', 10)).toEqual({ start: 9, query: '' });
    expect(tagAtCaret('me@ma', 5)).toBeNull();
    expect(tagAtCaret('@mara walks', 11)).toBeNull();
  });
});
