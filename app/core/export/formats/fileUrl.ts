// The media URL every timeline file carries (docs/resolve.md, Media URLs): "file://" + the absolute path with
// every byte outside [A-Za-z0-9-._~/:] percent-encoded as UTF-8; Windows paths become
// file:///C:/… with forward slashes. Absolute, because Resolve's handling of relative URLs is
// unconfirmed; the README explains the relink after the folder moves.
const KEEP = /[A-Za-z0-9\-._~/:]/;

export function fileUrl(absolutePath: string): string {
  let p = absolutePath.replace(/\\/g, '/');
  if (/^[A-Za-z]:\//.test(p)) p = `/${p}`;
  if (!p.startsWith('/')) throw new Error(`A media path must be absolute: ${absolutePath}`);
  let out = '';
  for (const byte of new TextEncoder().encode(p)) {
    const ch = String.fromCharCode(byte);
    out += byte < 0x80 && KEEP.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return `file://${out}`;
}

/** The decoded last path segment of a URL or path: the media file name. */
export function urlFileName(urlOrPath: string): string {
  const last = urlOrPath.replace(/\\/g, '/').split('/').pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
