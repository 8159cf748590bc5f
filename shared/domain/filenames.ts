// File and folder names that are safe on Windows, macOS and Linux whatever the user typed.

const RESERVED_WINDOWS = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** Keeps Unicode, drops the characters some OS refuses, trims what Windows strips. */
export function safeFileName(name: string, fallback = 'Untitled', maxLength = 80): string {
  let out = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (out.length > maxLength) out = Array.from(out).slice(0, maxLength).join('').trim();
  if (!out || RESERVED_WINDOWS.test(out)) return fallback;
  return out;
}
