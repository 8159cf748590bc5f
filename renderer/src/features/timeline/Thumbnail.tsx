// The frame slot of a shot card: the take's frame or the start keyframe when there is one, else
// placeholder art (an empty frame in the project's ratio with thirds and a glyph of the camera
// move), so a board of cards reads at a glance either way. The shot label sits in the corner.
import type { CameraMove } from '../../../../shared/domain/types';
import { CAMERA_LABELS } from '../../lib/labels';
import type { CardImage } from './useCardImage';

const GLYPHS: Record<CameraMove, string> = {
  static: 'M-4 0a4 4 0 1 0 8 0a4 4 0 1 0-8 0M0 0h.01',
  push_in: 'M-9-6l4 3M9-6l-4 3M-9 6l4-3M9 6l-4-3M-5-3h0M5 3h0',
  pull_out: 'M-5-3l-4-3M5-3l4-3M-5 3l-4 3M5 3l4 3',
  pan_left: 'M8 0H-8M-4-4l-4 4 4 4',
  pan_right: 'M-8 0H8M4-4l4 4-4 4',
  tilt_up: 'M0 7V-7M-4-3l4-4 4 4',
  tilt_down: 'M0-7V7M-4 3l4 4 4-4',
  orbit: 'M-9 0a9 4 0 1 0 9-4M0-4l-3-2M0-4l-3 2',
  tracking: 'M-9-3H7M3-6l4 3-4 3M-9 4H7',
  crane: 'M-8 6C-6-2 2-6 8-6M4-9l4 3-4 3',
  handheld: 'M-9 0c2-3 4 3 6 0s4 3 6 0 4 3 6 0',
};

interface Props {
  ratio: number;
  label: string;
  camera: CameraMove;
  height: number;
  maxWidth: number;
  image?: CardImage | null;
}

export function Thumbnail({ ratio, label, camera, height, maxWidth, image }: Props) {
  let w = height * ratio;
  let h = height;
  if (w > maxWidth) {
    w = maxWidth;
    h = maxWidth / ratio;
  }
  return (
    <div
      className={`thumb${image ? ' has-image' : ''}`}
      style={{ width: Math.floor(w), height: Math.floor(h) }}
      title={`${CAMERA_LABELS[camera]} · ${image ? image.what : 'no take yet'}`}
    >
      {image ? (
        <img className="thumb-img" src={image.src} alt={`${label}, ${image.what}`} draggable={false} />
      ) : (
        <>
          <svg className="thumb-art" viewBox="-24 -13.5 48 27" preserveAspectRatio="none" aria-hidden="true">
            <path className="thumb-thirds" d="M-8-13.5v27M8-13.5v27M-24-4.5h48M-24 4.5h48" vectorEffect="non-scaling-stroke" />
          </svg>
          <svg className="thumb-glyph" viewBox="-12 -12 24 24" aria-hidden="true">
            <path d={GLYPHS[camera]} vectorEffect="non-scaling-stroke" />
          </svg>
        </>
      )}
      <span className="thumb-label" aria-hidden="true">
        {label}
      </span>
    </div>
  );
}
