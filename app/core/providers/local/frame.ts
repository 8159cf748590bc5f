// The local frame tool (`local:frame`): a storyboard still for the shot, free and offline. One
// ffmpeg run writes a PNG at the shot's ratio and delivery size: the first reference cropped to
// cover it, else the title card the animatic draws. Nothing is burned into a reference frame,
// since the frame can become the start keyframe a video model animates.
import fs from 'node:fs';
import { runFfmpeg } from '../../media/ffmpeg';
import type { GenerationRequest, LocalRenderer } from '../types';
import { cardFilters, cardInput, coverFilters, withCardFolder } from './card';
import { findFont, NO_FONT_FRAME_NOTE } from './fonts';
import { frameSize } from './sizes';

export interface FramePlan {
  width: number;
  height: number;
  /** The reference to crop; null draws a title card. */
  image: string | null;
  /** The card's text is drawn (a font was found and linked into ffmpeg's cwd). */
  font: boolean;
  dest: string;
}

/** The ffmpeg arguments for a plan; pure, so tests can read them. */
export function frameArgs(plan: FramePlan): string[] {
  const { width: w, height: h } = plan;
  const input = plan.image ? ['-i', plan.image] : cardInput(w, h);
  const chain = [...(plan.image ? coverFilters(w, h) : cardFilters(w, h, plan.font)), 'format=rgb24'];
  return [
    ...input,
    '-filter_complex',
    `[0:v]${chain.join(',')}[v]`,
    '-map',
    '[v]',
    '-frames:v',
    '1',
    '-update',
    '1',
    '-c:v',
    'png',
    '-f',
    'image2',
    '-y',
    plan.dest,
  ];
}

export function frameRenderer(opts: { env?: Record<string, string | undefined> } = {}): LocalRenderer {
  return {
    provider: 'local',
    async render(req: GenerationRequest, dest: string, { onProgress, signal }) {
      const notes: string[] = [];
      const { width, height } = frameSize(req.aspectRatio);
      const image = req.references[0]?.path ?? null;
      if (image && !fs.existsSync(image)) throw new Error(`The reference image for shot ${req.shot.label} is missing from the project: ${image}`);
      // Only a card has text; a frame from a reference needs no font.
      const font = image ? null : await findFont(opts.env);
      if (!image && !font) notes.push(NO_FONT_FRAME_NOTE);
      await withCardFolder(req, { width, height, font, label: req.shot.label }, async (work) => {
        await runFfmpeg(frameArgs({ width, height, image, font: !!font, dest }), { cwd: work, signal });
      });
      onProgress?.(1);
      return { notes };
    },
  };
}
