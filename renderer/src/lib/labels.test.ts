import { describe, expect, it } from 'vitest';
import { pathForRtlBox } from './labels';

describe('a path in a box that cuts from the left', () => {
  it('is wrapped in left-to-right marks, so the leading slash stays in front', () => {
    expect(pathForRtlBox('/home/ana/Night Diner.shotline/')).toBe('\u200E/home/ana/Night Diner.shotline/\u200E');
    expect(pathForRtlBox('C:\\Films\\Noir.shotline').startsWith('\u200EC:')).toBe(true);
  });
});
