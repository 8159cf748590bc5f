// Camera moves as zoompan expressions. zoompan crops a window of size iw/zoom × ih/zoom at
// (x, y) from the (2× oversized) still and scales it to the output, once per output frame
// `on`; moving that window over time is the camera move. Pure, so it is unit-tested.
import type { CameraMove } from '../../../../shared/domain/types';

export interface MoveExpr {
  z: string;
  x: string;
  y: string;
}

const CX = '(iw-iw/zoom)/2';
const CY = '(ih-ih/zoom)/2';
const MAXX = '(iw-iw/zoom)';
const MAXY = '(ih-ih/zoom)';

/** zoompan expressions for `move` over `frames` output frames. */
export function moveExpr(move: CameraMove, frames: number): MoveExpr {
  // p runs 0 → 1 over the clip; e eases it in and out the way a dolly or a pan head moves.
  const p = frames > 1 ? `min(on/${frames - 1},1)` : '0';
  const e = `(${p})*(${p})*(3-2*(${p}))`;
  switch (move) {
    case 'static':
      return { z: '1', x: CX, y: CY };
    case 'push_in':
      return { z: `1+0.3*${e}`, x: CX, y: CY };
    case 'pull_out':
      return { z: `1.3-0.3*${e}`, x: CX, y: CY };
    case 'pan_left':
      // The camera turns left, so the frame travels from the right side of the still to the left.
      return { z: '1.25', x: `${MAXX}*(1-${e})`, y: CY };
    case 'pan_right':
      return { z: '1.25', x: `${MAXX}*${e}`, y: CY };
    case 'tilt_up':
      return { z: '1.25', x: CX, y: `${MAXY}*(1-${e})` };
    case 'tilt_down':
      return { z: '1.25', x: CX, y: `${MAXY}*${e}` };
    case 'orbit':
      // Orbit-ish: a lateral drift with a breath of zoom and a little rise, as the view wheels.
      return { z: `1.2+0.06*sin(PI*${p})`, x: `${MAXX}*(0.15+0.7*${e})`, y: `${MAXY}*(0.5-0.15*sin(PI*${p}))` };
    case 'tracking':
      // A track keeps pace with its subject: constant speed, a faint step bob.
      return { z: '1.2', x: `${MAXX}*(0.1+0.8*${p})`, y: `${CY}+ih*0.004*sin(on*0.5)` };
    case 'crane':
      return { z: `1.3-0.15*${e}`, x: CX, y: `${MAXY}*(1-${e})` };
    case 'handheld':
      // Small shake from sines at unrelated rates: looks random, renders the same every time.
      return {
        z: '1.08',
        x: `${CX}+iw*0.008*(sin(on*0.41)+0.6*sin(on*1.37+1.1))`,
        y: `${CY}+ih*0.008*(sin(on*0.53+0.7)+0.6*sin(on*1.71))`,
      };
  }
}

export const MOVE_NAMES: Record<CameraMove, string> = {
  static: 'static',
  push_in: 'push in',
  pull_out: 'pull out',
  pan_left: 'pan left',
  pan_right: 'pan right',
  tilt_up: 'tilt up',
  tilt_down: 'tilt down',
  orbit: 'orbit',
  tracking: 'tracking',
  crane: 'crane up',
  handheld: 'handheld',
};
