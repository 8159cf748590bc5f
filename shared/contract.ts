// The one typed contract between the renderer and the main process. Every channel is an entry
// here: a zod schema for its input and the type of its output. `app/electron` (IPC) and
// `app/devhost` (WebSocket) are two transports of this same table; `app/core/services`
// implements it, and a mapped type makes the build fail until every channel has a handler.
import { z } from 'zod';
import type { HistoryState, ProjectInfo, ProjectSnapshot, RecentProject, Scene, Shot } from './domain/types';
import { ASPECT_RATIOS, CAMERA_MOVES, PROVIDERS, SHOT_STATUSES, TIERS } from './domain/types';
import { CAMERA_ANGLES, EQUIPMENT, SHOT_SIZES } from './domain/shotList';
import type { FocusRect, ImportProgress, ImportSummary, LibraryImage, LibraryItem, ShotRefs } from './domain/library';
import { LIBRARY_KINDS } from './domain/library';
import type { PlaybackCut } from './domain/playback';
import type {
  AnimaticProgress,
  AnimaticResult,
  FinalQuote,
  MakeFinalResult,
  QcResult,
  ShotFit,
  ShotTakes,
  TakeInfo,
  TakeRating,
  UsableCost,
} from './domain/takes';
import { FIT_MODES } from './domain/takes';
import type {
  CostPlan,
  EngineStatus,
  GenerateResult,
  GenerationSettings,
  JobState,
  JobView,
  KeyCheck,
  KeyStatus,
  SpendSummary,
  TakeKind,
  TakeView,
} from './domain/jobs';
import { ATTENTION_CHOICES, TAKE_KINDS } from './domain/jobs';
import type { CutImportPreview, CutImportResult, ResolveExportInfo, ResolveExportProgress, ResolveExportSummary } from './domain/resolveExport';
import { FRAME_FITS, MEDIA_FORMATS } from './domain/resolveExport';
import type { ScriptImportResult, ScriptPreview } from './domain/script';
import { PANELS_PER_PAGE, PAPER_SIZES, type StoryboardSummary } from './domain/storyboard';
import { GRANULARITIES } from './domain/script';
import type { VersionInfo, VersionRestoreResult } from './domain/versions';
import type { MusicBed, SfxCue, ShotSound, VoiceOption, Waveform } from './domain/sound';
import { RESTORE_MODES } from './domain/versions';
import { SOUND_MODES } from './domain/sound';

const id = z.string().min(1).max(64);
const text = (max = 20_000) => z.string().max(max);
const dialogueLineSchema = z
  .object({
    speaker: text(200),
    extension: text(100).nullable(),
    parenthetical: text(500).nullable(),
    text: text(),
    offsetS: z.number().min(0).max(600).nullable().optional(),
  })
  .strict();
const toolId = z.string().regex(/^[a-z]+:[A-Za-z0-9_.\-]+$/, 'tool must look like provider:model');

export const promptPatchSchema = z
  .object({
    subject: text(),
    scene: text(),
    camera: z.enum(CAMERA_MOVES),
    cameraText: text(),
    motion: text(),
    style: text(),
    negative: text(),
    beats: text(),
  })
  .partial()
  .strict();

/** Custom column names: what a person types in a header cell, unique per project. */
const columnName = z.string().trim().min(1).max(60);

export const listPatchSchema = z
  .object({
    size: z.enum(SHOT_SIZES).nullable(),
    angle: z.enum(CAMERA_ANGLES).nullable(),
    lensMm: z.number().positive().max(2000).nullable(),
    equipment: z.enum(EQUIPMENT).nullable(),
    location: text(200),
    cast: z.array(z.string().trim().min(1).max(200)).max(100),
    setup: z.number().int().min(0).max(100_000).nullable(),
    custom: z.record(columnName, text(2000)),
  })
  .partial()
  .strict();

export const shotPatchSchema = z
  .object({
    action: text(),
    prompt: promptPatchSchema,
    durationS: z.number().positive().max(600),
    aspectRatio: z.enum(ASPECT_RATIOS),
    resolution: text(32),
    tool: toolId,
    finalTool: toolId.nullable(),
    fallbackTool: toolId.nullable(),
    tier: z.enum(TIERS),
    dialogue: z.array(dialogueLineSchema).max(500),
    list: listPatchSchema,
    notes: text(),
    status: z.enum(SHOT_STATUSES),
    soundMode: z.enum(SOUND_MODES),
    askSound: z.boolean(),
  })
  .partial()
  .strict();
