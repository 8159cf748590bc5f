// Event listeners by name, shared by the Electron preload and the devhost bridge: one transport
// listener fans each event out to every subscriber, and one subscriber that throws does not
// starve the others.

export interface Listeners<K extends string> {
  add(name: K, listener: (payload: unknown) => void): () => void;
  emit(name: K, payload: unknown): void;
}

export function createListeners<K extends string>(onError: (name: K, err: unknown) => void): Listeners<K> {
  const byName = new Map<K, Set<(payload: unknown) => void>>();
  return {
    add(name, listener) {
      const set = byName.get(name) ?? new Set();
      byName.set(name, set);
      // Wrapped so the same function subscribed twice is two subscriptions, each removable.
      const wrapped = (payload: unknown) => listener(payload);
      set.add(wrapped);
      return () => void set.delete(wrapped);
    },
    emit(name, payload) {
      for (const listener of byName.get(name) ?? []) {
        try {
          listener(payload);
        } catch (err) {
          onError(name, err);
        }
      }
    },
  };
}
