// Spoken lines and sound effects as jobs of the same durable engine: each line of a shot, in its
// speaker's voice, is a job whose result is a take of kind `line`; each effect cue one whose take
// is of kind `sfx`. The request is frozen when queued (the words,
// the voice, the neighbouring lines of the scene). Making the audio is one call: on this
// computer (espeak-ng, free, simply redone after a crash) or at ElevenLabs (billed, so never
// sent twice without the user: the file is written to a path recorded before the call, and a
// crash after the call finds it there).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { getSfxModel, getSpeechModel, LOCAL_SFX_TOOL, sfxCostUsd, speechCostUsd } from '../../../shared/catalog';
import type { DialogueLine } from '../../../shared/domain/dialogue';
import type { SkippedShot } from '../../../shared/domain/jobs';
import { lineKeys } from '../../../shared/domain/lines';
import { localVoiceKey, parseVoice, speakerItem } from '../../../shared/domain/voice';
import type { Shot, ToolId } from '../../../shared/domain/types';
import type { ItemRow } from '../db/repos/libraryRepo';
import type { JobRow } from '../db/repos/jobsRepo';
import { describeError, UserError } from '../errors';
import { libraryRepo } from '../db/repos/libraryRepo';
import { mediaTempPath } from '../media/store';
import { ProviderError } from '../providers/types';
import { providerName, toolName, uncertainCreate } from './attention';
import { guardBudget, type JobsCtx } from './enqueue';
import type { StepCtx } from './steps';

/** What a line job sends, frozen when queued. */
export interface LineRequest {
  kind: 'line';
  shotLabel: string;
  lineKey: string;
  lineIndex: number;
  speaker: string;
  text: string;
  parenthetical: string | null;
  /** `local`, `local:<variant>` or `elevenlabs:<voice id>`. */
  voice: string;
  /** For the local voice: the character and variant, so each character keeps its own sound. */
  voiceKey: string;
  previousText: string | null;
  nextText: string | null;
}

/** What an effect job sends, frozen when queued. */
export interface SfxRequest {
  kind: 'sfx';
  shotLabel: string;
  cueId: string;
  text: string;
  seconds: number;
}

export type AudioRequest = LineRequest | SfxRequest;

export interface AudioSnapshot {
  audio: AudioRequest;
}

export function readAudioSnapshot(json: string): AudioSnapshot {
  const snap = JSON.parse(json) as Partial<AudioSnapshot>;
  if (!snap.audio) throw new Error('not an audio job');
  return snap as AudioSnapshot;
}

/** Makes the audio of one request into `dest`; notes say what the model could not take. */
export type AudioMaker = (req: AudioRequest, tool: ToolId, dest: string, signal?: AbortSignal) => Promise<{ notes: string[] }>;

/** Where a line is spoken or an effect made, and the file it comes back as. */
export interface AudioRunner {
  kind: 'audio';
  local: boolean;
  ext: '.wav' | '.mp3';
  make: AudioMaker;
}

/** The ElevenLabs model lines are spoken with when a character has an ElevenLabs voice. */
export const DEFAULT_ELEVENLABS_SPEECH = 'elevenlabs:eleven_multilingual_v2';

/** The tool a voice speaks with. */
export function speechTool(voice: string, elevenlabsTool = DEFAULT_ELEVENLABS_SPEECH): ToolId {
  return parseVoice(voice)?.engine === 'elevenlabs' ? elevenlabsTool : 'local:voice';
}

/** The request as a maker of `kind` takes it; a job queued on the wrong kind of tool fails saying so. */
export function requestOf<K extends AudioRequest['kind']>(req: AudioRequest, kind: K, tool: ToolId): Extract<AudioRequest, { kind: K }> {
  if (req.kind !== kind) throw new UserError(`${tool} ${kind === 'line' ? 'speaks lines' : 'makes sound effects'}; queue this job on another tool.`);
  return req as Extract<AudioRequest, { kind: K }>;
}