export type ShotPatch = z.infer<typeof shotPatchSchema>;

const empty = z.object({}).strict();

/** Channel table entry: input schema, and the output type carried by a phantom `out`. */
function channel<I extends z.ZodType>(input: I) {
  return {
    returns<O>() {
      return { input, out: undefined as unknown as O };
    },
  };
}

export const contract = {
  /** `mediaBase` + a project-relative path (`media/ab/….mp4`) is the URL a <video> or <img> loads. */
  'app.info': channel(empty).returns<{
    version: string;
    host: 'electron' | 'devhost';
    canPickFolders: boolean;
    defaultProjectsDir: string;
    mediaBase: string;
  }>(),
  'app.pickFolder': channel(empty).returns<string | null>(),
  /** Shows a file the app wrote (an export, a render) in the system's file manager. */
  'app.showInFolder': channel(z.object({ path: z.string().min(1).max(4096) }).strict()).returns<null>(),

  'project.create': channel(z.object({ parentDir: z.string().min(1).max(4096), title: z.string().trim().min(1).max(200) }).strict()).returns<ProjectInfo>(),
  'project.open': channel(z.object({ path: z.string().min(1).max(4096) }).strict()).returns<ProjectInfo>(),
  'project.close': channel(empty).returns<null>(),
  'project.current': channel(empty).returns<ProjectInfo | null>(),
  'project.recent': channel(empty).returns<RecentProject[]>(),
  'project.snapshot': channel(empty).returns<ProjectSnapshot>(),
  'project.update': channel(
    z
      .object({
        title: z.string().trim().min(1).max(200).optional(),
        aspectRatio: z.enum(ASPECT_RATIOS).optional(),
        budgetUsd: z.number().nonnegative().max(10_000_000).nullable().optional(),
        /** The custom shot-list columns, in order; a column taken away keeps its cells until it comes back. */
        customColumns: z
          .array(columnName)
          .max(50)
          .refine((names) => new Set(names.map((n) => n.toLowerCase())).size === names.length, 'each custom column needs its own name')
          .optional(),
      })
      .strict(),
  ).returns<ProjectInfo>(),

  'scene.add': channel(z.object({ name: text(500).optional(), afterSceneId: id.nullable().optional() }).strict()).returns<Scene>(),
  'scene.rename': channel(z.object({ id, name: text(500) }).strict()).returns<Scene>(),
  'scene.move': channel(z.object({ id, toIndex: z.number().int().min(0) }).strict()).returns<null>(),
  'scene.delete': channel(z.object({ ids: z.array(id).min(1).max(10_000) }).strict()).returns<null>(),

  'shot.add': channel(z.object({ sceneId: id, afterShotId: id.nullable().optional() }).strict()).returns<Shot>(),
  'shot.update': channel(z.object({ id, patch: shotPatchSchema }).strict()).returns<Shot>(),
  'shot.updateMany': channel(z.object({ ids: z.array(id).min(1).max(10_000), patch: shotPatchSchema }).strict()).returns<null>(),
  'shot.duplicate': channel(z.object({ ids: z.array(id).min(1).max(10_000) }).strict()).returns<Shot[]>(),
  'shot.delete': channel(z.object({ ids: z.array(id).min(1).max(10_000) }).strict()).returns<null>(),
  /** Moves the shots, in their current timeline order, to `toIndex` within `toSceneId`. */
  'shot.move': channel(z.object({ ids: z.array(id).min(1).max(10_000), toSceneId: id, toIndex: z.number().int().min(0) }).strict()).returns<null>(),
  'shot.renumber': channel(empty).returns<null>(),

  'history.state': channel(empty).returns<HistoryState>(),
  'history.undo': channel(empty).returns<HistoryState>(),
  'history.redo': channel(empty).returns<HistoryState>(),

  ...libraryChannels(),
  ...takesChannels(),
  ...jobsChannels(),
  ...exportChannels(),
  ...scriptChannels(),
  ...versionsChannels(),
  ...musicChannels(),
  ...soundChannels(),
  ...sfxChannels(),
  ...voicesChannels(),
} as const;

