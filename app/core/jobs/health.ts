// Whether a provider is down: transport failures (5xx, timeouts, network) in a row, across all
// its jobs. A content refusal or a 429 is an answer, not an outage, and never counts. While
// down, its waiting jobs are not sent (and may switch to their fallback); the cooldown doubles
// each time it is still failing, up to ten minutes.
import type { ProviderId } from '../../../shared/domain/types';

export class ProviderHealth {
  private readonly state = new Map<ProviderId, { errors: number; downUntil: number }>();

  constructor(private readonly opts: { downAfter: number; cooldownS: number }) {}

  record(provider: ProviderId, ok: boolean, now: number): void {
    if (ok) {
      this.state.delete(provider);
      return;
    }
    const h = this.state.get(provider) ?? { errors: 0, downUntil: 0 };
    h.errors += 1;
    if (h.errors >= this.opts.downAfter) {
      const doublings = h.errors - this.opts.downAfter;
      h.downUntil = now + Math.min(600, this.opts.cooldownS * 2 ** doublings) * 1000;
    }
    this.state.set(provider, h);
  }

  isDown(provider: ProviderId, now: number): boolean {
    return (this.state.get(provider)?.downUntil ?? 0) > now;
  }

  /** Failures in a row so far. */
  errors(provider: ProviderId): number {
    return this.state.get(provider)?.errors ?? 0;
  }
}
