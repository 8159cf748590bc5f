// The app's CSP lets media play from blob: URLs, not data: ones (index.html, app/electron/policy.ts),
// so a sample the core sends as a data: URL is turned into a Blob before it reaches an <audio>.

/** The bytes and type of a base64 data: URL; throws on anything else. */
export function dataUrlToBlob(dataUrl: string): Blob {
  const m = /^data:([^;,]+);base64,(.*)$/s.exec(dataUrl);
  if (!m) throw new Error('The sample did not come as a base64 data: URL.');
  const binary = atob(m[2]!);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: m[1] });
}
