// What a board panel shows: the circled frame, else the circled video take's thumbnail, else
// nothing ("No frame yet"). Pure, so the rule is tested apart from React.
import type { ShotTakes, TakeChip } from '../../../../shared/domain/takes';

export interface PanelImage {
  relPath: string;
  /** Said in the image's alt text and tooltip. */
  what: string;
  kind: 'frame' | 'take';
}

export function panelImage(strip: ShotTakes | undefined): PanelImage | null {
  if (!strip) return null;
  const frame = strip.selectedFrameId ? strip.frames.find((f) => f.id === strip.selectedFrameId) : undefined;
  if (frame?.thumbRelPath) return { relPath: frame.thumbRelPath, what: `frame ${frame.number} (circled)`, kind: 'frame' };
  const take = strip.selectedTakeId ? strip.takes.find((t) => t.id === strip.selectedTakeId) : undefined;
  if (take?.thumbRelPath) return { relPath: take.thumbRelPath, what: `take ${take.number} (circled)`, kind: 'take' };
  return null;
}

/** The frames a panel's strip offers: not rejected, oldest first. */
export function stripFrames(strip: ShotTakes | undefined): TakeChip[] {
  return (strip?.frames ?? []).filter((f) => !f.rejected);
}
