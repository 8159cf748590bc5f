// React access to the engine: the instance (via context) and slices of its state. Components
// subscribe to the primitives they show, so a running playhead re-renders only the timecode,
// the scrub bar's playhead and the overlay, never the stage.
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { PlayerEngine, PlayerState } from './engine';
import type { PlayItem } from './items';

export interface PlayerContextValue {
  engine: PlayerEngine;
  items: PlayItem[];
}

export const PlayerContext = createContext<PlayerContextValue | null>(null);

export function usePlayer(): PlayerContextValue {
  const value = useContext(PlayerContext);
  if (!value) throw new Error('usePlayer outside <Player>');
  return value;
}

export function usePlayerState<T>(engine: PlayerEngine, select: (s: PlayerState) => T): T {
  return useSyncExternalStore(engine.subscribe, () => select(engine.getState()));
}