/** The reference library, shot reference slots and keyframes */
function libraryChannels() {
  const kind = z.enum(LIBRARY_KINDS);
  const ratio = z.enum(ASPECT_RATIOS);
  const frac = z.number().min(0).max(1);
  const focusRect = z.object({ x: frac, y: frac, w: frac, h: frac }).strict();
  const sha = z.string().regex(/^[0-9a-f]{64}$/);
  const tag = z.string().trim().min(1).max(64);
  // Bytes travel as base64 over the devhost's JSON, as a Uint8Array over Electron IPC. 200 MB
  // per file is the core's limit; the schema lets a little more through so the core can say so.
  const file = z
    .object({
      name: z.string().min(1).max(1000),
      path: z.string().min(1).max(4096).optional(),
      bytes: z.union([z.string().max(300_000_000), z.instanceof(Uint8Array)]).optional(),
      group: z.string().max(1000).optional(),
    })
    .strict();
  const target = z.discriminatedUnion('to', [
    z.object({ to: z.literal('items'), kind: kind.optional() }).strict(),
    z.object({ to: z.literal('item'), kind, name: z.string().max(200), tag: tag.optional(), notes: text().optional() }).strict(),
    z.object({ to: z.literal('existing'), itemId: id }).strict(),
    z.object({ to: z.literal('slot'), shotId: id, slot: z.number().int().min(0).max(64).optional() }).strict(),
    z.object({ to: z.literal('keyframe'), shotId: id, which: z.enum(['start', 'end']), source: text(200).optional() }).strict(),
  ]);
  const slot = z.union([z.object({ itemId: id, imageId: id.optional() }).strict(), z.object({ imageId: id }).strict()]);
  const keyframeSource = z.union([
    slot,
    /** A frame of another shot's take (selected, else newest). */
    z.object({ fromShotId: id, frame: z.enum(['first', 'last']) }).strict(),
  ]);
  const itemPatch = z
    .object({ kind, name: z.string().max(200), tag, notes: text(), voice: z.string().max(100).nullable() })
    .partial()
    .strict();
  return {
    'library.list': channel(empty).returns<{ items: LibraryItem[]; loose: LibraryImage[] }>(),
    /** Imports files (paths or bytes) into the library, an item, a shot's slots or a keyframe; progress comes as `library.importProgress`. */
    'library.import': channel(
      z.object({ importId: z.string().max(64).optional(), files: z.array(file).min(1).max(2000), target }).strict(),
    ).returns<ImportSummary>(),
    'library.createItem': channel(z.object({ kind, name: z.string().max(200), tag: tag.optional(), notes: text().optional() }).strict()).returns<LibraryItem>(),
    /** A changed tag is rewritten in every shot's prompt; `rewritten` lists their labels. */
    'library.updateItem': channel(z.object({ id, patch: itemPatch }).strict()).returns<{ item: LibraryItem; rewritten: string[] }>(),
    'library.deleteItem': channel(z.object({ id }).strict()).returns<null>(),
    'library.deleteImage': channel(z.object({ id }).strict()).returns<null>(),
    'library.setPrimary': channel(z.object({ imageId: id }).strict()).returns<null>(),
    'library.moveImage': channel(z.object({ imageId: id, toIndex: z.number().int().min(0) }).strict()).returns<null>(),
    /** Stores the crop used for `ratio` (fitted to the image); null resets it to centred. */
    'library.setFocus': channel(z.object({ imageId: id, ratio, rect: focusRect.nullable() }).strict()).returns<FocusRect | null>(),
    /** A stored thumbnail as a data: URL (the CSP allows data: images). */
    'library.thumbnail': channel(z.object({ sha256: sha }).strict()).returns<string>(),
    /** The working image scaled to `maxSide`, for the crop editor. */
    'library.preview': channel(z.object({ imageId: id, maxSide: z.number().int().min(64).max(2048).optional() }).strict()).returns<{
      dataUrl: string;
      width: number;
      height: number;
    }>(),
    /** What a provider would be sent for this image at this ratio. */
    'library.sendPreview': channel(z.object({ imageId: id, tool: toolId, ratio }).strict()).returns<{
      dataUrl: string;
      width: number;
      height: number;
      short: boolean;
      notes: string[];
    }>(),
    'refs.all': channel(empty).returns<Record<string, ShotRefs>>(),
    /** Replaces the shot's slots, in order; more than its model takes is refused. */
    'refs.set': channel(z.object({ shotId: id, refs: z.array(slot).max(16) }).strict()).returns<ShotRefs>(),
    'refs.setKeyframe': channel(z.object({ shotId: id, which: z.enum(['start', 'end']), source: keyframeSource.nullable() }).strict()).returns<ShotRefs>(),
  };
}