interface PlannedAudio<R extends AudioRequest> {
  shot: Shot;
  request: R;
  tool: ToolId;
  estimate: number;
}
type PlannedLine = PlannedAudio<LineRequest>;

/** How a job's messages name what it makes. */
function audioName(req: AudioRequest): string {
  return req.kind === 'line' ? `line ${req.lineIndex + 1} of ${req.shotLabel} (${req.speaker})` : `effect "${req.text.slice(0, 40)}" of ${req.shotLabel}`;
}

/** What the stored take of a request is called and remembers (its params name the line or the cue). */
export function audioTakeFacts(req: AudioRequest, ext: string): { kind: 'line' | 'sfx'; originalName: string; ready: string; params: Record<string, unknown> } {
  if (req.kind === 'sfx')
    return { kind: 'sfx', originalName: `${req.shotLabel}-sfx${ext}`, ready: 'Effect ready', params: { cueId: req.cueId, seconds: req.seconds } };
  return {
    kind: 'line',
    originalName: `${req.shotLabel}-line${req.lineIndex + 1}${ext}`,
    ready: 'Line ready',
    params: { lineKey: req.lineKey, lineIndex: req.lineIndex, speaker: req.speaker, voice: req.voice },
  };
}

/** Effects are made at ElevenLabs when its key is set, else on this computer. */
export const DEFAULT_ELEVENLABS_SFX = 'elevenlabs:eleven_text_to_sound_v2';
export function defaultSfxTool(hasElevenLabsKey: boolean): ToolId {
  return hasElevenLabsKey ? DEFAULT_ELEVENLABS_SFX : LOCAL_SFX_TOOL;
}

/** A cue as the planner reads it. */
export interface CueToMake {
  id: string;
  text: string;
  seconds: number;
}

/** A job per cue on `tool`; refused (nothing planned) when the tool makes no effects or not of a cue's length. */
export function planCues(cues: Array<{ shot: Shot; cue: CueToMake }>, tool: ToolId): Array<PlannedAudio<SfxRequest>> {
  const spec = getSfxModel(tool);
  if (!spec) throw new UserError(`"${tool}" does not make sound effects. Use ${DEFAULT_ELEVENLABS_SFX} or ${LOCAL_SFX_TOOL}.`);
  return cues.map(({ shot, cue }) => {
    if (cue.seconds < spec.minSeconds || cue.seconds > spec.maxSeconds)
      throw new UserError(
        `${spec.name} makes effects of ${spec.minSeconds}–${spec.maxSeconds} s; the cue "${cue.text}" of ${shot.label} lasts ${cue.seconds} s. Change its length.`,
      );
    return {
      shot,
      tool,
      estimate: sfxCostUsd(spec),
      request: { kind: 'sfx', shotLabel: shot.label, cueId: cue.id, text: cue.text.trim(), seconds: cue.seconds },
    };
  });
}

