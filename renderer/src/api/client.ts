// Typed access to `window.shotline`, the one API the preload (Electron) or the devhost bridge
// exposes. `call` unwraps the contract's result envelope so callers deal in values and thrown
// errors whose message is already written for the user.
import type { Channel, ChannelInput, ChannelOutput, ErrorInfo, EventMap, EventName, ShotlineApi } from '../../../shared/contract';

declare global {
  interface Window {
    shotline?: ShotlineApi;
  }
}

export class ShotlineError extends Error {
  readonly kind: ErrorInfo['kind'];
  readonly channel: Channel;
  /** Set for errors the UI handles itself (ErrorInfo.code). */
  readonly code: string | undefined;
  constructor(channel: Channel, info: ErrorInfo) {
    super(info.message);
    this.name = 'ShotlineError';
    this.kind = info.kind;
    this.channel = channel;
    this.code = info.code;
  }
}

function api(): ShotlineApi {
  const bridge = window.shotline;
  if (!bridge) throw new Error('Shotline could not reach its core: window.shotline is missing. Start the app with `npm start` or the devhost.');
  return bridge;
}

export function hasBridge(): boolean {
  return typeof window !== 'undefined' && !!window.shotline;
}

export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await api().invoke(channel, input);
  if (result.ok) return result.value;
  throw new ShotlineError(channel, result.error);
}

export function subscribe<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void {
  return api().on(event, listener);
}

/** A message fit for the UI from anything thrown. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
