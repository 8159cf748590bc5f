// Injected by the devhost before the renderer's own scripts: the same `window.shotline` API the
// Electron preload exposes, carried over a WebSocket to the real core. Bundled to one script by
// `bridgeScript()` in server.ts, so it may import shared code as the preload does.
import type { Channel, ChannelInput, ChannelOutput, EventMap, EventName, Result, ShotlineApi } from '../../shared/contract';
import { isEventName } from '../../shared/eventNames';
import { createListeners } from '../../shared/listeners';

type Reply = Result<unknown>;

const token = new URLSearchParams(location.search).get('token') ?? '';
const ws = new WebSocket(`ws://${location.host}/__devhost/ws?token=${encodeURIComponent(token)}`);
const pending = new Map<number, (reply: Reply) => void>();
const listeners = createListeners<EventName>((event, err) => console.error(`[shotline] a listener for ${event} threw:`, err));
const queue: string[] = [];
let nextId = 1;

ws.addEventListener('open', () => {
  for (const msg of queue.splice(0)) ws.send(msg);
});
ws.addEventListener('message', (e: MessageEvent<string>) => {
  const msg = JSON.parse(e.data) as { id?: number; result?: Reply; event?: string; payload?: unknown };
  if (msg.id !== undefined) {
    const resolve = pending.get(msg.id);
    pending.delete(msg.id);
    resolve?.(msg.result ?? { ok: false, error: { kind: 'internal', message: 'The devhost sent an empty reply.' } });
  } else if (msg.event && isEventName(msg.event)) {
    listeners.emit(msg.event, msg.payload);
  }
});
ws.addEventListener('close', () => {
  for (const resolve of pending.values()) resolve({ ok: false, error: { kind: 'internal', message: 'Lost the connection to the Shotline devhost.' } });
  pending.clear();
});

const api: ShotlineApi = {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>) {
    return new Promise<Result<ChannelOutput<C>>>((resolve) => {
      const id = nextId++;
      // The core answers each channel with its own output type; the wire carries it untyped.
      pending.set(id, resolve as (reply: Reply) => void);
      const msg = JSON.stringify({ id, channel, input });
      if (ws.readyState === WebSocket.OPEN) ws.send(msg);
      else queue.push(msg);
    });
  },
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void) {
    return listeners.add(event, (payload) => listener(payload as EventMap[E]));
  },
};
Object.defineProperty(window, 'shotline', { value: Object.freeze(api), writable: false });
