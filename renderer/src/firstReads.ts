// The first screen's reads, sent the moment the page starts (boot.ts), before the app's bundle is
// loaded and evaluated: that takes a tenth of a second and more, and the answers travel meanwhile.
// They go out together, the project's beside the question whether one is open: with none open,
// those fail at once and are dropped. firstScreen.ts puts them in the query cache. This module
// stays small (no React, no react-query), or it would delay what it is for.
import type { Channel, ChannelInput, ChannelOutput, EventName } from '../../shared/contract';
import { call, hasBridge, subscribe } from './api/client';

/** Every read the first screen seeds; each takes no input. */
export const FIRST_CHANNELS = ['project.current', 'project.snapshot', 'cut.playback', 'takes.strips', 'refs.all', 'app.info'] as const;

/** Events after which an answer already sent may be out of date. */
const CHANGES: readonly EventName[] = ['project.changed', 'project.opened', 'jobs.changed'];

export interface FirstReads {
  /** A query function for `channel`: the read under way when it was sent early, else a new one. */
  answer<C extends Channel>(channel: C): () => Promise<ChannelOutput<C>>;
  /** Stops listening; true when the project changed after the reads went out. */
  end(): boolean;
}

let sent: FirstReads | null = null;

function send(): FirstReads {
  const pending = new Map<Channel, Promise<unknown>>();
  for (const channel of FIRST_CHANNELS) {
    const read = call(channel, {});
    // An early read nobody takes (no project open) must not be reported as an unhandled failure.
    read.catch(() => undefined);
    pending.set(channel, read);
  }
  let changed = false;
  const offs = CHANGES.map((event) => subscribe(event, () => (changed = true)));
  return {
    answer: <C extends Channel>(channel: C) => {
      let early = pending.get(channel) as Promise<ChannelOutput<C>> | undefined;
      pending.delete(channel);
      return () => {
        // Once: asked again (a retry, a refetch), the query reads afresh.
        const read = early ?? call(channel, {} as ChannelInput<C>);
        early = undefined;
        return read;
      };
    },
    end: () => {
      offs.forEach((off) => off());
      pending.clear();
      return changed;
    },
  };
}

/** Sends the first screen's reads now (once per page), when a core is there to answer. */
export function sendFirstReads(): void {
  if (hasBridge()) sent ??= send();
}

/** The reads sent early, or sent now; null without a core. Each page takes them once. */
export function takeFirstReads(): FirstReads | null {
  sendFirstReads();
  const reads = sent;
  sent = null;
  return reads;
}
