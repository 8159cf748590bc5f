// A job's request is frozen when it is queued (the shot's words, timing and images as they
// were), so later edits never change what a queued take becomes, and the take's provenance is
// what was actually sent. The compiled prompt is derived per tool, so a fallback switch
// recompiles it for the new model.
import { projectMediaPath } from '../media/projectPath';
import { getModel } from '../../../shared/catalog';
import { compilePrompt, type CompiledPrompt } from '../../../shared/domain/prompt';
import { linesFromText, type DialogueLine } from '../../../shared/domain/dialogue';
import type { ShotListFields } from '../../../shared/domain/shotList';
import type { AspectRatio, PromptParts, Shot, ToolId } from '../../../shared/domain/types';
import { validateFrame, validateShot, type ShotIssue } from '../../../shared/domain/validation';
import type { JobRow, ShotImageRow } from '../db/repos/jobsRepo';
import { UserError } from '../errors';
import type { GenerationRequest, ImageInput } from '../providers/types';

interface ImageRef {
  relPath: string;
  mime: ImageInput['mime'];
  width: number;
  height: number;
  tag: string | null;
}

export interface RequestSnapshot {
  shot: {
    label: string;
    action: string;
    prompt: PromptParts;
    durationS: number;
    aspectRatio: AspectRatio;
    resolution: string;
    dialogue: DialogueLine[];
    /** Framing the prompt names; absent in requests queued before shots had it. */
    list?: Pick<ShotListFields, 'size' | 'angle'>;
    /** Whether the take was asked to come with its own sound; absent in requests queued before shots had it. */
    askSound?: boolean;
  };
  startFrame: ImageRef | null;
  endFrame: ImageRef | null;
  references: ImageRef[];
}

/** A job's stored request; those queued before dialogue had lines carry it as text. */
export function readSnapshot(json: string): RequestSnapshot {
  const snap = JSON.parse(json) as RequestSnapshot & { shot: { dialogue: DialogueLine[] | string } };
  const { dialogue } = snap.shot;
  return typeof dialogue === 'string' ? { ...snap, shot: { ...snap.shot, dialogue: linesFromText(dialogue) } } : snap;
}

/**
 * Tasks that likely run at one pace at the provider: one model, at the same step, making the same
 * length at the same size. Requests that are not a shot's (a line to speak) go by model and step.
 */
export function likeTasks(job: Pick<JobRow, 'tool' | 'step' | 'request_json'>): string {
  const shot = (JSON.parse(job.request_json) as { shot?: Partial<RequestSnapshot['shot']> } | null)?.shot;
  return [job.tool, job.step, shot?.durationS, shot?.resolution].join(' ');
}

const MIMES = new Set<string>(['image/jpeg', 'image/png', 'image/webp']);

function imageRef(r: ShotImageRow): ImageRef {
  const mime = MIMES.has(r.mime) ? (r.mime as ImageRef['mime']) : 'image/png';
  return { relPath: r.rel_path, mime, width: r.width, height: r.height, tag: r.tag };
}

export function snapshotRequest(shot: Shot, images: ShotImageRow[]): RequestSnapshot {
  const start = images.find((i) => i.role === 'start');
  const end = images.find((i) => i.role === 'end');
  return {
    shot: {
      label: shot.label,
      action: shot.action,
      prompt: shot.prompt,
      durationS: shot.durationS,
      aspectRatio: shot.aspectRatio,
      resolution: shot.resolution,
      dialogue: shot.dialogue,
      list: { size: shot.list.size, angle: shot.list.angle },
      askSound: shot.askSound,
    },
    startFrame: start ? imageRef(start) : null,
    endFrame: end ? imageRef(end) : null,
    references: images.filter((i) => i.role === 'ref').map(imageRef),
  };
}

type ImageLike = Omit<ImageRef, 'tag'> & { tag?: string | null };

/** A request's images (frozen in a snapshot, or just made for sending) in the shape validation and snapshots read. */
export function imageRows(images: { startFrame: ImageLike | null; endFrame: ImageLike | null; references: ImageLike[] }): ShotImageRow[] {
  const row = (role: ShotImageRow['role'], r: ImageLike, slot = 0): ShotImageRow => ({
    role,
    slot,
    rel_path: r.relPath,
    mime: r.mime,
    width: r.width,
    height: r.height,
    tag: r.tag ?? null,
  });
  return [
    ...(images.startFrame ? [row('start', images.startFrame)] : []),
    ...(images.endFrame ? [row('end', images.endFrame)] : []),
    ...images.references.map((r, i) => row('ref', r, i)),
  ];
}

/** Refuses a shot the tool cannot make, with the validator's words (they say how to fix it). */
export function checkShotForTool(shot: Shot, tool: ToolId, images: ShotImageRow[]): void {
  const refs = images.filter((i) => i.role === 'ref');
  refuseOnError(
    shot,
    tool,
    validateShot(
      { ...shot, tool },
      { refCount: refs.length, hasStartKeyframe: images.some((i) => i.role === 'start'), hasEndKeyframe: images.some((i) => i.role === 'end') },
    ),
  );
}

/** The same for a storyboard frame on an image model. */
export function checkFrameForTool(shot: Shot, tool: ToolId, images: ShotImageRow[]): void {
  refuseOnError(shot, tool, validateFrame(shot, tool, images.filter((i) => i.role === 'ref').length));
}

function refuseOnError(shot: Shot, tool: ToolId, issues: ShotIssue[]): void {
  const problem = issues.find((i) => i.severity === 'error');
  if (problem) throw new UserError(`Shot ${shot.label} cannot be generated with ${getModel(tool)?.name ?? tool}: ${problem.message}`);
}

export function compiledFor(snap: RequestSnapshot, tool: ToolId): CompiledPrompt {
  return compilePrompt(snap.shot, tool);
}

/** The adapter's view of a queued job: catalog model, compiled prompt, absolute image paths. */
export function generationRequest(
  job: { id: string; external_id: string; tool: ToolId; seed: number | null },
  snap: RequestSnapshot,
  projectFolder: string,
): GenerationRequest {
  const model = getModel(job.tool);
  if (!model) throw new UserError(`"${job.tool}" is no longer in the catalog; retry the take with another tool.`);
  const image = (ref: ImageRef | null): ImageInput | null =>
    ref && {
      path: projectMediaPath(projectFolder, ref.relPath, `An image sent with shot ${snap.shot.label}`),
      mime: ref.mime,
      width: ref.width,
      height: ref.height,
      ...(ref.tag ? { tag: ref.tag } : {}),
    };
  return {
    jobId: job.id,
    externalId: job.external_id,
    tool: job.tool,
    model,
    prompt: compiledFor(snap, job.tool),
    durationS: snap.shot.durationS,
    aspectRatio: snap.shot.aspectRatio,
    resolution: snap.shot.resolution || model.defaultResolution,
    seed: job.seed,
    startFrame: image(snap.startFrame),
    endFrame: image(snap.endFrame),
    references: snap.references.map((r) => image(r)!),
    askSound: snap.shot.askSound ?? false,
    shot: { label: snap.shot.label, action: snap.shot.action, prompt: snap.shot.prompt, durationS: snap.shot.durationS, aspectRatio: snap.shot.aspectRatio },
  };
}
