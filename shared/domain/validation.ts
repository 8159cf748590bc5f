// Checks a shot against the model it is set to use. Errors block generation only, never
// editing; warnings say what the app will do on the user's behalf. Every message names the
// problem and a way out, reading limits from the catalog.
import {
  defaultTier,
  describeDurations,
  describeList,
  durationsAt,
  formatSeconds,
  getModel,
  lastFrameAt,
  modelsFor,
  nearestDuration,
  tierFor,
  videoModels,
  type ModelSpec,
  type ResolutionTier,
} from '../catalog';
import { compilePrompt, negativeNote, truncationNote } from './prompt';
import { shotTags } from './tags';
import type { Shot } from './types';

export interface ShotIssue {
  field: 'durationS' | 'aspectRatio' | 'resolution' | 'tool' | 'prompt.negative' | 'prompt' | 'keyframes' | 'refs' | 'action';
  severity: 'error' | 'warning';
  message: string;
  /** For "@tag is not in the library": the tag, so a field still being typed in can hold the warning back. */
  unknownTag?: string;
}

export interface ValidateOptions {
  refCount?: number;
  hasStartKeyframe?: boolean;
  hasEndKeyframe?: boolean;
  /** Tags of the filled reference slots in order (null for a loose image); omit to skip tag checks. */
  refTags?: readonly (string | null)[];
  /** Every tag in the library, to tell a misspelt @tag from one that is only missing a slot. */
  knownTags?: readonly string[];
}

interface Context {
  shot: Shot;
  spec: ModelSpec;
  tier: ResolutionTier;
  refs: number;
  start: boolean;
  end: boolean;
}

const error = (field: ShotIssue['field'], message: string): ShotIssue => ({ field, severity: 'error', message });
const warning = (field: ShotIssue['field'], message: string): ShotIssue => ({ field, severity: 'warning', message });

export function validateShot(shot: Shot, opts: ValidateOptions = {}): ShotIssue[] {
  const spec = getModel(shot.tool);
  if (!spec) return [error('tool', `"${shot.tool}" is not a model Shotline knows. Pick a tool from the list.`)];
  if (spec.output !== 'video') {
    const message = `${spec.name} makes still frames, not shots. Pick a video model: it makes start frames for them by itself.`;
    return [error('tool', message)];
  }
  const tier = tierFor(spec, shot.resolution);
  const ctx: Context = {
    shot,
    spec,
    tier: tier ?? defaultTier(spec),
    refs: opts.refCount ?? 0,
    start: opts.hasStartKeyframe ?? false,
    end: opts.hasEndKeyframe ?? false,
  };
  const issues: ShotIssue[] = [];
  if (!tier) {
    issues.push(
      error(
        'resolution',
        `${spec.name} makes ${describeList(spec.resolutions)}; this shot asks for ${shot.resolution}. Pick one of those, or clear it to use ${spec.defaultResolution}.`,
      ),
    );
  }
  return [
    ...issues,
    ...checkDuration(ctx),
    ...checkRatio(ctx),
    ...checkKeyframes(ctx),
    ...checkSound(ctx),
    ...checkRefs(ctx),
    ...checkPrompt(ctx),
    ...(opts.refTags ? checkTags(shot, spec, opts.refTags, opts.knownTags) : []),
  ];
}

/**
 * What stops `tool` making a storyboard frame of the shot: the ratio, the references and the
 * prompt as an image model reads them (a frame has no duration, camera move or keyframes).
 */
export function validateFrame(shot: Shot, tool: string, refCount: number): ShotIssue[] {
  const spec = getModel(tool);
  if (!spec) return [error('tool', `"${tool}" is not a model Shotline knows. Pick a frame tool from the list.`)];
  if (spec.output !== 'image') return [error('tool', `${spec.name} makes video, not still frames. Pick an image model for frames.`)];
  const ctx: Context = { shot: { ...shot, tool, resolution: '' }, spec, tier: defaultTier(spec), refs: refCount, start: false, end: false };
  const needsRefs =
    spec.requiresImage && refCount === 0
      ? [error('refs', `${spec.name} makes frames from reference images only; this shot has none. Add a reference, or pick another frame tool.`)]
      : [];
  return [...needsRefs, ...checkRatio(ctx), ...checkRefs(ctx), ...checkPrompt(ctx)];
}