/** Reviewing takes, and the cut as it plays */
function takesChannels() {
  const score = z.number().int().min(1).max(5).nullable();
  // Where a grabbed frame goes: a shot's keyframe, a loose library image, a new library item, or an existing item.
  const importTarget = z.discriminatedUnion('to', [
    z.object({ to: z.literal('keyframe'), shotId: id, which: z.enum(['start', 'end']) }).strict(),
    z.object({ to: z.literal('library') }).strict(),
    z.object({ to: z.literal('item'), kind: z.enum(LIBRARY_KINDS), name: z.string().max(200).optional() }).strict(),
    z.object({ to: z.literal('existing'), itemId: id }).strict(),
  ]);
  return {
    /** A shot's takes, oldest first, with provenance, QC and review; rejected ones only when asked. */
    'takes.list': channel(z.object({ shotId: id, includeRejected: z.boolean().optional(), kind: z.enum(TAKE_KINDS).optional() }).strict()).returns<
      TakeInfo[]
    >(),
    /** Every shot's takes as thumbnail chips (rejected included, flagged), for the timeline. */
    'takes.strips': channel(empty).returns<Record<string, ShotTakes>>(),
    /**
     * Circles a take for the cut (null: none), or a storyboard frame, which becomes the shot's start keyframe (video
     * takes made from the old one are marked). Undoable; shots whose start keyframe is this shot's frame follow it.
     */
    'takes.select': channel(z.object({ shotId: id, takeId: id.nullable() }).strict()).returns<{ selectedTakeId: string | null; chained: string[] }>(),
    /** Sets the given scores (null clears one) and notes. Undoable. */
    'takes.rate': channel(
      z.object({ takeId: id, fidelity: score.optional(), consistency: score.optional(), adherence: score.optional(), notes: text(5000).optional() }).strict(),
    ).returns<TakeRating>(),
    /** Hides a take (never deletes it); a rejected circled take is uncircled. Undoable. */
    'takes.reject': channel(z.object({ takeId: id, rejected: z.boolean() }).strict()).returns<null>(),
    /**
     * Deletes a take for good: not undoable, so the UI confirms first and sends `confirm: true`.
     * The circled take is refused unless `force`. The file goes when no other row uses it.
     */
    'takes.delete': channel(z.object({ takeId: id, confirm: z.literal(true), force: z.boolean().optional() }).strict()).returns<{ fileRemoved: boolean }>(),
    /**
     * What a final of this take would use and cost, with the budget left; nothing is queued. Without `tool`: the shot's
     * final tool, else the same model at its next dearer resolution (refused when there is none).
     */
    'takes.finalQuote': channel(z.object({ takeId: id, tool: toolId.optional(), resolution: z.string().max(32).optional() }).strict()).returns<FinalQuote>(),
    /** Re-runs the take's shot as a new job on what `takes.finalQuote` proposes (or `tool`), same prompt, refs, keyframes and seed where taken. */
    'takes.makeFinal': channel(
      z.object({ takeId: id, tool: toolId.optional(), resolution: z.string().max(32).optional() }).strict(),
    ).returns<MakeFinalResult>(),
    /** Grabs the frame at `atS` as a PNG into the library, a library item, or a shot's keyframe. */
    'takes.grabFrame': channel(z.object({ takeId: id, atS: z.number().min(0).max(3600), target: importTarget }).strict()).returns<{ imageId: string }>(),
    /** Runs the technical check again (or for the first time, for takes made before it existed). */
    'takes.qc': channel(z.object({ takeId: id }).strict()).returns<QcResult[]>(),
    /** The cut as it plays now (see shared/domain/playback.ts). */
    'cut.playback': channel(empty).returns<PlaybackCut>(),
    /** How the shot's take fills its slot; `retime-plan` sets its planned duration to the take's length. Undoable. */
    'cut.setFit': channel(
      z.object({ shotId: id, mode: z.enum(FIT_MODES).nullable(), trimInS: z.number().min(0).max(600).optional() }).strict(),
    ).returns<ShotFit>(),
    'cut.fits': channel(empty).returns<Record<string, ShotFit>>(),
    'cut.usableCost': channel(empty).returns<UsableCost>(),
    /** One MP4 of the cut; progress comes as `cut.animaticProgress`. `path` defaults to Renders/ in the project folder. */
    'cut.renderAnimatic': channel(
      z.object({ renderId: z.string().min(1).max(64), path: z.string().min(1).max(4096).optional(), burnIn: z.boolean().optional() }).strict(),
    ).returns<AnimaticResult>(),
    'cut.cancelAnimatic': channel(z.object({ renderId: z.string().min(1).max(64) }).strict()).returns<null>(),
  };
}

