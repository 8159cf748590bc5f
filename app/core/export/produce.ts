// Makes each media file of the export (the `produceMedia` hook of resolveFolder.ts): takes are
// conformed to the timeline — or stream-copied when they already conform — with their planned
// start timecode and hold; placeholders are the first frame of the shot's local animatic (its
// start keyframe, first reference or title card, label burned in) held for the planned length.
// It also grabs each shot's storyboard frame from the file it just made, so the PDF shows
// exactly what the timeline does; a copied take shows its own frames, so its still is the one
// kept from the take (media/frameCache.ts).
import path from 'node:path';
import { getModel } from '../../../shared/catalog';
import type { ClipMedia } from '../../../shared/domain/cut';
import { compilePrompt } from '../../../shared/domain/prompt';
import { TIMELINE_FPS } from '../../../shared/domain/timecode';
import { conformClip } from '../media/conform';
import { cachedFrame, STORYBOARD_WIDTH } from '../media/frameCache';
import { extractFrame } from '../media/thumbnail';
import { animaticRenderer } from '../providers/local/animatic';
import type { GenerationRequest } from '../providers/types';
import type { ProduceMedia } from './resolveFolder';
import type { PreparedExport, Recipe } from './prepare';

export interface ProduceStats {
  copied: number;
  encoded: number;
}

export interface Producer {
  produce: ProduceMedia;
  /** Storyboard frame per shot id, in the work folder; filled as main clips are made. */
  storyboardFrames: Record<string, string>;
  stats: ProduceStats;
}

export function mediaProducer(prepared: PreparedExport, workDir: string, opts: { onFraction?: (media: ClipMedia, fraction: number) => void } = {}): Producer {
  const stats: ProduceStats = { copied: 0, encoded: 0 };
  const storyboardFrames: Record<string, string> = {};
  const renderer = animaticRenderer();
  const { spec } = prepared;

  async function storyboardFrame(shotId: string, file: string, frame: number, signal?: AbortSignal) {
    // Shot ids are hex (or plain test ids): safe as file names.
    const out = path.join(workDir, `storyboard-${shotId}.jpg`);
    await extractFrame(file, out, { atS: frame / TIMELINE_FPS, width: STORYBOARD_WIDTH, signal });
    storyboardFrames[shotId] = out;
  }

  const produce: ProduceMedia = async (media, dest, signal) => {
    const recipe = prepared.recipes.get(media.path);
    if (!recipe) throw new Error(`no recipe for ${media.path}`);
    const onProgress = (f: number) => opts.onFraction?.(media, f);
    if (recipe.kind === 'take') {
      const job = { src: recipe.src, dest, spec, frames: recipe.frames, holdFrames: recipe.hold, startTimecodeFrames: media.startTimecodeFrames };
      const mode = await conformClip(job, { probe: recipe.probe, signal, onProgress });
      stats[mode === 'copy' ? 'copied' : 'encoded'] += 1;
      if (recipe.storyboardAt === null) return;
      // A copy shows the take's own frames: its still is the one kept from the take.
      if (mode === 'copy')
        storyboardFrames[recipe.shotId] = await cachedFrame(
          prepared.projectFolder,
          { relPath: recipe.relPath, file: recipe.src },
          recipe.storyboardAt,
          STORYBOARD_WIDTH,
          signal,
        );
      else await storyboardFrame(recipe.shotId, dest, recipe.storyboardAt, signal);
      return;
    }
    const frame = path.join(workDir, `placeholder-${path.parse(media.fileName).name}.mp4`);
    await renderer.render(placeholderRequest(recipe), frame, { signal });
    // One drawn frame, held for the planned length: a still clip of exactly that many frames.
    await conformClip(
      { src: frame, dest, spec, frames: 1, holdFrames: recipe.frames - 1, startTimecodeFrames: media.startTimecodeFrames },
      { signal, onProgress },
    );
    stats.encoded += 1;
    await storyboardFrame(recipe.shotId, frame, 0, signal);
  };
  return { produce, storyboardFrames, stats };
}

/** What the local animatic renderer needs to draw one frame of the shot at the timeline's size. */
function placeholderRequest(recipe: Extract<Recipe, { kind: 'placeholder' }>): GenerationRequest {
  const { shot, still } = recipe;
  // The local renderer reads only the path; the size is for remote APIs.
  const image = still && { path: still.path, mime: still.mime, width: 0, height: 0 };
  return {
    jobId: `export-${shot.id}`,
    externalId: `export-${shot.id}`,
    tool: 'local:animatic',
    model: getModel('local:animatic')!,
    prompt: compilePrompt(shot, 'local:animatic'),
    durationS: 1 / TIMELINE_FPS,
    aspectRatio: recipe.aspectRatio,
    // timelineSize() is the animatic's 1080p table: the frame is drawn at the timeline's size.
    resolution: '1080p',
    seed: null,
    startFrame: image,
    endFrame: null,
    references: [],
    shot: { label: shot.label, action: shot.action, prompt: shot.prompt, durationS: recipe.frames / TIMELINE_FPS, aspectRatio: recipe.aspectRatio },
  };
}
