import { describe, expect, it } from 'vitest';
import { offersSound, overrunFlag, overrunText } from './overrun';

describe('overrun wording', () => {
  it('says how far the dialogue runs past, to a tenth of a second', () => {
    expect(overrunText(1.43)).toBe('dialogue runs 1.4 s past the shot');
    expect(overrunText(2)).toBe('dialogue runs 2 s past the shot');
    expect(overrunText(0.04)).toBe('dialogue runs 0.1 s past the shot');
  });
  it('flags the card with the same amount', () => {
    expect(overrunFlag(1.46)).toBe('+1.5 s');
  });
});

describe('offersSound', () => {
  it('is Kling 2.6 only', () => {
    expect(offersSound('kling:kling-v2-6')).toBe(true);
    expect(offersSound('kling:kling-v2-1')).toBe(false);
    expect(offersSound('runway:gen4_turbo')).toBe(false);
  });
});