/** Generation: jobs, the engine, keys and generation settings */
function jobsChannels() {
  const provider = z.enum(PROVIDERS);
  const takes = z.number().int().min(1).max(8);
  return {
    /** Queues `takes` jobs per shot (default from settings) on the shot's tool or `tool`; refused past the budget. */
    'generate.takes': channel(
      z.object({ shotIds: z.array(id).min(1).max(10_000), takes: takes.optional(), tool: toolId.optional() }).strict(),
    ).returns<GenerateResult>(),
    /**
     * Storyboard frames: `takes` frame jobs per shot on `tool` (default: settings' frame tool), for `shotIds`, or with
     * `missing` for every shot with no circled frame and none under way. Refused past the budget.
     */
    'frames.generate': channel(
      z
        .object({ shotIds: z.array(id).min(1).max(10_000).optional(), missing: z.literal(true).optional(), takes: takes.optional(), tool: toolId.optional() })
        .strict()
        .refine((v) => (v.shotIds === undefined) !== (v.missing === undefined), 'give either shotIds or missing'),
    ).returns<GenerateResult>(),
    /** The same for every shot with no take and nothing under way. */
    'generate.allDrafts': channel(z.object({ takes: takes.optional() }).strict()).returns<GenerateResult>(),
    /** Newest first; one shot's when `shotId` is given. */
    'jobs.list': channel(z.object({ shotId: id.optional(), limit: z.number().int().min(1).max(5000).optional() }).strict()).returns<JobView[]>(),
    /** The job's history in plain words (the provider's raw replies stay in the db). */
    'jobs.events': channel(z.object({ id }).strict()).returns<Array<{ at: number; from: JobState | null; to: JobState; message: string }>>(),
    'jobs.cancel': channel(z.object({ id }).strict()).returns<{ state: 'canceled' | 'requested' }>(),
    'jobs.retry': channel(z.object({ id }).strict()).returns<JobView>(),
    /** The user's answer to a job that needs attention. */
    'jobs.resolve': channel(z.object({ id, choice: z.enum(ATTENTION_CHOICES) }).strict()).returns<JobView>(),
    /** What the buttons will spend, shot by shot and in total (drafts as Generate queues them, finals, spent). */
    'cost.plan': channel(empty).returns<CostPlan>(),
    /** Whether this window runs the project's jobs (or who does), and what was spent. */
    'jobs.status': channel(empty).returns<{ engine: EngineStatus; spend: SpendSummary; active: number }>(),
    /** Takes the engine made, oldest first; one shot's when `shotId` is given. */
    'generation.takes': channel(z.object({ shotId: id.optional() }).strict()).returns<TakeView[]>(),
    'settings.generation': channel(empty).returns<GenerationSettings>(),
    'settings.setGeneration': channel(
      z
        .object({
          defaultTakes: takes.optional(),
          pollIntervalS: z.number().min(0.05).max(600).nullable().optional(),
          allowFallback: z.boolean().optional(),
          frameTool: toolId.optional(),
        })
        .strict(),
    ).returns<GenerationSettings>(),
    /** Which keys are set: never the keys themselves, only their last four characters. */
    'settings.keys': channel(empty).returns<KeyStatus[]>(),
    'settings.setKey': channel(z.object({ provider, values: z.record(z.string().max(64), z.string().max(4096)) }).strict()).returns<KeyStatus[]>(),
    'settings.removeKey': channel(z.object({ provider }).strict()).returns<KeyStatus[]>(),
    /** Calls a cheap authenticated endpoint of the provider with the stored key. */
    'settings.checkKey': channel(z.object({ provider }).strict()).returns<KeyCheck>(),
    'settings.setBaseUrl': channel(z.object({ provider, baseUrl: z.string().max(2048).nullable() }).strict()).returns<KeyStatus[]>(),
  };
}

