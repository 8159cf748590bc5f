// Drag payloads inside the app: a library item (onto a slot or keyframe) and a filled slot
// (reordering). Files from the desktop arrive as the browser's own "Files" type.
export const ITEM_TYPE = 'application/x-shotline-item';
export const SLOT_TYPE = 'application/x-shotline-slot';

export function carries(dt: DataTransfer | null, type: string): boolean {
  return !!dt && [...dt.types].includes(type);
}
