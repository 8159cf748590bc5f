// Keyframes from another shot's take: the continuity move (the last frame of the previous shot
// as this shot's start). Takes arrive with the generation work; until a shot has one, asking
// for its frame says so plainly.
import fs from 'node:fs';
import type { Shot } from '../../../shared/domain/types';
import { UserError } from '../errors';
import { runFfmpeg } from '../media/ffmpeg';
import { mediaTempPath } from '../media/store';
import { takeFile, type TakesProject } from '../takes/queries';
import { circledOrNewest } from '../takes/review';

export interface TakeVideo {
  /** Absolute path of the take's video file. */
  path: string;
}

/** Finds the take a frame is taken from: the shot's selected take, else its newest. */
export type TakeLookup = (shot: Shot) => TakeVideo | null;

/** The take lookup for an open project: the take the cut plays (circled, else newest not rejected). */
export function takeLookup(project: TakesProject): TakeLookup {
  return (shot) => {
    const id = circledOrNewest(project, shot.id);
    const take = id ? project.takes.get(id) : undefined;
    return take ? { path: takeFile(project, take) } : null;
  };
}

export type FrameWhich = 'first' | 'last';

/** "shot:1B:last" → { label: "1B", frame: "last" }; null when `spec` is not that form. */
export function parseTakeSpec(spec: string): { label: string; frame: FrameWhich } | null {
  const m = /^shot:([^:]+)(?::(first|last))?$/i.exec(spec.trim());
  if (!m) return null;
  return { label: m[1]!, frame: (m[2]?.toLowerCase() as FrameWhich | undefined) ?? 'last' };
}

export function takeFrameSource(label: string, frame: FrameWhich): string {
  return `shot ${label}, ${frame} frame`;
}

/**
 * Writes the first or last frame of the shot's take as a PNG in media/.tmp and returns its
 * path; the caller imports it and deletes it.
 */
export async function extractTakeFrame(projectFolder: string, shot: Shot, frame: FrameWhich, lookup: TakeLookup): Promise<string> {
  const take = lookup(shot);
  if (!take) throw new UserError(`shot ${shot.label} has no take yet. Generate it first, or use an image file or a @tag.`);
  if (!fs.existsSync(take.path)) throw new UserError(`The take of shot ${shot.label} is missing from the project's media folder (${take.path}).`);
  const dest = mediaTempPath(projectFolder, '.png');
  // The last frame: decode the final half second and keep overwriting one image.
  const args = frame === 'last' ? ['-sseof', '-0.5', '-i', take.path, '-update', '1'] : ['-i', take.path, '-frames:v', '1'];
  try {
    await runFfmpeg([...args, '-f', 'image2', '-y', dest]);
  } catch (err) {
    fs.rmSync(dest, { force: true });
    throw err;
  }
  if (!fs.existsSync(dest) || fs.statSync(dest).size === 0) {
    fs.rmSync(dest, { force: true });
    throw new UserError(`No frame could be read from the take of shot ${shot.label}; the video may be damaged.`);
  }
  return dest;
}
