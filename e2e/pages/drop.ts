import type { Locator } from '@playwright/test';

export interface PageFile {
  name: string;
  b64: string;
  type: string;
}

/** Drops files made in the page from bytes, as a desktop drag would (devhost: no paths, so bytes travel). */
export async function dropFiles(target: Locator, files: PageFile[]) {
  await target.evaluate((el, list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
    el.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
    el.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    el.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
}
