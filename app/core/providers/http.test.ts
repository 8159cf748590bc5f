import { describe, expect, it } from 'vitest';
import { scrubValue as redact } from '../redact';
import { describeBody, kindForStatus, retryAfterS } from './http';

describe('redact', () => {
  it('removes keys, bearer tokens, data URIs and long base64, keeping the rest', () => {
    const b64 = 'A'.repeat(300);
    const jwt = `eyJhbGciOiJIUzI1NiJ9.${'x'.repeat(20)}.${'y'.repeat(20)}`;
    const out = redact(
      {
        error: 'Invalid key sk-live-1234 given',
        promptImage: `data:image/png;base64,${b64}`,
        nested: [{ bytesBase64Encoded: b64 }, { note: `token ${jwt}` }],
        authorization: 'Bearer whatever',
        status: 'FAILED',
      },
      ['sk-live-1234'],
    );
    expect(out).toEqual({
      error: 'Invalid key [redacted key] given',
      promptImage: 'data:image/png;base64,[322 chars redacted]',
      nested: [{ bytesBase64Encoded: '[base64, 300 chars redacted]' }, { note: 'token [redacted token]' }],
      authorization: '[redacted]',
      status: 'FAILED',
    });
  });

  it('leaves signed URLs and short values alone', () => {
    const url = 'https://cdn.example.com/a.mp4?exp=1750000000&sig=0123456789abcdef0123456789abcdef';
    expect(redact({ output: [url], n: 3, ok: true, none: null }, [])).toEqual({ output: [url], n: 3, ok: true, none: null });
  });
});

describe('retry-after', () => {
  const h = (o: Record<string, string>) => new Headers(o);
  it('prefers retry-after-ms, then seconds, then an HTTP date', () => {
    expect(retryAfterS(h({ 'retry-after-ms': '1500', 'retry-after': '9' }), 0)).toBe(1.5);
    expect(retryAfterS(h({ 'retry-after': '9' }), 0)).toBe(9);
    expect(retryAfterS(h({ 'retry-after': 'Wed, 21 Oct 2026 07:28:10 GMT' }), Date.parse('Wed, 21 Oct 2026 07:28:00 GMT'))).toBe(10);
    expect(retryAfterS(h({}), 0)).toBeUndefined();
    expect(retryAfterS(h({ 'retry-after': 'soon' }), 0)).toBeUndefined();
  });
});

describe('status and body reading', () => {
  it('maps statuses to kinds', () => {
    expect([401, 403, 429, 408, 500, 503, 400, 404, 422].map(kindForStatus)).toEqual([
      'auth',
      'auth',
      'rate_limited',
      'transient',
      'transient',
      'transient',
      'permanent',
      'permanent',
      'permanent',
    ]);
  });

  it('finds the human words in the usual error shapes', () => {
    expect(describeBody({ error: 'bad ratio' })).toBe('bad ratio');
    expect(describeBody({ detail: [{ msg: 'field required' }, { msg: 'str type expected' }] })).toBe('field required; str type expected');
    expect(describeBody({ error: { code: 400, message: 'API key not valid' } })).toBe('API key not valid');
    expect(describeBody(null)).toBe('');
  });
});
