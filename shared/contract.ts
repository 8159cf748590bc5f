// The one typed contract between the renderer and the main process. Every channel is an entry
// here: a zod schema for its input and the type of its output. `app/electron` (IPC) and
// `app/devhost` (WebSocket) are two transports of this same table; `app/core/services`
// implements it, and a mapped type makes the build fail until every channel has a handler.
import { z } from 'zod';
import type {
  HistoryState,
  ProjectInfo,
  ProjectSnapshot,
  RecentProject,
  Scene,
  Shot,
} from './domain/types';
import { ASPECT_RATIOS, CAMERA_MOVES, SHOT_STATUSES, TIERS } from './domain/types';
import type { FocusRect, ImportProgress, ImportSummary, LibraryImage, LibraryItem, ShotRefs } from './domain/library';
import { LIBRARY_KINDS } from './domain/library';

const id = z.string().min(1).max(64);
const text = (max = 20_000) => z.string().max(max);
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
    dialogue: text(),
    notes: text(),
    status: z.enum(SHOT_STATUSES),
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
  'app.info': channel(empty).returns<{ version: string; host: 'electron' | 'devhost'; canPickFolders: boolean; defaultProjectsDir: string }>(),
  'app.pickFolder': channel(empty).returns<string | null>(),

  'project.create': channel(z.object({ parentDir: z.string().min(1).max(4096), title: z.string().trim().min(1).max(200) }).strict()).returns<ProjectInfo>(),
  'project.open': channel(z.object({ path: z.string().min(1).max(4096) }).strict()).returns<ProjectInfo>(),
  'project.close': channel(empty).returns<null>(),
  'project.current': channel(empty).returns<ProjectInfo | null>(),
  'project.recent': channel(empty).returns<RecentProject[]>(),
  'project.snapshot': channel(empty).returns<ProjectSnapshot>(),
  'project.update': channel(z
      .object({
        title: z.string().trim().min(1).max(200).optional(),
        aspectRatio: z.enum(ASPECT_RATIOS).optional(),
        budgetUsd: z.number().nonnegative().max(10_000_000).nullable().optional(),
      })
      .strict()).returns<ProjectInfo>(),

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
} as const;

/** The reference library, shot reference slots and keyframes (issue 3). */
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
    z.object({ to: z.literal('items'), kind }).strict(),
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
  const itemPatch = z.object({ kind, name: z.string().max(200), tag, notes: text() }).partial().strict();
  return {
    'library.list': channel(empty).returns<{ items: LibraryItem[]; loose: LibraryImage[] }>(),
    /** Imports files (paths or bytes) into the library, an item, a shot's slots or a keyframe; progress comes as `library.importProgress`. */
    'library.import': channel(z.object({ importId: z.string().max(64).optional(), files: z.array(file).min(1).max(2000), target }).strict()).returns<ImportSummary>(),
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
    'library.preview': channel(z.object({ imageId: id, maxSide: z.number().int().min(64).max(2048).optional() }).strict()).returns<{ dataUrl: string; width: number; height: number }>(),
    /** What a provider would be sent for this image at this ratio. */
    'library.sendPreview': channel(z.object({ imageId: id, tool: toolId, ratio }).strict()).returns<{ dataUrl: string; width: number; height: number; short: boolean; notes: string[] }>(),
    'refs.all': channel(empty).returns<Record<string, ShotRefs>>(),
    /** Replaces the shot's slots, in order; more than its model takes is refused. */
    'refs.set': channel(z.object({ shotId: id, refs: z.array(slot).max(16) }).strict()).returns<ShotRefs>(),
    'refs.setKeyframe': channel(z.object({ shotId: id, which: z.enum(['start', 'end']), source: keyframeSource.nullable() }).strict()).returns<ShotRefs>(),
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
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface ErrorInfo {
  /** `user` errors are the user's to fix (message says how); `internal` are our bugs. */
  kind: 'user' | 'internal';
  message: string;
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

export function isEventName(name: string): name is EventName {
  return ['project.changed', 'project.opened', 'history.changed', 'menu.command', 'library.importProgress'].includes(name);
}
