// Domain types shared by the core, the CLI and the renderer. Plain data only: everything
// here must survive structured cloning across the IPC boundary and JSON over the devhost.

import type { DialogueLine } from './dialogue';
import type { ShotListFields } from './shotList';
import type { SoundMode } from './sound';

export const PROVIDERS = ['runway', 'kling', 'veo', 'luma', 'minimax', 'elevenlabs', 'local'] as const;
export type ProviderId = (typeof PROVIDERS)[number];

/** `provider:model`, the model id as the provider's API names it (e.g. `runway:gen4_turbo`). */
export type ToolId = string;

export const CAMERA_MOVES = [
  'static',
  'push_in',
  'pull_out',
  'pan_left',
  'pan_right',
  'tilt_up',
  'tilt_down',
  'orbit',
  'tracking',
  'crane',
  'handheld',
] as const;
export type CameraMove = (typeof CAMERA_MOVES)[number];

export const ASPECT_RATIOS = ['16:9', '9:16', '1:1', '4:3', '3:4', '21:9'] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

export const TIERS = ['draft', 'final'] as const;
export type Tier = (typeof TIERS)[number];

export const SHOT_STATUSES = ['planned', 'generating', 'has_takes', 'approved'] as const;
export type ShotStatus = (typeof SHOT_STATUSES)[number];

/** The structured prompt: the parts a good video prompt names: subject, scene, camera, motion, timed beats, style and what to avoid. */
export interface PromptParts {
  subject: string;
  scene: string;
  camera: CameraMove;
  /** Free text that refines the camera preset ("slow, low angle"). */
  cameraText: string;
  motion: string;
  style: string;
  negative: string;
  /** Temporal beats, one per line ("0-2s: …"). */
  beats: string;
}

export interface Scene {
  id: string;
  /** Scene number used in shot labels; stable until the user renumbers. */
  number: number;
  name: string;
  position: number;
}

export interface Shot {
  id: string;
  sceneId: string;
  /** Stable label such as "1A"; kept through reorders until Renumber. */
  label: string;
  position: number;
  action: string;
  prompt: PromptParts;
  durationS: number;
  aspectRatio: AspectRatio;
  /** e.g. "720p", "1080p"; empty means the model's default. */
  resolution: string;
  tool: ToolId;
  /** Tool used when the shot is escalated from draft to final. */
  finalTool: ToolId | null;
  /** Tool a job may switch to when this shot's provider is down (never after a content refusal). */
  fallbackTool?: ToolId | null;
  tier: Tier;
  /** The lines spoken in the shot, in order (see dialogue.ts). */
  dialogue: DialogueLine[];
  /** The shot list's columns: size, angle, lens, equipment, location, cast, setup, custom. */
  list: ShotListFields;
  notes: string;
  status: ShotStatus;
  /** What the cut plays for this shot: the take's own sound, the dialogue and effects, or both. */
  soundMode: SoundMode;
  /** Ask the tool for the take's own sound where that is an option that costs more (Kling 2.6). */
  askSound: boolean;
}

export interface ProjectInfo {
  title: string;
  /** Absolute path of the `Name.shotline` folder. */
  path: string;
  aspectRatio: AspectRatio;
  budgetUsd: number | null;
  /** "Written by\nAna Ruiz", from a script's title page; printed on the storyboard cover. */
  credits: string;
  /** The project's own shot-list columns, in order ("Wardrobe", "Props"). */
  customColumns: string[];
  schemaVersion: number;
}

/** Everything the timeline needs in one read. */
export interface ProjectSnapshot {
  project: ProjectInfo;
  scenes: Scene[];
  shots: readonly Shot[];
}

export interface RecentProject {
  title: string;
  path: string;
  openedAt: string;
}

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
}

export function emptyPrompt(): PromptParts {
  return {
    subject: '',
    scene: '',
    camera: 'static',
    cameraText: '',
    motion: '',
    style: '',
    negative: '',
    beats: '',
  };
}

export function splitTool(tool: ToolId): { provider: string; model: string } {
  const i = tool.indexOf(':');
  return i < 0 ? { provider: tool, model: '' } : { provider: tool.slice(0, i), model: tool.slice(i + 1) };
}
