// Display names for domain enums and providers. Data (prices, limits) stays in the catalog;
// these are only how the UI says things.
import type { AspectRatio, CameraMove, ProviderId, ShotStatus } from '../../../shared/domain/types';

export const CAMERA_LABELS: Record<CameraMove, string> = {
  static: 'Static',
  push_in: 'Push in',
  pull_out: 'Pull out',
  pan_left: 'Pan left',
  pan_right: 'Pan right',
  tilt_up: 'Tilt up',
  tilt_down: 'Tilt down',
  orbit: 'Orbit',
  tracking: 'Tracking',
  crane: 'Crane',
  handheld: 'Handheld',
};

export const STATUS_LABELS: Record<ShotStatus, string> = {
  planned: 'Planned',
  generating: 'Generating',
  has_takes: 'Has takes',
  approved: 'Approved',
};

export const PROVIDER_LABELS: Record<ProviderId, string> = {
  runway: 'Runway',
  kling: 'Kling',
  veo: 'Veo',
  luma: 'Luma',
  minimax: 'Hailuo',
  elevenlabs: 'ElevenLabs',
  local: 'Local',
};

export function providerLabel(provider: string): string {
  return (PROVIDER_LABELS as Record<string, string>)[provider] ?? provider;
}

/** Width / height of a ratio such as "16:9". */
export function ratioValue(ratio: AspectRatio | string): number {
  const [w, h] = ratio.split(':').map(Number);
  return w && h ? w / h : 16 / 9;
}

/**
 * A path for a box that cuts long text from the left (CSS `direction: rtl`): a left-to-right mark
 * first, so the bidi algorithm keeps a leading "/" or "C:\" at the start instead of moving it to the end.
 */
export function pathForRtlBox(path: string): string {
  return `\u200E${path}\u200E`;
}
