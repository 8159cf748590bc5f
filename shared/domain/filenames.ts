// File and folder names that are safe on Windows, macOS and Linux whatever the user typed.

/** Device names Windows reserves whatever follows the first dot: CON, con.txt, NUL.tar.gz, LPT1, COM¹. */
const RESERVED_WINDOWS = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;

/** `name` with an underscore after a reserved device stem ("CON.x" → "CON_.x"); other names as they are. */
export function unreserved(name: string): string {
  return RESERVED_WINDOWS.test(name) ? name.replace(/^[^.]*/, (stem) => `${stem}_`) : name;
}

const encoder = new TextEncoder();
export const utf8Length = (text: string) => encoder.encode(text).length;

/** The longest start of `text` within `maxBytes` of UTF-8, never splitting a character someone sees as one. */
function clipBytes(text: string, maxBytes: number): string {
  if (utf8Length(text) <= maxBytes) return text;
  let out = '';
  let used = 0;
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
    const size = utf8Length(segment);
    if (used + size > maxBytes) break;
    out += segment;
    used += size;
  }
  return out;
}

/**
 * Keeps Unicode, drops the characters some OS refuses, trims what Windows strips, and fits file
 * systems' limit of 255 bytes a name (`maxBytes` leaves room for an extension added after).
 */
export function safeFileName(name: string, fallback = 'Untitled', maxBytes = 255): string {
  const trim = (s: string) => s.trim().replace(/^[.\s]+|[.\s]+$/g, '');
  const out = trim(
    clipBytes(
      trim(
        name
          .normalize('NFC')
          .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, ' ')
          .replace(/\s+/g, ' '),
      ),
      maxBytes,
    ),
  );
  return out ? unreserved(out) : fallback;
}
