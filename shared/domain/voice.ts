// Who speaks a line, and with what voice: a character in the library carries a voice id, and a
// line's speaker ("MARA") finds its character by name or tag.

export type VoiceId = string;

export type Voice = { engine: 'local'; variant: string } | { engine: 'elevenlabs'; voiceId: string };

/** `local`, `local:<variant>` or `elevenlabs:<voice id>`; null for anything else. */
export function parseVoice(id: string): Voice | null {
  const t = id.trim();
  if (t === 'local') return { engine: 'local', variant: '' };
  const m = /^(local|elevenlabs):([A-Za-z0-9_-]{1,64})$/.exec(t);
  if (!m) return null;
  return m[1] === 'local' ? { engine: 'local', variant: m[2]! } : { engine: 'elevenlabs', voiceId: m[2]! };
}

/** What the local voice hashes into its sound: the character and the variant, so each character keeps its own voice. */
export function localVoiceKey(itemId: string, variant: string): string {
  return `${itemId}:${variant}`;
}

/** The character a line's speaker names: by name or tag, ignoring case, spaces, accents and "(V.O.)". */
export function speakerItem<T extends { kind: string; name: string; tag: string }>(speaker: string, items: readonly T[]): T | null {
  const key = fold(speaker);
  if (!key) return null;
  return items.find((i) => i.kind === 'character' && (fold(i.name) === key || fold(i.tag) === key)) ?? null;
}

function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\(.*?\)/g, '')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toLowerCase();
}