/** @tags in the prompt against the tags in the slots: each should have the other. */
function checkTags(shot: Shot, spec: ModelSpec, refTags: readonly (string | null)[], knownTags?: readonly string[]): ShotIssue[] {
  const issues: ShotIssue[] = [];
  const mentioned = shotTags(shot);
  const lower = (t: string) => t.toLowerCase();
  const inSlots = new Set(refTags.filter((t): t is string => !!t).map(lower));
  const known = knownTags ? new Set(knownTags.map(lower)) : null;
  for (const tag of mentioned) {
    if (inSlots.has(lower(tag))) continue;
    if (known && !known.has(lower(tag))) {
      issues.push({ ...warning('prompt', `@${tag} is not a tag in the library. Check the spelling, or add an item tagged @${tag}.`), unknownTag: tag });
    } else if (spec.maxRefs === 0) {
      issues.push(
        warning('prompt', `${spec.name} takes no reference images, so @${tag} is sent as plain text. Describe it in words or pick a model with references.`),
      );
    } else {
      issues.push(warning('prompt', `@${tag} is in the prompt but no reference slot holds it. Drag @${tag} onto a slot, or take it out of the prompt.`));
    }
  }
  // The animatic's prompt is a title card: nothing there refers to references.
  if (spec.promptForm === 'title') return issues;
  const said = new Set(mentioned.map(lower));
  refTags.forEach((tag, i) => {
    if (tag && !said.has(lower(tag))) {
      issues.push(
        warning('refs', `Slot ${i + 1} holds @${tag}, but the prompt never mentions it. Name @${tag} in the prompt so ${spec.name} knows what it is for.`),
      );
    }
  });
  return issues;
}

function checkDuration({ shot, spec, tier }: Context): ShotIssue[] {
  const d = shot.durationS;
  if (!(d > 0)) return [error('durationS', 'A shot needs a duration of more than 0 s.')];
  const durations = durationsAt(spec, tier);
  if (durations.some((x) => Math.abs(x - d) < 1e-9)) return [];
  const fixes = [`set it to ${formatSeconds(nearestDuration(durations, d))} s`];
  if (tier.durations && spec.durations.includes(d)) {
    const others = spec.tiers.filter((t) => (t.durations ?? spec.durations).includes(d)).map((t) => t.resolution);
    fixes.push(`use ${describeList(others)}`);
    return [
      error(
        'durationS',
        `${spec.name} makes only ${describeDurations(durations)} clips at ${tier.resolution}; this shot is ${formatSeconds(d)} s. ${fixesText(fixes)}.`,
      ),
    ];
  }
  if (d > (durations[durations.length - 1] ?? 0)) fixes.push('split it into shorter shots');
  const other = alternative(spec, (m) => defaultDurations(m).includes(d));
  return [error('durationS', `${spec.name} accepts ${describeDurations(durations)}; this shot is ${formatSeconds(d)} s. ${fixesText(fixes, other)}.`)];
}

function checkRatio({ shot, spec, refs, start }: Context): ShotIssue[] {
  const r = shot.aspectRatio;
  if (!spec.ratios.includes(r)) {
    const other = alternative(spec, (m) => m.ratios.includes(r));
    return [error('aspectRatio', `${spec.name} makes ${describeList(spec.ratios)}; this shot is ${r}. ${fixesText(['change the ratio'], other)}.`)];
  }
  // Without a start image the text-only ratios apply; a missing start image on an image-only
  // model is reported once, by the keyframe check.
  if (start || spec.textRatios.includes(r) || spec.requiresImage) return [];
  const via = spec.refsVia ? getModel(spec.refsVia) : undefined;
  if (via) {
    if (refs > 0) return [];
    return [
      warning(
        'aspectRatio',
        `${spec.name} makes ${describeList(spec.textRatios)} from text alone; for ${r} a start frame will be made first with ${via.name} (${priceOf(via)}). Add a start keyframe to choose it yourself.`,
      ),
    ];
  }
  return [
    error(
      'aspectRatio',
      `${spec.name} makes ${describeList(spec.textRatios)} from text alone; this shot is ${r}. Add a start keyframe at ${r} (the video follows it) or change the ratio.`,
    ),
  ];
}

