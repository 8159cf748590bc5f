// The local animatic provider (`local:animatic`): one ffmpeg run turns the shot's start
// keyframe (else its first reference, else a title card) into a clip with the shot's camera
// move, at its exact length, ratio and 24 fps, H.264 yuv420p, with the shot label burned in.
import fs from 'node:fs';
import type { CameraMove } from '../../../../shared/domain/types';
import { runFfmpeg } from '../../media/ffmpeg';
import type { GenerationRequest, LocalRenderer } from '../types';
import { cardFilters, cardInput, coverFilters, drawtext, TEXT_FILES, withCardFolder } from './card';
import { findFont, NO_FONT_NOTE } from './fonts';
import { MOVE_NAMES, moveExpr } from './moves';
import { ANIMATIC_FPS, animaticSize, frameCount } from './sizes';

// The card's text wrapping, for the cut's own animatic (app/core/cut), which draws clip titles.
export { wrapText } from './card';

export interface AnimaticPlan {
  width: number;
  height: number;
  frames: number;
  move: CameraMove;
  /** The still to move over; null draws a title card. */
  image: string | null;
  /** Text files and the font are passed by these names relative to ffmpeg's cwd (no escaping). */
  font: boolean;
  dest: string;
}

/** The ffmpeg arguments for a plan; pure, so tests can read them. */
export function animaticArgs(plan: AnimaticPlan): string[] {
  const { width: w, height: h, frames } = plan;
  // Oversample the still 2×: zoompan moves its window in whole input pixels, so a finer
  // grid halves the stair-stepping of slow moves.
  const cw = w * 2;
  const ch = h * 2;
  const input = plan.image ? ['-i', plan.image] : cardInput(cw, ch);
  const source = plan.image ? coverFilters(cw, ch) : cardFilters(cw, ch, plan.font);
  const m = moveExpr(plan.move, frames);
  const chain = [...source, `zoompan=z='${m.z}':x='${m.x}':y='${m.y}':d=${frames}:s=${w}x${h}:fps=${ANIMATIC_FPS}`];
  if (plan.font) {
    const size = Math.round(h / 24);
    const pad = Math.round(h / 36);
    chain.push(
      drawtext(TEXT_FILES.label, `fontsize=${size}:fontcolor=white:box=1:boxcolor=black@0.55:boxborderw=${Math.round(size / 3)}:x=${pad}:y=h-th-${pad}`),
    );
  }
  chain.push('format=yuv420p');
  return [
    ...input,
    '-filter_complex',
    `[0:v]${chain.join(',')}[v]`,
    '-map',
    '[v]',
    '-frames:v',
    String(frames),
    '-r',
    String(ANIMATIC_FPS),
    // ultrafast: an animatic is a timing draft; speed matters more than bytes.
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-crf',
    '20',
    '-pix_fmt',
    'yuv420p',
    '-movflags',
    '+faststart',
    '-an',
    '-f',
    'mp4',
    '-y',
    plan.dest,
  ];
}

export function animaticRenderer(opts: { env?: Record<string, string | undefined> } = {}): LocalRenderer {
  return {
    provider: 'local',
    async render(req: GenerationRequest, dest: string, { onProgress, signal }) {
      const notes: string[] = [];
      const { width, height } = animaticSize(req.aspectRatio, req.resolution);
      const frames = frameCount(req.durationS);
      const move = req.shot.prompt.camera;
      const image = (req.startFrame ?? req.references[0] ?? null)?.path ?? null;
      if (image && !fs.existsSync(image)) throw new Error(`The image for shot ${req.shot.label} is missing from the project: ${image}`);
      const font = await findFont(opts.env);
      if (!font) notes.push(NO_FONT_NOTE);
      const label = `${req.shot.label}  ·  ${MOVE_NAMES[move]}`;
      await withCardFolder(req, { width, height, font, label }, async (work) => {
        const plan: AnimaticPlan = { width, height, frames, move, image, font: !!font, dest };
        await runFfmpeg(animaticArgs(plan), { cwd: work, signal, onProgress, durationS: frames / ANIMATIC_FPS });
      });
      return { notes };
    },
  };
}
