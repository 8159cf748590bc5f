import { describe, expect, it } from 'vitest';
import { baseUrlFor, createAdapter, isRemoteProvider, REMOTE_PROVIDERS } from './registry';

describe('provider registry', () => {
  it('builds each remote adapter', () => {
    for (const p of REMOTE_PROVIDERS) expect(createAdapter(p, { baseUrl: 'http://127.0.0.1:1', keys: {} }).provider).toBe(p);
    expect(isRemoteProvider('local')).toBe(false);
    expect(isRemoteProvider('kling')).toBe(true);
  });

  it('reads SHOTLINE_<PROVIDER>_BASE_URL, then the saved URL, else the documented default', () => {
    expect(baseUrlFor('runway', {})).toBe('https://api.dev.runwayml.com');
    expect(baseUrlFor('kling', {})).toBe('https://api-singapore.klingai.com');
    expect(baseUrlFor('luma', {})).toBe('https://api.lumalabs.ai/dream-machine/v1');
    expect(baseUrlFor('veo', {})).toBe('https://generativelanguage.googleapis.com');
    expect(baseUrlFor('minimax', {})).toBe('https://api.minimax.io');
    expect(baseUrlFor('minimax', {}, { minimax: 'https://api.minimaxi.com' })).toBe('https://api.minimaxi.com');
    expect(baseUrlFor('minimax', { SHOTLINE_MINIMAX_BASE_URL: 'http://127.0.0.1:9000' }, { minimax: 'https://api.minimaxi.com' })).toBe(
      'http://127.0.0.1:9000',
    );
    expect(baseUrlFor('runway', { SHOTLINE_RUNWAY_BASE_URL: '  ' })).toBe('https://api.dev.runwayml.com');
  });
});