/** Every spoken line of `shots` with a voice to speak it; the shots whose lines cannot be spoken, with why. */
export function planLines(ctx: JobsCtx, shots: readonly Shot[], elevenlabsTool?: ToolId): { lines: PlannedLine[]; skipped: SkippedShot[] } {
  const items = libraryRepo(ctx.db).items();
  const lines: PlannedLine[] = [];
  const skipped: SkippedShot[] = [];
  // Neighbouring lines are those of the same scene, in cut order, for the voice's continuity.
  const sceneLines = new Map<string, Array<{ shotId: string; index: number; line: DialogueLine }>>();
  for (const s of ctx.timeline.shots())
    s.dialogue.forEach((line, index) => {
      if (!line.text.trim()) return;
      const list = sceneLines.get(s.sceneId) ?? [];
      list.push({ shotId: s.id, index, line });
      sceneLines.set(s.sceneId, list);
    });
  for (const shot of shots) {
    const keys = lineKeys(shot.dialogue);
    const scene = sceneLines.get(shot.sceneId) ?? [];
    const mute = new Set<string>();
    shot.dialogue.forEach((line, i) => {
      if (!line.text.trim()) return;
      const item: ItemRow | null = speakerItem(line.speaker, items);
      if (!item?.voice) {
        mute.add(line.speaker || 'a line with no speaker');
        return;
      }
      const voice = parseVoice(item.voice)!;
      const at = scene.findIndex((e) => e.shotId === shot.id && e.index === i);
      const tool = speechTool(item.voice, elevenlabsTool);
      const spec = getSpeechModel(tool);
      lines.push({
        shot,
        tool,
        // Not rounded to the cent: a short line costs a fraction of one, and a film has hundreds.
        estimate: spec && voice.engine === 'elevenlabs' ? Math.round(speechCostUsd(spec, line.text.trim()) * 1e6) / 1e6 : 0,
        request: {
          kind: 'line',
          shotLabel: shot.label,
          lineKey: keys[i]!,
          lineIndex: i,
          speaker: line.speaker,
          text: line.text.trim(),
          parenthetical: line.parenthetical,
          voice: item.voice,
          voiceKey: localVoiceKey(item.id, voice.engine === 'local' ? voice.variant : ''),
          previousText: scene[at - 1]?.line.text ?? null,
          nextText: scene[at + 1]?.line.text ?? null,
        },
      });
    });
    if (mute.size > 0) {
      const who = [...mute];
      skipped.push({
        shotId: shot.id,
        label: shot.label,
        tool: 'local:voice',
        provider: null,
        reason: `${who.join(', ')} ${who.length === 1 ? 'has' : 'have'} no voice. Give each character one in the library (or: shotline voice DIR --character @tag --voice local).`,
        fix: 'tool',
      });
    }
  }
  return { lines, skipped };
}

/** Queues `takes` jobs per planned line; all or nothing, refused past the budget. */
export function enqueueLines(ctx: JobsCtx, lines: PlannedLine[], takes: number): { batchId: string; jobIds: string[] } {
  if (lines.length === 0) throw new UserError('No line to speak: the shots have no dialogue, or no speaker with a voice.');
  return enqueueAudio(ctx, lines, takes, ['spoken line', 'spoken lines']);
}

/** Queues a job per planned cue; all or nothing, refused past the budget. */
export function enqueueCues(ctx: JobsCtx, cues: Array<PlannedAudio<SfxRequest>>): { batchId: string; jobIds: string[] } {
  if (cues.length === 0)
    throw new UserError('No effect to make: the shots have no effect cues. Add one first (shotline sfx DIR --shot LABEL --text "…" --seconds N).');
  return enqueueAudio(ctx, cues, 1, ['sound effect', 'sound effects']);
}

function enqueueAudio(ctx: JobsCtx, lines: Array<PlannedAudio<AudioRequest>>, takes: number, noun: [string, string]): { batchId: string; jobIds: string[] } {
  return ctx.db.transaction(() => {
    const n = lines.length * takes;
    guardBudget(
      ctx,
      lines.reduce((sum, l) => sum + l.estimate * takes, 0),
      `${n} ${n === 1 ? noun[0] : noun[1]}`,
    );
    const batchId = randomUUID();
    const now = ctx.clock.now();
    const jobIds: string[] = [];
    for (const l of lines) {
      for (let t = 0; t < takes; t++) {
        const id = randomUUID();
        jobIds.push(id);
        ctx.repo.insert(
          {
            id,
            shot_id: l.shot.id,
            shot_label: l.shot.label,
            batch_id: batchId,
            tool: l.tool,
            external_id: `shotline-${id}`,
            seed: null,
            request_json: JSON.stringify({ audio: l.request } satisfies AudioSnapshot),
            cost_estimate_usd: l.estimate,
            fallback_tool: null,
            created_at: now,
          },
          `Queued ${audioName(l.request)} on ${toolName(l.tool)}, estimated $${l.estimate.toFixed(4)}.`,
        );
      }
    }
    return { batchId, jobIds };
  })();
}