/** Screenplays (Fountain, Final Draft) and shot lists (JSON, CSV) into the project. */
function scriptChannels() {
  // A path where the shell gives one (Electron), else the bytes as base64 (a browser drop).
  const source = z.union([
    z.object({ name: z.string().min(1).max(1024), path: z.string().min(1).max(4096) }).strict(),
    z.object({ name: z.string().min(1).max(1024), bytes: z.string().max(70_000_000) }).strict(),
  ]);
  const choices = { granularity: z.enum(GRANULARITIES), tool: toolId };
  return {
    /** Reads and breaks the file down; nothing is written. Refusals are one line saying what to do. */
    'script.preview': channel(z.object({ source, ...choices }).strict()).returns<ScriptPreview>(),
    /** Writes what the preview showed, with the characters ticked, as one undo step. */
    'script.import': channel(z.object({ source, ...choices, characters: z.array(z.string().max(200)).max(5000) }).strict()).returns<ScriptImportResult>(),
  };
}

/** Sound on the cut: music beds on the music lane, and how far dialogue ducks them */
function musicChannels() {
  const seconds = z.number().min(0).max(36_000);
  const bed = z
    .object({
      atS: seconds,
      trimInS: seconds,
      lengthS: z.number().min(0.05).max(36_000),
      gainDb: z.number().min(-60).max(12),
      fadeInS: z.number().min(0).max(600),
      fadeOutS: z.number().min(0).max(600),
    })
    .partial()
    .strict();
  // A dropped file comes as its path (Electron) or its bytes (the devhost's browser).
  const file = z
    .object({
      name: z.string().min(1).max(1000),
      path: z.string().min(1).max(4096).optional(),
      bytes: z.union([z.string().max(300_000_000), z.instanceof(Uint8Array)]).optional(),
    })
    .strict();
  return {
    'music.list': channel(empty).returns<{ beds: MusicBed[]; duckDb: number }>(),
    /** Checks every file with ffprobe and places those it can read, one after another from `atS` (default: after the last bed). One undoable step. */
    'music.add': channel(z.object({ files: z.array(file).min(1).max(50), atS: seconds.optional() }).strict()).returns<{
      added: MusicBed[];
      refused: Array<{ name: string; reason: string }>;
    }>(),
    /** Moves, trims, sets level or fades (the length never runs past the file's end). Undoable. */
    'music.update': channel(z.object({ id, patch: bed }).strict()).returns<MusicBed>(),
    'music.remove': channel(z.object({ id }).strict()).returns<null>(),
    /** How far dialogue ducks the music, in dB (0: not at all). Undoable. */
    'music.setDuck': channel(z.object({ duckDb: z.number().min(0).max(40) }).strict()).returns<number>(),
  };
}

/** Sound files as the lanes draw them */
function soundChannels() {
  return {
    /** Peaks (0–1, `perSecond` a second, default 50) of a project media file's sound; a silent file gives none. */
    'sound.waveform': channel(
      z.object({ relPath: z.string().min(1).max(1000), perSecond: z.number().int().min(1).max(200).optional() }).strict(),
    ).returns<Waveform>(),
    /** Every shot's sound: its lines with their takes and starts, its effect cues, its mode, and any overrun with its fix. */
    'sound.shots': channel(empty).returns<Record<string, ShotSound>>(),
    /** Queues the spoken lines of `shotIds` (default: every shot) in their speakers' voices, `takes` each (default 1). Refused past the budget. */
    'sound.generateLines': channel(
      z.object({ shotIds: z.array(id).min(1).max(10_000).optional(), takes: z.number().int().min(1).max(8).optional() }).strict(),
    ).returns<GenerateResult>(),
    /** Circles a take of a line or an effect (it plays instead of the newest); `circled: false` un-circles it. Undoable. */
    'sound.circle': channel(z.object({ takeId: id, circled: z.boolean() }).strict()).returns<null>(),
    /** Where line `index` of the shot starts inside it, in seconds; null: right after the line before. Undoable. */
    'sound.setLineOffset': channel(
      z.object({ shotId: id, index: z.number().int().min(0).max(499), offsetS: z.number().min(0).max(600).nullable() }).strict(),
    ).returns<ShotSound>(),
    /** Sets the shot's duration to `fixDurationS` of its sound (the next one its tool accepts that holds the lines). Undoable. */
    'sound.fixOverrun': channel(z.object({ shotId: id }).strict()).returns<Shot>(),
  };
}

