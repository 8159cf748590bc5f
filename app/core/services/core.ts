// The core behind the contract. Both transports (Electron IPC, devhost WebSocket) call
// `handle` with whatever arrived and forward events from `on`; parsing, error mapping and
// dispatch live here once, so the transports add no logic of their own.
import type { EventMap, EventName, Result } from '../../../shared/contract';
import { contract, isChannel } from '../../../shared/contract';
import { describeError } from '../errors';
import { createSession, type Session } from './session';
import type { CoreHost } from './types';

export type CoreListener = <E extends EventName>(event: E, payload: EventMap[E]) => void;

export interface Core {
  handle(channel: string, rawInput: unknown): Promise<Result<unknown>>;
  on(listener: CoreListener): () => void;
  session: Session;
  close(): void;
}

export function createCore(host: CoreHost): Core {
  const listeners = new Set<CoreListener>();
  const emit: CoreListener = (event, payload) => {
    for (const l of listeners) l(event, payload);
  };
  const session = createSession({ ...host, emit });

  async function handle(channel: string, rawInput: unknown): Promise<Result<unknown>> {
    if (!isChannel(channel)) return { ok: false, error: { kind: 'internal', message: `Unknown channel "${channel}".` } };
    const parsed = contract[channel].input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first?.path.length ? ` at ${first.path.join('.')}` : '';
      return { ok: false, error: { kind: 'internal', message: `Invalid input for ${channel}${where}: ${first?.message ?? 'bad input'}` } };
    }
    try {
      const fn = session.handlers[channel] as (input: unknown) => unknown;
      return { ok: true, value: await fn(parsed.data) };
    } catch (err) {
      return { ok: false, error: describeError(err) };
    }
  }

  return {
    handle,
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    session,
    close: () => session.close(),
  };
}
