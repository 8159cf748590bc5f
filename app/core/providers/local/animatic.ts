// The local animatic provider (`local:animatic`): one ffmpeg run turns the shot's start
// keyframe (else its first reference, else a title card) into a clip with the shot's camera
// move, at its exact length, ratio and 24 fps, H.264 yuv420p, with the shot label burned in.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CameraMove } from '../../../../shared/domain/types';
import { runFfmpeg } from '../../media/ffmpeg';
import type { GenerationRequest, LocalRenderer } from '../types';
import { findFont, NO_FONT_NOTE } from './fonts';
import { MOVE_NAMES, moveExpr } from './moves';
import { ANIMATIC_FPS, animaticSize, frameCount } from './sizes';

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

const CARD_COLOR = '0x1f2430';
const TEXT_FILES = { label: 'label.txt', title: 'title.txt', action: 'action.txt' } as const;
const FONT_FILE = 'font.ttf';
/** Action text size as a share of the card's shorter side. */
const ACTION_EM = 1 / 22;

function drawtext(file: string, opts: string): string {
  // expansion=none: a "%" in the user's text is printed, not read as a drawtext function.
  return `drawtext=fontfile=${FONT_FILE}:textfile=${file}:expansion=none:${opts}`;
}

/** The ffmpeg arguments for a plan; pure, so tests can read them. */
export function animaticArgs(plan: AnimaticPlan): string[] {
  const { width: w, height: h, frames } = plan;
  // Oversample the still 2×: zoompan moves its window in whole input pixels, so a finer
  // grid halves the stair-stepping of slow moves.
  const cw = w * 2;
  const ch = h * 2;
  const input = plan.image ? ['-i', plan.image] : ['-f', 'lavfi', '-i', `color=c=${CARD_COLOR}:s=${cw}x${ch}:r=1:d=1`];
  const source: string[] = plan.image
    ? ['trim=end_frame=1', `scale=${cw}:${ch}:force_original_aspect_ratio=increase`, `crop=${cw}:${ch}`, 'setsar=1']
    : [`drawgrid=w=iw/12:h=ih/12:t=2:c=white@0.06`];
  if (!plan.image && plan.font) {
    const titleSize = Math.round(Math.min(cw, ch) / 7);
    const actionSize = Math.round(Math.min(cw, ch) * ACTION_EM);
    source.push(
      drawtext(TEXT_FILES.title, `fontsize=${titleSize}:fontcolor=white:x=(w-tw)/2:y=h*0.22`),
      drawtext(
        TEXT_FILES.action,
        `fontsize=${actionSize}:fontcolor=white@0.85:line_spacing=${Math.round(actionSize * 0.45)}:x=(w-tw)/2:y=h*0.22+${Math.round(titleSize * 1.5)}`,
      ),
    );
  }
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

/** Breaks `text` into at most `maxLines` lines of about `perLine` characters, on spaces. */
export function wrapText(text: string, perLine: number, maxLines: number): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const piece = word.length > perLine ? `${word.slice(0, perLine - 1)}…` : word;
    if (line && line.length + 1 + piece.length > perLine) {
      lines.push(line);
      line = piece;
    } else {
      line = line ? `${line} ${piece}` : piece;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    lines.length = maxLines;
    const last = lines[maxLines - 1]!;
    lines[maxLines - 1] = `${last.length < perLine ? last : last.slice(0, -1)}…`;
  }
  return lines.join('\n');
}

function linkFont(font: string, dest: string) {
  try {
    fs.symlinkSync(font, dest);
  } catch {
    fs.copyFileSync(font, dest);
  }
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
      const work = fs.mkdtempSync(path.join(os.tmpdir(), 'shotline-animatic-'));
      try {
        if (font) {
          linkFont(font, path.join(work, FONT_FILE));
          const write = (name: string, text: string) => fs.writeFileSync(path.join(work, name), text || ' ');
          write(TEXT_FILES.label, `${req.shot.label}  ·  ${MOVE_NAMES[move]}`);
          write(TEXT_FILES.title, req.shot.label);
          const action = req.shot.action.trim() || req.shot.prompt.subject.trim() || 'No action written yet';
          // About 0.55 em per character over the middle 55 % of the card, which stays in view
          // through every move (a 1.3× push in still shows the middle 77 %).
          const perLine = Math.max(12, Math.floor((width * 2 * 0.55) / (ACTION_EM * Math.min(width, height) * 2 * 0.55)));
          write(TEXT_FILES.action, wrapText(action, perLine, 6));
        }
        const plan: AnimaticPlan = { width, height, frames, move, image, font: !!font, dest };
        await runFfmpeg(animaticArgs(plan), { cwd: work, signal, onProgress, durationS: frames / ANIMATIC_FPS });
      } finally {
        fs.rmSync(work, { recursive: true, force: true });
      }
      return { notes };
    },
  };
}
