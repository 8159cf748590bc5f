import path from 'node:path';
import type { Channel, ChannelInput, ChannelOutput, EventMap } from '../../../shared/contract';
import { createCore } from '../services/core';
import type { CoreHost } from '../services/types';

/** A core with a typed, throwing `call`, and the events it emitted. */
export function testCore(dir: string, host: Pick<CoreHost, 'confirm' | 'showInFolder'> = {}) {
  const core = createCore({
    kind: 'devhost',
    version: 'test',
    userDataDir: path.join(dir, 'userdata'),
    defaultProjectsDir: path.join(dir, 'projects'),
    ...host,
  });
  const events: Array<{ event: keyof EventMap; payload: unknown }> = [];
  core.on((event, payload) => events.push({ event, payload }));
  async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const r = await core.handle(channel, input);
    if (!r.ok) throw new Error(`${r.error.kind}: ${r.error.message}`);
    return r.value as ChannelOutput<C>;
  }
  /** Resolves when the engine has finished every job of the batch. */
  function batchFinished(batchId: string): Promise<EventMap['jobs.batchFinished']> {
    return new Promise((resolve) => {
      const off = core.on((event, payload) => {
        if (event === 'jobs.batchFinished' && (payload as EventMap['jobs.batchFinished']).batchId === batchId) {
          off();
          resolve(payload as EventMap['jobs.batchFinished']);
        }
      });
    });
  }
  return { core, call, events, batchFinished, close: () => core.close() };
}
