// One authenticated request to the Gemini Developer API, with Google's error shape read the
// same way for Veo's operations and Gemini's images (docs/providers.md, Veo): a bad key is a 400
// that names the key, and the wait after a 429 is often in the body rather than a header.
import { type HttpClient, type Reply, type SendOptions } from '../http';
import { noKey } from '../request';
import { ProviderError } from '../types';

export interface GoogleError {
  code?: number;
  message?: string;
  status?: string;
  details?: Array<{ retryDelay?: string }>;
}

/** Sends with `x-goog-api-key`; any status of 400 or more throws the matching ProviderError. */
export async function googleSend(http: HttpClient, key: string, path: string, opts: SendOptions): Promise<Reply> {
  if (!key) throw noKey('veo');
  const reply = await http.send(path, { ...opts, headers: { 'x-goog-api-key': key } });
  if (reply.status < 400) return reply;
  const err = (reply.body as { error?: GoogleError } | null)?.error ?? {};
  const reason = `${err.message ?? 'no detail given'}${err.status ? ` [${err.status}]` : ''}`;
  // A bad key is a 400 INVALID_ARGUMENT whose message names the key, not a 401.
  const badKey = reply.status === 400 && /API key/i.test(err.message ?? '');
  const error = http.statusError(reply, reason, { kind: badKey ? 'auth' : undefined, code: err.status });
  // Google puts the wait in the body (RetryInfo.retryDelay, "30s") more often than in a header.
  const delay = err.details?.find((d) => d.retryDelay)?.retryDelay;
  if (error.kind === 'rate_limited' && error.details.retryAfterS === undefined && delay) {
    throw new ProviderError(error.kind, error.message, { ...error.details, retryAfterS: parseFloat(delay) });
  }
  throw error;
}
