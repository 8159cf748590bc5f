// Secrets out of everything Shotline stores, prints or shows: job errors and events, error
// messages, key checks. A provider (or a proxy in front of it) may echo the request's credential
// in its error reply; that text must not reach `jobs.error`, the CLI or a project someone shares.
// Every error passes describeError or ProviderError, and every job write passes the jobs repo:
// both clean text here.

/** Key values this process holds (registered as adapters are made), cleaned from any text. */
const known = new Set<string>();

export function knowSecrets(values: Iterable<string>): void {
  for (const v of values) if (v.length >= 8) known.add(v);
}

/** Field names whose value is a secret whatever it looks like. */
export const SECRET_FIELD =
  /^(authorization|proxy-authorization|x-goog-api-key|x-api-key|xi-api-key|api[-_]?key|api[-_]?secret|access[-_]?key|secret[-_]?key|secret|token|access[-_]?token|password|cookie|set-cookie)$/i;

const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi;
/** A JWT (Kling's bearer token carries the access key in its payload). */
const JWT = /eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}/g;
/** Key shapes providers issue, should one we do not hold turn up: Runway, Luma, Google, ElevenLabs. */
const KEY_SHAPES = /\b(?:key_[A-Za-z0-9]{32,}|luma-[A-Za-z0-9-]{24,}|AIza[0-9A-Za-z_-]{35}|sk_[A-Za-z0-9]{32,})\b/g;
const DATA_URI = /data:([\w/+.-]+);base64,[A-Za-z0-9+/=]+/g;
/** Base64 this long is an image or a video payload, never words someone needs to read. */
const BASE64_RUN = /[A-Za-z0-9+/]{200,}={0,2}/g;

/** `text` with known keys, bearer credentials, JWTs, key-shaped strings and base64 payloads replaced. */
export function scrubText(text: string, secrets: readonly string[] = []): string {
  let s = text;
  for (const list of [secrets, known]) for (const secret of list) if (secret.length >= 4 && s.includes(secret)) s = s.replaceAll(secret, '[redacted key]');
  return s
    .replace(BEARER, '$1 [redacted]')
    .replace(DATA_URI, (m, mime: string) => `data:${mime};base64,[${m.length} chars redacted]`)
    .replace(JWT, '[redacted token]')
    .replace(KEY_SHAPES, '[redacted key]')
    .replace(BASE64_RUN, (m) => `[base64, ${m.length} chars redacted]`);
}

/** A copy of a reply or request with every string scrubbed and secret-named fields blanked. */
export function scrubValue(value: unknown, secrets: readonly string[] = []): unknown {
  if (typeof value === 'string') return scrubText(value, secrets);
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, secrets));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_FIELD.test(k) && typeof v === 'string' ? '[redacted]' : scrubValue(v, secrets)]),
    );
  }
  return value;
}