function checkKeyframes({ spec, tier, refs, start, end }: Context): ShotIssue[] {
  const issues: ShotIssue[] = [];
  if (spec.requiresImage && !start) {
    const via = spec.refsVia ? getModel(spec.refsVia) : undefined;
    if (via && refs === 0) {
      issues.push(
        warning(
          'keyframes',
          `${spec.name} animates a start image and this shot has none: one will be made from the prompt with ${via.name} first (${priceOf(via)}). Add a start keyframe or references to control the look.`,
        ),
      );
    } else if (!via) {
      const text = cheapest(modelsFor(spec.provider).filter((m) => m.output === 'video' && m.endpoints.includes('text-to-video')));
      issues.push(
        error('keyframes', `${spec.name} only animates a start image. ${fixesText(['add a start keyframe'], text, ', which also works from text')}.`),
      );
    }
  }
  if (spec.keyframesByUrl && (start || end)) {
    const other = alternative(spec, (m) => !m.keyframesByUrl && m.keyframes.first && (!end || m.keyframes.last));
    const which = start && end ? 'the keyframes' : start ? 'the start keyframe' : 'the end keyframe';
    issues.push(
      error(
        'keyframes',
        `${spec.name} takes keyframes only as public web links it downloads itself, and Shotline keeps images on this computer, so ${which} cannot be sent. ${fixesText([`remove ${which}`], other)}.`,
      ),
    );
    return issues;
  }
  if (!end) return issues;
  if (!spec.keyframes.last) {
    const other = alternative(spec, (m) => m.keyframes.last, true);
    issues.push(error('keyframes', `${spec.name} takes a start frame only. ${fixesText(['remove the end keyframe'], other)}.`));
  } else if (!lastFrameAt(spec, tier)) {
    const able = spec.tiers.filter((t) => lastFrameAt(spec, t));
    const modes = able.map((t) => (t.mode ? `${t.resolution} (${t.mode} mode)` : t.resolution));
    issues.push(
      error(
        'keyframes',
        `${spec.name} takes an end keyframe only at ${describeList(modes)}; this shot is ${tier.resolution}. Change the resolution or remove the end keyframe.`,
      ),
    );
  }
  if (spec.keyframes.last && spec.keyframes.lastNeedsFirst && !start) {
    issues.push(error('keyframes', `${spec.name} needs a start keyframe to use an end keyframe. Add a start keyframe or remove the end one.`));
  }
  return issues;
}

/** Asking for sound: where the model sells it, only at the tiers and with the keyframes it allows. */
function checkSound({ shot, spec, tier, end }: Context): ShotIssue[] {
  if (!shot.askSound) return [];
  const option = spec.soundOption;
  if (!option) {
    const always = spec.audio ? ' (it makes sound anyway)' : '';
    return [warning('tool', `${spec.name} has no sound option${always}, so "Ask for sound" does nothing here. Turn it off, or pick a tool that offers it.`)];
  }
  const issues: ShotIssue[] = [];
  if (!option.resolutions.includes(tier.resolution)) {
    issues.push(
      error(
        'resolution',
        `${spec.name} makes sound only at ${describeList(option.resolutions)}; this shot is ${tier.resolution}. Change the resolution to ${option.resolutions[0]}, or turn off "Ask for sound".`,
      ),
    );
  }
  if (end && !option.withEndFrame) {
    issues.push(error('keyframes', `${spec.name} cannot make sound with an end keyframe. Remove the end keyframe, or turn off "Ask for sound".`));
  }
  return issues;
}

