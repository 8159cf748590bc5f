// Injected by the devhost before the renderer's own scripts: the same `window.shotline`
// API the Electron preload exposes, carried over a WebSocket to the real core.
(() => {
  const token = new URLSearchParams(location.search).get('token') || '';
  const ws = new WebSocket(`ws://${location.host}/__devhost/ws?token=${encodeURIComponent(token)}`);
  const pending = new Map();
  const listeners = new Map();
  const queue = [];
  let nextId = 1;

  ws.addEventListener('open', () => {
    for (const msg of queue.splice(0)) ws.send(msg);
  });
  ws.addEventListener('message', (e) => {
    const msg = JSON.parse(e.data);
    if (msg.id !== undefined) {
      const resolve = pending.get(msg.id);
      pending.delete(msg.id);
      if (resolve) resolve(msg.result);
    } else if (msg.event) {
      for (const l of listeners.get(msg.event) || []) l(msg.payload);
    }
  });
  ws.addEventListener('close', () => {
    for (const resolve of pending.values()) {
      resolve({ ok: false, error: { kind: 'internal', message: 'Lost the connection to the Shotline devhost.' } });
    }
    pending.clear();
  });

  const api = {
    invoke(channel, input) {
      return new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        const msg = JSON.stringify({ id, channel, input });
        if (ws.readyState === WebSocket.OPEN) ws.send(msg);
        else queue.push(msg);
      });
    },
    on(event, listener) {
      const set = listeners.get(event) || new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
  Object.defineProperty(window, 'shotline', { value: Object.freeze(api), writable: false });
})();
