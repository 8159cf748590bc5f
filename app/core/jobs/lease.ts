// One engine per project at a time. The app and a `shotline resume` opening the same project
// must not both run its jobs, or each would submit them. The holder writes a lease row and a
// heartbeat; another process takes it over only when the holder is provably gone (same host,
// dead pid) or has not beaten for `staleMs`. Every job transition that precedes a side effect
// is conditional on still holding the lease, so even a holder that wakes up late cannot act.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { JobsRepo, LeaseRow } from '../db/repos/jobsRepo';
import type { Clock } from './timing';

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function describeHolder(row: Pick<LeaseRow, 'label' | 'pid' | 'host'>): string {
  return `${row.label} (process ${row.pid} on ${row.host})`;
}

export interface LeaseOptions {
  label: string;
  clock: Clock;
  staleMs: number;
  pid?: number;
  host?: string;
  /** For tests: whether a pid on this host is alive. */
  alive?: (pid: number) => boolean;
}

export type LeaseResult = { ok: true } | { ok: false; heldBy: string };

export class Lease {
  readonly holder = randomUUID();
  private readonly pid: number;
  private readonly host: string;
  private held = false;

  constructor(
    private readonly repo: JobsRepo,
    private readonly opts: LeaseOptions,
  ) {
    this.pid = opts.pid ?? process.pid;
    this.host = opts.host ?? os.hostname();
  }

  get isHeld(): boolean {
    return this.held;
  }

  /** Takes the lease when it is free, ours, or its holder is gone; else says who holds it. */
  acquire(): LeaseResult {
    const now = this.opts.clock.now();
    const row = this.repo.lease.get();
    const alive = this.opts.alive ?? pidAlive;
    if (row && row.holder !== this.holder) {
      const dead = row.host === this.host && row.pid !== this.pid && !alive(row.pid);
      const stale = now - row.heartbeat_at > this.opts.staleMs;
      if (!dead && !stale) return { ok: false, heldBy: describeHolder(row) };
    }
    const taken = this.repo.lease.take(row, { holder: this.holder, pid: this.pid, host: this.host, label: this.opts.label, now });
    if (!taken) {
      const winner = this.repo.lease.get();
      return { ok: false, heldBy: winner ? describeHolder(winner) : 'another process' };
    }
    this.held = true;
    return { ok: true };
  }

  /** Renews the heartbeat; false means the lease was taken over and this engine must stop. */
  beat(): boolean {
    if (!this.held) return false;
    this.held = this.repo.lease.beat(this.holder, this.opts.clock.now());
    return this.held;
  }

  release(): void {
    if (this.held) this.repo.lease.release(this.holder);
    this.held = false;
  }
}