/** Sound-effect cues on shots, made by ElevenLabs' sound generation (or the local scratch effect) */
function sfxChannels() {
  const seconds = z.number().min(0.5).max(30);
  const cue = z.object({ text: z.string().trim().min(1).max(1000), seconds, offsetS: z.number().min(0).max(600), gainDb: z.number().min(-60).max(12) });
  return {
    /** Adds a cue to the shot (after its others). Undoable. */
    'sfx.add': channel(cue.partial({ offsetS: true, gainDb: true }).extend({ shotId: id }).strict()).returns<SfxCue>(),
    'sfx.update': channel(z.object({ id, patch: cue.partial().strict() }).strict()).returns<SfxCue>(),
    /** Removes the cue (its takes stay in the project's media until the take is deleted). Undoable. */
    'sfx.remove': channel(z.object({ id }).strict()).returns<null>(),
    /** Queues a job per cue: the given cues, or every cue of `shotIds`; refused past the budget. */
    'sfx.generate': channel(
      z
        .object({ cueIds: z.array(id).min(1).max(10_000).optional(), shotIds: z.array(id).min(1).max(10_000).optional(), tool: toolId.optional() })
        .strict()
        .refine((v) => (v.cueIds === undefined) !== (v.shotIds === undefined), 'give either cueIds or shotIds'),
    ).returns<GenerateResult>(),
  };
}

/** Voices for characters: ElevenLabs' list and a sample of any voice */
function voicesChannels() {
  return {
    /**
     * The ElevenLabs account's voices (`GET /v1/voices`), kept for a minute (`refresh` asks again); refused with what to do
     * when there is no key or it is refused.
     */
    'voices.list': channel(z.object({ refresh: z.boolean().optional() }).strict()).returns<VoiceOption[]>(),
    /**
     * A short sample of `voice` (`local`, `local:<variant>` or `elevenlabs:<id>`) as a data: URL to play: the local
     * voice speaks `text` (default a line naming the voice) as the character `itemId`'s lines will sound; an ElevenLabs
     * voice plays its preview sample (free).
     */
    'voices.preview': channel(z.object({ voice: z.string().min(1).max(100), text: z.string().max(300).optional(), itemId: id.optional() }).strict()).returns<{
      dataUrl: string;
    }>(),
  };
}

/** Named versions: copies of the project's database the user can come back to */
function versionsChannels() {
  const versionId = z.string().regex(/^[0-9a-f]{8}$/, 'a version id is 8 hex characters');
  return {
    /** Newest first. */
    'versions.list': channel(empty).returns<VersionInfo[]>(),
    'versions.save': channel(z.object({ name: z.string().trim().min(1).max(200) }).strict()).returns<VersionInfo>(),
    /**
     * `inPlace`: the plan, library and reviews become the version's as one undoable step, after the
     * present is saved as an automatic version; jobs and takes stay. `newProject`: a project beside
     * this one holding the version, sharing its media; the caller opens it.
     */
    'versions.restore': channel(z.object({ id: versionId, mode: z.enum(RESTORE_MODES) }).strict()).returns<VersionRestoreResult>(),
    'versions.delete': channel(z.object({ id: versionId }).strict()).returns<null>(),
  };
}