/**
 * queued → running/submitting → checking. The file's path is recorded before the call, so a
 * remote line that was made while this process died is found there afterwards, not paid twice.
 */
export async function makeAudio(ctx: StepCtx, job: JobRow, runner: AudioRunner, signal: AbortSignal): Promise<void> {
  const { audio } = readAudioSnapshot(job.request_json);
  const temp = mediaTempPath(ctx.folder, runner.ext);
  const now = ctx.clock.now();
  const name = providerName(job.tool);
  const to = runner.local ? 'running' : 'submitting';
  const message = runner.local ? `Making ${audioName(audio)} on this computer.` : `Sending ${audioName(audio)} to ${name}.`;
  if (!ctx.move(job, to, { lease: true, patch: { started_at: job.started_at ?? now, temp_path: temp, progress: 0 }, message })) return;
  const moved: JobRow = { ...job, state: to, temp_path: temp, started_at: job.started_at ?? now };
  try {
    // A remote call is never abandoned half-way: it may still make (and bill) the line.
    const { notes } = await runner.make(audio, job.tool, temp, runner.local ? signal : undefined);
    ctx.move(moved, 'checking', {
      patch: { progress: 1, cost_usd: runner.local ? 0 : null },
      message: [runner.local ? 'Made; checking the file.' : `${name} sent it; checking the file.`, ...notes].join(' '),
    });
  } catch (err) {
    fs.rmSync(temp, { force: true });
    if ((err as Error).name === 'AbortError') return;
    audioFailed(ctx, moved, runner, err);
  }
}

function audioFailed(ctx: StepCtx, job: JobRow, runner: AudioRunner, err: unknown): void {
  const name = providerName(job.tool);
  const raw = err instanceof ProviderError ? err.details.raw : undefined;
  const patch = { temp_path: null, finished_at: ctx.clock.now() };
  if (runner.local || err instanceof UserError) {
    ctx.move(job, 'failed', { patch: { ...patch, error: describeError(err).message } });
    return;
  }
  if (err instanceof ProviderError && err.kind === 'rate_limited' && job.attempts < ctx.tuning.maxRateLimitRetries) {
    // A 429 made nothing: safe to send again after the wait asked for.
    ctx.move(job, 'queued', {
      patch: { temp_path: null, attempts: job.attempts + 1, next_attempt_at: ctx.clock.now() + 1000 * (err.details.retryAfterS ?? 5) },
      message: `${name} is busy (${err.message}); waiting before sending again.`,
      raw,
    });
    return;
  }
  if (err instanceof ProviderError && (err.kind === 'permanent' || err.kind === 'auth' || err.kind === 'rate_limited')) {
    ctx.move(job, 'failed', { patch: { ...patch, error: `${name}: ${err.message}` }, message: `${name} refused it; nothing was made.`, raw });
    return;
  }
  const cause = describeError(err).message;
  ctx.move(job, 'needs_attention', { patch: { temp_path: null, attention: uncertainCreate(job.tool, cause, null), error: cause }, raw });
}

/** A remote line or effect found mid-call after a crash: made (its file is there, whole) or not known. */
export function recoverAudio(ctx: StepCtx, job: JobRow): void {
  const done = job.temp_path && fs.existsSync(job.temp_path) && fs.statSync(job.temp_path).size > 0;
  if (done) {
    ctx.move(job, 'checking', { patch: { progress: 1 }, message: `${providerName(job.tool)} had sent it before Shotline stopped; checking it.` });
    return;
  }
  const cause = 'Shotline stopped while sending it';
  ctx.move(job, 'needs_attention', { patch: { attention: uncertainCreate(job.tool, cause, null), error: cause } });
}
