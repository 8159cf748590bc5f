import { describe, expect, it } from 'vitest';
import type { GenerateResult } from '../../../../shared/domain/jobs';
import { queuedText } from './soundApi';

const result = (jobs: number, skipped: Array<[string, string]> = []): GenerateResult => ({
  batchId: jobs ? 'b1' : null,
  jobIds: Array.from({ length: jobs }, (_, i) => `j${i}`),
  shots: jobs ? 1 : 0,
  skipped: skipped.map(([label, reason]) => ({ shotId: label, label, tool: 'local:voice', provider: 'local', reason, fix: 'tool' })),
});

describe('queuedText', () => {
  it('counts what was queued', () => {
    expect(queuedText(result(1), 'line')).toBe('Queued 1 line.');
    expect(queuedText(result(3), 'effect')).toBe('Queued 3 effects.');
  });
  it('names each shot left out with its reason', () => {
    expect(queuedText(result(0, [['1B', 'DEE has no voice: give the character one in the library']]), 'line')).toBe(
      'No lines queued. Left out: 1B (DEE has no voice: give the character one in the library)',
    );
  });
});
