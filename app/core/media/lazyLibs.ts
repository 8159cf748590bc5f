// sharp and pdfkit take about a quarter of a second to load. Most CLI commands (list, cost, jobs)
// touch neither, so they are loaded on first use, once, rather than when the process starts.
import type Sharp from 'sharp';

let sharp: Promise<typeof Sharp> | null = null;

/** sharp, with its file cache off: the library and export read each file once, and a cached handle keeps it open on Windows. */
export function loadSharp(): Promise<typeof Sharp> {
  return (sharp ??= import('sharp').then((m) => {
    m.default.cache({ files: 0 });
    return m.default;
  }));
}

export async function loadPdfKit() {
  return (await import('pdfkit')).default;
}
