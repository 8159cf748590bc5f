// Keyboard helpers that need the DOM (the pure parts live in lib/).

/** True when keys typed now belong to a text field (so app shortcuts must leave them alone). */
export function isTextEntry(el: EventTarget | Element | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  if (el instanceof HTMLTextAreaElement) return true;
  if (el instanceof HTMLSelectElement) return false;
  if (el instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset', 'color', 'file'].includes(el.type);
  return false;
}

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Ctrl on Windows/Linux, Cmd on macOS. */
export function primary(e: { ctrlKey: boolean; metaKey: boolean }): boolean {
  return isMac ? e.metaKey : e.ctrlKey;
}

/** How a shortcut reads in a tooltip on this platform: "Ctrl+D" or "⌘D". */
export function shortcut(keys: string): string {
  return isMac
    ? keys
        .replace(/Ctrl\+/g, '⌘')
        .replace(/Alt\+/g, '⌥')
        .replace(/Shift\+/g, '⇧')
    : keys;
}