/** Export to DaVinci Resolve, the shot list on its own, and the cut back from Resolve */
function exportChannels() {
  const file = z.string().min(1).max(4096);
  const exportId = z.string().min(1).max(64);
  const shotRef = z.object({ shotId: id, label: z.string().max(200) });
  // A diff as `cut.importPreview` returned it; the core checks its ids against the project.
  const diff = z.object({
    order: z.array(id).max(10_000),
    reordered: z.array(shotRef.extend({ from: z.number().int(), to: z.number().int() })).max(10_000),
    durations: z
      .array(shotRef.extend({ beforeFrames: z.number().int(), afterFrames: z.number().int().min(1), deltaFrames: z.number().int(), deltaSeconds: z.number() }))
      .max(10_000),
    removed: z.array(shotRef).max(10_000),
    unknown: z
      .array(z.object({ position: z.number().int(), name: z.string().max(4096), fileName: z.string().max(4096).nullable(), durationFrames: z.number().int() }))
      .max(10_000),
    takeChanged: z.array(shotRef.extend({ before: z.number().int().nullable(), after: z.number().int() })).max(10_000),
    repeated: z.array(shotRef.extend({ position: z.number().int() })).max(10_000),
  });
  return {
    /** The timeline's size and rate for the open project, and where the dialog proposes to export. */
    'export.info': channel(empty).returns<ResolveExportInfo>(),
    /**
     * Writes OUT/<Title>_Resolve (progress as `export.progress`). An existing folder is refused
     * with code EXPORT_EXISTS unless `replace`: the UI asks, then calls again with `replace`.
     */
    'export.resolve': channel(
      z
        .object({ exportId, outDir: file, format: z.enum(MEDIA_FORMATS), fit: z.enum(FRAME_FITS), alternates: z.boolean(), replace: z.boolean().optional() })
        .strict(),
    ).returns<ResolveExportSummary>(),
    'export.cancel': channel(z.object({ exportId }).strict()).returns<null>(),
    /** The shot list CSV alone, at any time (before any take exists). */
    'export.shotList': channel(z.object({ path: file }).strict()).returns<{ path: string; shots: number }>(),
    /** The storyboard PDF alone, in seconds: from the frames the project keeps, not a Resolve export. `path`: a .pdf or a folder. */
    'export.storyboard': channel(
      z
        .object({
          path: file,
          perPage: z.literal(PANELS_PER_PAGE),
          paper: z.enum(PAPER_SIZES).optional(),
        })
        .strict(),
    ).returns<StoryboardSummary>(),
    /** Reads an FCPXML or EDL exported from Resolve and compares it with the shots; changes nothing. */
    'cut.importPreview': channel(z.object({ path: file }).strict()).returns<CutImportPreview>(),
    /** Applies the edit's order and planned durations as one undoable step (re-read from `path`, or a previewed `diff`). Deletes nothing. */
    'cut.importApply': channel(z.union([z.object({ path: file }).strict(), z.object({ diff }).strict()])).returns<CutImportResult>(),
  };
}

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = Contract[C]['out'];

/** Events the main process pushes to the renderer. */
export interface EventMap {
  /** Tables whose rows changed, so the renderer can invalidate the matching queries. */
  'project.changed': { tables: string[] };
  'project.opened': { project: ProjectInfo | null };
  'history.changed': HistoryState;
  /** A native menu item the renderer acts on (undo, delete, new shot…). */
  'menu.command': { command: MenuCommand };
  /** One file of a `library.import` finished (added or refused). */
  'library.importProgress': ImportProgress;
  'cut.animaticProgress': AnimaticProgress;
  /** Jobs changed state (and takes landed, when `takes`): invalidate job and take queries. */
  'jobs.changed': { jobIds: string[]; shotIds: string[]; takes: boolean };
  /** A running job's progress, 0–1, a few times a second at most. */
  'jobs.progress': { jobId: string; shotId: string; progress: number };
  /** A Generate click's images being cropped and scaled for their providers, shot by shot, before its jobs exist. */
  'jobs.preparing': { done: number; total: number };
  /** Every job of one Generate click has finished, one way or another. */
  /** `kind`: whether the batch made video takes or storyboard frames. */
  'jobs.batchFinished': { batchId: string; kind: TakeKind; ready: number; failed: number; attention: number; canceled: number };
  /** Whether this window runs the project's jobs, or which process does. */
  'jobs.engine': EngineStatus;
  /** A running Resolve export: its step, what it is doing, and how far along it is. */
  'export.progress': ResolveExportProgress;
}
export type EventName = keyof EventMap;

export const MENU_COMMANDS = [
  'project.new',
  'project.open',
  'edit.undo',
  'edit.redo',
  'edit.delete',
  'edit.duplicate',
  'shot.add',
  'scene.add',
  'shot.renumber',
  'view.cost',
  'file.exportResolve',
  'file.exportShotList',
  'file.exportStoryboard',
  'file.importCut',
  'file.importScript',
  'file.versions',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface ErrorInfo {
  /** `user` errors are the user's to fix (message says how); `internal` are our bugs. */
  kind: 'user' | 'internal';
  message: string;
  /** A user error the UI handles itself (e.g. EXPORT_EXISTS in domain/resolveExport.ts: confirm, then retry). */
  code?: string;
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** What the preload (or the devhost bridge) exposes as `window.shotline`. */
export interface ShotlineApi {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
  /**
   * Electron only: the path of a dropped or picked File (webUtils.getPathForFile), so imports read
   * it from disk; absent in a plain browser (the devhost), where the bytes are sent instead.
   */
  pathForFile?(file: unknown): string;
}

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export { isEventName } from './eventNames';