function checkRefs({ shot, spec, refs, start, end }: Context): ShotIssue[] {
  if (refs > spec.maxRefs) {
    const other = alternative(spec, (m) => m.maxRefs >= refs, true);
    const fix = spec.maxRefs === 0 ? 'remove them' : `remove ${refs - spec.maxRefs}`;
    const takes = spec.maxRefs === 0 ? 'takes no reference images' : `takes up to ${spec.maxRefs} reference images`;
    return [error('refs', `${spec.name} ${takes}; this shot has ${refs}. ${fixesText([fix], other)}.`)];
  }
  if (refs === 0 || spec.refsWithKeyframes) return [];
  if (spec.refsVia) {
    if (!start) return [];
    return [
      warning(
        'refs',
        `${spec.name} animates the start keyframe directly, so the references are not used. Clear the start keyframe to make the start frame from the references.`,
      ),
    ];
  }
  if (start || end) {
    return [error('refs', `${spec.name} takes reference images or keyframes, not both. Remove the references or the keyframes.`)];
  }
  const need = spec.refsNeed;
  if (need && (!need.durations.includes(shot.durationS) || !need.ratios.includes(shot.aspectRatio))) {
    const fixes = [
      ...(need.durations.includes(shot.durationS) ? [] : [`set the duration to ${describeList(need.durations.map((d) => `${d} s`))}`]),
      ...(need.ratios.includes(shot.aspectRatio) ? [] : [`set the ratio to ${describeList(need.ratios)}`]),
      'remove the references',
    ];
    return [
      error(
        'refs',
        `${spec.name} uses reference images only in ${describeList(need.durations.map((d) => `${d} s`))} ${describeList(need.ratios)} shots; this one is ${formatSeconds(shot.durationS)} s at ${shot.aspectRatio}. ${fixesText(fixes)}.`,
      ),
    ];
  }
  return [];
}

function checkPrompt({ shot, spec, start }: Context): ShotIssue[] {
  const issues: ShotIssue[] = [];
  const negativeIssue = spec.promptForm === 'title' ? null : negativeNote(spec, shot.prompt.negative);
  if (negativeIssue) {
    issues.push(warning('prompt.negative', negativeIssue));
  }
  const compiled = compilePrompt(shot, spec.tool);
  if (compiled.truncated) issues.push(warning('prompt', truncationNote(spec.name, compiled.limit, compiled.chars)));
  // A camera line alone can direct a start image, but gives a text-only render nothing to draw.
  const p = shot.prompt;
  const described = [shot.action, p.subject, p.scene, p.motion, p.beats, p.style].some((s) => s.trim() !== '');
  if (!described && !start && spec.promptForm !== 'title') {
    issues.push(
      error('action', `${spec.name} makes this shot from the prompt, which does not say what is in it. Describe the action, or fill in the subject and scene.`),
    );
  }
  return issues;
}

/** First video model from another provider (or, when allowed, this one) that fits; never the local animatic. */
function alternative(spec: ModelSpec, fits: (m: ModelSpec) => boolean, sameProviderFirst = false): ModelSpec | undefined {
  const candidates = videoModels().filter((m) => m.tool !== spec.tool && m.provider !== 'local' && fits(m));
  const same = sameProviderFirst ? candidates.find((m) => m.provider === spec.provider) : undefined;
  return same ?? candidates.find((m) => m.provider !== spec.provider);
}

function cheapest(models: ModelSpec[]): ModelSpec | undefined {
  return models.reduce<ModelSpec | undefined>((best, m) => (!best || m.price.usdPerSecond < best.price.usdPerSecond ? m : best), undefined);
}

function defaultDurations(m: ModelSpec): number[] {
  return durationsAt(m, defaultTier(m));
}

function priceOf(m: ModelSpec): string {
  return m.price.creditsPerSecond !== null ? `about ${m.price.creditsPerSecond} credits` : `about $${m.price.usdPerSecond.toFixed(2)}`;
}

/** (["set it to 5 s"], Kling 2.6) → "Set it to 5 s or pick Kling 2.6" */
function fixesText(fixes: string[], other?: ModelSpec, why = ''): string {
  const text = describeList(other ? [...fixes, `pick ${other.name}${why}`] : fixes);
  return text.charAt(0).toUpperCase() + text.slice(1);
}
