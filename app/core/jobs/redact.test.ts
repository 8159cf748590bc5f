import { describe, expect, it } from 'vitest';
import { redactJson, redactRaw } from './redact';

const KEY = 'key_0123456789abcdef0123456789abcdef';
const PNG_B64 = 'iVBORw0KGgo' + 'A'.repeat(600);

describe('redactRaw', () => {
  it('removes known keys wherever they appear, and secret-named fields whatever they hold', () => {
    const out = JSON.stringify(
      redactRaw(
        {
          headers: { Authorization: `Bearer ${KEY}`, 'X-Goog-Api-Key': 'short', accept: 'application/json' },
          message: `Invalid key ${KEY}.`,
          nested: [{ token: 'tok' }, { api_key: 'abc' }, { secretKey: 'not matched by name', value: KEY }],
        },
        [KEY],
      ),
    );
    expect(out).not.toContain(KEY);
    expect(out).not.toContain('short');
    expect(out).not.toContain('"tok"');
    expect(out).toContain('application/json');
    expect(out).toContain('[redacted key]');
  });

  it('summarises image payloads: data URIs, raw base64 and bytes', () => {
    const out = redactRaw({
      promptImage: `data:image/png;base64,${PNG_B64}`,
      bytesBase64Encoded: PNG_B64,
      buffer: Buffer.alloc(2048),
      prompt: 'A courier in a yellow coat',
    }) as Record<string, string>;
    expect(out.promptImage).toMatch(/^data:image\/png;base64,\[\d+ chars redacted\]$/);
    expect(out.bytesBase64Encoded).toMatch(/base64, \d+ chars redacted/);
    expect(out.buffer).toBe('[2048 bytes]');
    expect(out.prompt).toBe('A courier in a yellow coat');
  });

  it('unsigns signed output URLs but keeps where they point', () => {
    const out = redactRaw({
      output: ['https://cdn.example.com/task/abc.mp4?exp=1700000000&sig=deadbeefcafe', 'https://x.test/f?X-Amz-Signature=abc123&X-Amz-Date=1'],
      gemini: 'https://generativelanguage.googleapis.com/v1beta/files/x:download?alt=media&key=AIzaSyFAKE',
    }) as { output: string[]; gemini: string };
    expect(out.output[0]).toBe('https://cdn.example.com/task/abc.mp4?exp=1700000000&sig=[redacted]');
    expect(out.output[1]).toBe('https://x.test/f?X-Amz-Signature=[redacted]&X-Amz-Date=1');
    expect(out.gemini).not.toContain('AIzaSyFAKE');
  });

  it('removes JWTs (Kling signs each request with one)', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJhayIsImV4cCI6MTcwMDAwMDAwMH0.c2lnbmF0dXJlc2lnbmF0dXJl';
    expect(JSON.stringify(redactRaw({ note: `sent ${jwt}` }))).not.toContain(jwt);
  });

  it('survives cycles, errors, depth and size', () => {
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = loop;
    expect(redactRaw(loop)).toEqual({ a: 1, self: '[circular]' });
    expect(redactRaw(new Error(`bad ${KEY}`), [KEY])).toEqual({ name: 'Error', message: 'bad [redacted key]' });
    let deep: unknown = 'bottom';
    for (let i = 0; i < 30; i++) deep = { d: deep };
    expect(JSON.stringify(redactRaw(deep))).toContain('[too deep]');
    const long = redactRaw('word '.repeat(1000)) as string;
    expect(long.length).toBeLessThan(2100);
    expect(long).toMatch(/more chars\]$/);
    expect(redactJson(undefined)).toBeNull();
    expect(redactJson({ n: 1, u: undefined })).toBe('{"n":1,"u":null}');
  });
});
