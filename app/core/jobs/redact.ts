// What goes into job_events: a provider's reply with every secret and image payload taken
// out, cut to a size a log can hold. Adapters already scrub what they return; this is the
// engine's own guard, applied to everything it writes, whoever produced it.
import { scrubText, SECRET_FIELD } from '../redact';
/** Query parameters that make a URL a bearer credential (signed output links). */
const SIGNED_PARAM =
  /([?&](?:sig|signature|x-amz-signature|x-amz-credential|x-amz-security-token|x-goog-signature|x-goog-credential|token|key|api_key|se|sp|sv)=)[^&#\s"]+/gi;
const MAX_STRING = 2000;
const MAX_DEPTH = 12;
const MAX_KEYS = 200;

/** Scrubs one string: keys, data URIs, tokens, long base64, URL signatures; then caps its length. */
function scrubString(s: string, secrets: readonly string[]): string {
  const out = scrubText(s, secrets).replace(SIGNED_PARAM, '$1[redacted]');
  return out.length > MAX_STRING ? `${out.slice(0, MAX_STRING)}… [${out.length - MAX_STRING} more chars]` : out;
}

/**
 * A copy of `value` safe to store: secrets (the `secrets` given, plus anything in a secret-named
 * field) replaced, image payloads summarised, signed URLs unsigned, strings and depth capped,
 * cycles cut. Errors become {name, message}.
 */
export function redactRaw(value: unknown, secrets: readonly string[] = []): unknown {
  const seen = new WeakSet<object>();
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return scrubString(v, secrets);
    if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) return v ?? null;
    if (typeof v === 'bigint') return v.toString();
    if (typeof v !== 'object') return `[${typeof v}]`;
    if (seen.has(v)) return '[circular]';
    if (depth >= MAX_DEPTH) return '[too deep]';
    seen.add(v);
    if (v instanceof Error) return { name: v.name, message: scrubString(v.message, secrets) };
    if (Buffer.isBuffer(v) || v instanceof Uint8Array) return `[${v.byteLength} bytes]`;
    if (Array.isArray(v)) {
      const items = v.slice(0, MAX_KEYS).map((x) => walk(x, depth + 1));
      return v.length > MAX_KEYS ? [...items, `[${v.length - MAX_KEYS} more]`] : items;
    }
    const out: Record<string, unknown> = {};
    const entries = Object.entries(v as Record<string, unknown>);
    for (const [k, x] of entries.slice(0, MAX_KEYS)) {
      out[k] = SECRET_FIELD.test(k) && x !== null && x !== undefined && x !== '' ? '[redacted]' : walk(x, depth + 1);
    }
    if (entries.length > MAX_KEYS) out['…'] = `${entries.length - MAX_KEYS} more fields`;
    return out;
  };
  return walk(value, 0);
}

/** redactRaw as JSON, or null for nothing. */
export function redactJson(value: unknown, secrets: readonly string[] = []): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(redactRaw(value, secrets));
}
