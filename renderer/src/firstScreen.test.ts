import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventName, ShotlineApi } from '../../shared/contract';
import { createQueryClient } from './api/queryClient';
import { keys } from './api/queries';
import { takeKeys } from './api/takes';
import { FIRST_CHANNELS, sendFirstReads, takeFirstReads } from './firstReads';
import { channelOf, FIRST_SCREEN_WAIT_MS, PROJECT_READS, seedFirstScreen } from './firstScreen';

/** A bridge whose core answers every read with its channel's name (no project: `project.current` is null). */
function fakeCore(opts: { project: boolean; hold?: boolean }) {
  const asked: string[] = [];
  const listeners = new Map<EventName, Array<(payload: unknown) => void>>();
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const api = {
    invoke: async (channel: string) => {
      asked.push(channel);
      if (opts.hold) await held;
      if (channel === 'project.current') return { ok: true, value: opts.project ? { title: 'Rain' } : null };
      return { ok: true, value: { answer: channel } };
    },
    on: (event: EventName, listener: (payload: unknown) => void) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return () =>
        listeners.set(
          event,
          (listeners.get(event) ?? []).filter((l) => l !== listener),
        );
    },
  } as unknown as ShotlineApi;
  vi.stubGlobal('window', { shotline: api });
  const emit = (event: EventName) => (listeners.get(event) ?? []).forEach((l) => l({ tables: ['shots'] }));
  return { asked, emit, release, listening: () => [...listeners.values()].flat().length };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('seedFirstScreen', () => {
  it('with a project open, asks every first-screen read once and leaves each answer in the cache, fresh', async () => {
    const core = fakeCore({ project: true });
    const qc = createQueryClient();
    await seedFirstScreen(qc);
    expect(core.asked[0]).toBe('project.current');
    expect(core.asked).toHaveLength(1 + PROJECT_READS.length);
    expect(new Set(core.asked).size).toBe(core.asked.length);
    expect(qc.getQueryData(keys.snapshot)).toEqual({ answer: 'project.snapshot' });
    expect(qc.getQueryData(takeKeys.playback)).toEqual({ answer: 'cut.playback' });
    expect(qc.getQueryData(takeKeys.strips)).toEqual({ answer: 'takes.strips' });
    expect(qc.getQueryState(keys.snapshot)?.isInvalidated).toBe(false);
    expect(core.listening()).toBe(0);
  });

  it('with no project open, keeps only that answer: the project reads sent beside it are dropped', async () => {
    const core = fakeCore({ project: false });
    const qc = createQueryClient();
    await seedFirstScreen(qc);
    expect(core.asked).toEqual([...FIRST_CHANNELS]);
    expect(qc.getQueryData(keys.current)).toBeNull();
    expect(qc.getQueryState(keys.snapshot)).toBeUndefined();
    expect(core.listening()).toBe(0);
  });

  it('takes the reads sent at the page start instead of asking again, and each seeded read is one the page start sends', async () => {
    const core = fakeCore({ project: true });
    sendFirstReads();
    expect(core.asked).toEqual([...FIRST_CHANNELS]);
    const qc = createQueryClient();
    await seedFirstScreen(qc);
    expect(core.asked).toHaveLength(FIRST_CHANNELS.length);
    expect(qc.getQueryData(keys.snapshot)).toEqual({ answer: 'project.snapshot' });
    for (const query of PROJECT_READS) expect(FIRST_CHANNELS).toContain(channelOf(query));
  });

  it('marks every read stale when the project changed between the page start and the seeding', async () => {
    const core = fakeCore({ project: true });
    sendFirstReads();
    core.emit('jobs.changed');
    const qc = createQueryClient();
    await seedFirstScreen(qc);
    await vi.waitFor(() => expect(qc.getQueryState(keys.snapshot)?.isInvalidated).toBe(true));
  });

  it('answers a read from the page start once: asked again, it reads afresh', async () => {
    const core = fakeCore({ project: true });
    const reads = takeFirstReads()!;
    const snapshot = reads.answer('project.snapshot');
    await snapshot();
    await snapshot();
    expect(core.asked.filter((c) => c === 'project.snapshot')).toHaveLength(2);
    reads.end();
  });

  it('marks every read stale when the project changes while they are asked', async () => {
    const core = fakeCore({ project: true, hold: true });
    const qc = createQueryClient();
    const seeded = seedFirstScreen(qc);
    core.emit('project.changed');
    core.release();
    await seeded;
    // Settled reads came back after the change was announced: the components read them again.
    await vi.waitFor(() => expect(qc.getQueryState(takeKeys.playback)?.isInvalidated).toBe(true));
    expect(qc.getQueryState(keys.snapshot)?.isInvalidated).toBe(true);
  });

  it('lets the window render when the core is slow to answer', async () => {
    vi.useFakeTimers();
    fakeCore({ project: true, hold: true });
    let done = false;
    void seedFirstScreen(createQueryClient()).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(FIRST_SCREEN_WAIT_MS - 1);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });
});
