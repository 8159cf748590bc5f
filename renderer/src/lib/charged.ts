// Estimate against charge, in the words the take details and the cost panel use: a figure the
// provider reported is "charged", anything else is an estimate and says so.
import type { SpendSummary, TakeView } from '../../../shared/domain/jobs';
import { formatUsd } from './format';

/** "$0.20 charged by Runway (estimated $0.25)", or "$0.25 estimated — Luma reports no charge". */
export function takeCostText(take: Pick<TakeView, 'costUsd' | 'estimateUsd' | 'chargedUsd'>, provider: string): string {
  if (take.chargedUsd !== null) {
    const estimate = take.estimateUsd !== null && Math.abs(take.estimateUsd - take.chargedUsd) >= 0.005 ? ` (estimated ${formatUsd(take.estimateUsd)})` : '';
    return `${formatUsd(take.chargedUsd)} charged by ${provider}${estimate}`;
  }
  if (take.costUsd === 0) return `${formatUsd(0)} (made on this computer)`;
  return `${formatUsd(take.costUsd)} estimated — ${provider} reports no charge`;
}

/** "$3.20 spent: $2.10 as charged (estimated $2.35), $1.10 at estimate." Null before anything is spent. */
export function spendText(spend: Pick<SpendSummary, 'spentUsd' | 'chargedUsd' | 'chargedEstimateUsd'>): string | null {
  if (spend.spentUsd <= 0) return null;
  if (spend.chargedUsd <= 0) return `${formatUsd(spend.spentUsd)} spent, at estimate (no provider has reported a charge yet).`;
  const rest = spend.spentUsd - spend.chargedUsd;
  const charged = `${formatUsd(spend.chargedUsd)} as the providers charged it (estimated ${formatUsd(spend.chargedEstimateUsd)})`;
  return `${formatUsd(spend.spentUsd)} spent: ${charged}${rest >= 0.005 ? `, ${formatUsd(rest)} at estimate` : ''}.`;
}
