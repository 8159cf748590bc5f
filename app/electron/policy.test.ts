import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  contentTypeFor,
  isAppUrl,
  isPermissionAllowed,
  isSafeExternalUrl,
  RENDERER_ENTRY_URL,
  resolveAppPath,
  externalLinkDecision,
  trustedEnv,
} from './policy';

const root = path.resolve('/srv/shotline/out/renderer');

describe('resolveAppPath', () => {
  it('maps app:// paths to files in the renderer folder', () => {
    expect(resolveAppPath(root, RENDERER_ENTRY_URL)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://shotline/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveAppPath(root, 'app://shotline/assets/my%20font.woff2?v=2#x')).toBe(path.join(root, 'assets', 'my font.woff2'));
  });

  it('serves index.html for the bare origin', () => {
    expect(resolveAppPath(root, 'app://shotline/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://shotline')).toBe(path.join(root, 'index.html'));
  });

  it('resolves dot segments the way the URL does, inside the folder', () => {
    expect(resolveAppPath(root, 'app://shotline/../main/index.js')).toBe(path.join(root, 'main', 'index.js'));
    expect(resolveAppPath(root, 'app://shotline/assets/../../main/index.js')).toBe(path.join(root, 'main', 'index.js'));
    expect(resolveAppPath(root, 'app://shotline/%2e%2e/main/index.js')).toBe(path.join(root, 'main', 'index.js'));
  });

  it('refuses anything that would leave the folder', () => {
    for (const url of [
      'app://shotline/..%2fmain%2findex.js',
      'app://shotline/..%5cmain%5cindex.js',
      'app://shotline/a\\..\\..\\secret',
      'app://shotline/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      'app://shotline/index.html%00.png',
      'app://shotline/%E0%A4%A',
    ]) {
      expect(resolveAppPath(root, url), url).toBeNull();
    }
  });

  it('refuses other schemes and hosts', () => {
    expect(resolveAppPath(root, 'file:///etc/passwd')).toBeNull();
    expect(resolveAppPath(root, 'app://evil/index.html')).toBeNull();
    expect(resolveAppPath(root, 'https://shotline/index.html')).toBeNull();
    expect(resolveAppPath(root, 'not a url')).toBeNull();
  });
});

describe('isAppUrl', () => {
  it('accepts only our scheme and host', () => {
    expect(isAppUrl(RENDERER_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://shotline')).toBe(true);
    expect(isAppUrl('app://shotline.evil/index.html')).toBe(false);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('http://shotline/index.html')).toBe(false);
    expect(isAppUrl('about:blank')).toBe(false);
    expect(isAppUrl('')).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it('lets plain https links through', () => {
    expect(isSafeExternalUrl('https://docs.dev.runwayml.com/guides/pricing/')).toBe(true);
    expect(isSafeExternalUrl('https://klingai.com/?a=1#b')).toBe(true);
  });

  it('blocks everything else', () => {
    for (const url of [
      'http://example.com',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'ms-msdt:/id PCWDiagnostic',
      'app://shotline/index.html',
      'https://user:pw@example.com/',
      'https://',
      'mailto:someone@example.com',
      `https://example.com/${'a'.repeat(2100)}`,
      'not a url',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});

describe('isPermissionAllowed', () => {
  it('allows clipboard writes and fullscreen for our page only', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://shotline')).toBe(true);
    expect(isPermissionAllowed('fullscreen', RENDERER_ENTRY_URL)).toBe(true);
    expect(isPermissionAllowed('fullscreen', 'https://example.com')).toBe(false);
    expect(isPermissionAllowed('fullscreen', undefined)).toBe(false);
  });

  it('denies everything else', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'unknown']) {
      expect(isPermissionAllowed(p, RENDERER_ENTRY_URL), p).toBe(false);
    }
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('is the strict policy from the security checklist', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; " +
        "img-src 'self' data: blob: shotline-media:; media-src 'self' blob: shotline-media:; connect-src 'self' shotline-media:; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*|https?:/);
  });
});

describe('contentTypeFor', () => {
  it('names module scripts and pages explicitly', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/assets/index-abc.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/font.WOFF2')).toBe('font/woff2');
    expect(contentTypeFor('/x/blob')).toBe('application/octet-stream');
  });
});

describe('externalLinkDecision', () => {
  it("opens the providers' and our documentation at once, asks for any other https host, refuses the rest", () => {
    for (const url of [
      'https://docs.dev.runwayml.com/api',
      'https://app.klingai.com/global/dev',
      'https://ai.google.dev/gemini-api/docs/video',
      'https://github.com/shotline/shotline#readme',
    ]) {
      expect(externalLinkDecision(url), url).toBe('open');
    }
    for (const url of ['https://example.com/', 'https://runwayml.com.evil.example/', 'https://notrunwayml.com/'])
      expect(externalLinkDecision(url), url).toBe('ask');
    for (const url of ['http://runwayml.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'https://user:pw@runwayml.com/', 'ms-settings:']) {
      expect(externalLinkDecision(url), url).toBe('refuse');
    }
  });
});

describe('trustedEnv', () => {
  const env = { SHOTLINE_USER_DATA_DIR: '/tmp/x', SHOTLINE_RUNWAY_BASE_URL: 'https://proxy.example', SHOTLINE_POLL_INTERVAL_S: '1', RUNWAYML_API_SECRET: 'k' };
  it('drops the data folder and base URL overrides in a packaged build, keeps them for development', () => {
    expect(trustedEnv(env, true)).toEqual({ SHOTLINE_POLL_INTERVAL_S: '1', RUNWAYML_API_SECRET: 'k' });
    expect(trustedEnv(env, false)).toEqual(env);
    expect(trustedEnv({ ...env, SHOTLINE_DEVELOPER: '1' }, true)).toEqual({ ...env, SHOTLINE_DEVELOPER: '1' });
  });
});
