import { describe, expect, it } from 'vitest';
import { spendText, takeCostText } from './charged';

describe('estimate against charge', () => {
  it('names a reported charge as charged, with the estimate beside it when they differ', () => {
    expect(takeCostText({ costUsd: 0.2, estimateUsd: 0.25, chargedUsd: 0.2 }, 'Runway')).toBe('$0.20 charged by Runway (estimated $0.25)');
    expect(takeCostText({ costUsd: 0.2, estimateUsd: 0.2, chargedUsd: 0.2 }, 'Runway')).toBe('$0.20 charged by Runway');
    expect(takeCostText({ costUsd: 0.71, estimateUsd: 0.71, chargedUsd: null }, 'Luma')).toBe('$0.71 estimated — Luma reports no charge');
    expect(takeCostText({ costUsd: 0, estimateUsd: 0, chargedUsd: null }, 'Local animatic')).toBe('$0.00 (made on this computer)');
  });

  it('splits what was spent into charged and estimated', () => {
    expect(spendText({ spentUsd: 0, chargedUsd: 0, chargedEstimateUsd: 0 })).toBeNull();
    expect(spendText({ spentUsd: 1.5, chargedUsd: 0, chargedEstimateUsd: 0 })).toBe('$1.50 spent, at estimate (no provider has reported a charge yet).');
    expect(spendText({ spentUsd: 3.2, chargedUsd: 2.1, chargedEstimateUsd: 2.35 })).toBe(
      '$3.20 spent: $2.10 as the providers charged it (estimated $2.35), $1.10 at estimate.',
    );
    expect(spendText({ spentUsd: 2.1, chargedUsd: 2.1, chargedEstimateUsd: 2.1 })).toBe('$2.10 spent: $2.10 as the providers charged it (estimated $2.10).');
  });
});
