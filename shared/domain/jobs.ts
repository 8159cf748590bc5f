// Generation as the renderer and the CLI see it: jobs, takes, settings and spend. Plain data.
import type { ProviderId, ToolId } from './types';

export const JOB_STATES = [
  'queued',
  'submitting',
  'submitted',
  'running',
  'downloading',
  'checking',
  'ready',
  'failed',
  'canceled',
  'needs_attention',
] as const;
export type JobState = (typeof JOB_STATES)[number];

export const ATTENTION_CHOICES = ['check_again', 'mark_failed', 'submit_again', 'switch'] as const;
export type AttentionChoice = (typeof ATTENTION_CHOICES)[number];

/** Why a job stopped for the user, and what they may do about it. */
export interface Attention {
  reason: string;
  choices: Array<{ choice: AttentionChoice; label: string; detail: string }>;
  /** The tool `switch` moves to. */
  fallbackTool: ToolId | null;
}

export interface JobView {
  id: string;
  shotId: string;
  /** Label at the time of the request (the shot may have been renumbered or deleted since). */
  shotLabel: string;
  batchId: string;
  tool: ToolId;
  state: JobState;
  remoteId: string | null;
  /** 0–1 while running, where the provider says. */
  progress: number | null;
  /** Plain words: why it failed, or what is wrong. */
  error: string | null;
  attention: Attention | null;
  cancelRequested: boolean;
  seed: number | null;
  costEstimateUsd: number;
  /** What it actually cost (the provider's figure where it gives one, else the estimate); null until known. */
  costUsd: number | null;
  switchedFrom: ToolId | null;
  takeId: string | null;
  /** Milliseconds since the epoch. */
  createdAt: number;
  updatedAt: number;
  startedAt: number | null;
  finishedAt: number | null;
}

/** A take is a video clip, a still frame made by an image model (the storyboard stage), a spoken line or a sound effect. */
export const TAKE_KINDS = ['video', 'frame', 'line', 'sfx'] as const;
export type TakeKind = (typeof TAKE_KINDS)[number];

export interface TakeView {
  id: string;
  kind: TakeKind;
  shotId: string;
  jobId: string;
  number: number;
  /** `media/ab/<sha>.mp4`, relative to the project folder. */
  relPath: string;
  thumbRelPath: string | null;
  provider: ProviderId;
  model: string;
  tool: ToolId;
  prompt: string;
  seed: number | null;
  /** What the take cost: the provider's reported charge where there is one, else the estimate. */
  costUsd: number;
  /** The estimate the plan showed when it was queued (null for takes older than job records). */
  estimateUsd: number | null;
  /** What the provider reported charging (Runway credits, Kling units); null where it reports nothing. */
  chargedUsd: number | null;
  generationS: number | null;
  durationS: number | null;
  width: number | null;
  height: number | null;
  fps: number | null;
  selected: boolean;
  createdAt: string;
}

export interface GenerationSettings {
  /** Takes per shot when the user does not say. */
  defaultTakes: number;
  /** Seconds between polls for every provider (benchmarks, tests); null = each provider's own cadence. */
  pollIntervalS: number | null;
  /** Standing permission to switch a waiting job to its shot's fallback tool when its provider is down. */
  allowFallback: boolean;
  /** The image model storyboard frames are made with (`local:frame` needs no key). */
  frameTool: ToolId;
}

export const DEFAULT_GENERATION_SETTINGS: GenerationSettings = { defaultTakes: 2, pollIntervalS: null, allowFallback: false, frameTool: 'local:frame' };

/** A shot Generate all drafts left out, with what would let it run. */
export interface SkippedShot {
  shotId: string;
  label: string;
  tool: ToolId;
  provider: ProviderId | null;
  reason: string;
  /** 'key': add the provider's key; 'tool': the shot needs another tool (or a change its tool asks for). */
  fix: 'key' | 'tool';
}

export interface GenerateResult {
  /** Null when nothing could be queued. */
  batchId: string | null;
  jobIds: string[];
  /** Shots that got jobs. */
  shots: number;
  skipped: SkippedShot[];
}

/** One shot's part of the plan. */
export interface ShotPlan {
  /** What Generate uses: the shot's tool, or its final tool once the shot is marked final. */
  tool: ToolId;
  /** One take as Generate queues it on that tool: the clip plus any still frame made first. */
  takeUsd: number;
  /** The part of `takeUsd` that is the still frame made first (0 when none is). */
  frameUsd: number;
  /** The takes setting's number of those: what "Generate N takes" costs. */
  takesUsd: number;
  /** One take on the shot's final tool (its tool when it has none). */
  finalUsd: number;
  /** No take and nothing under way: Generate all drafts would queue it. */
  pending: boolean;
}

/** What the buttons will spend; every figure of money in the app reads it. */
export interface CostPlan {
  takes: number;
  /** What Generate all drafts would queue now, to the cent. */
  draftPlanUsd: number;
  /** One take of every shot on its final tool. */
  finalPlanUsd: number;
  spentUsd: number;
  /** Estimates of jobs queued or under way: neither spent nor among the drafts still to make. */
  inFlightUsd: number;
  shots: Record<string, ShotPlan>;
  frames: FramePlan;
  /** Spoken lines, apart from video. */
  dialogue: DialoguePlan;
  /** Sound-effect cues, apart from video. */
  effects: EffectsPlan;
}

/** The effect cues: what making those not yet made costs at ElevenLabs (free with local:sfx), and what effects cost so far. */
export interface EffectsPlan {
  /** Effect cues on shots. */
  cues: number;
  /** Of those, cues with no take and no job under way. */
  missing: number;
  /** The tool `planUsd` is priced on. */
  tool: ToolId;
  /** One take of each missing cue on `tool`. */
  planUsd: number;
  spentUsd: number;
}

/** The dialogue: what speaking the lines not yet spoken costs (each in its speaker's voice), and what lines cost so far. */
export interface DialoguePlan {
  /** Lines with words and a speaker who has a voice. */
  lines: number;
  /** Of those, lines with no take and no job under way. */
  missing: number;
  /** Lines with words whose speaker has no voice yet (not in the plan). */
  unvoiced: number;
  /** One take of each missing line. */
  planUsd: number;
  spentUsd: number;
}

/** Storyboard frames, apart from video: what "frames for all shots without one" costs, and what was spent on frames. */
export interface FramePlan {
  tool: ToolId;
  /** One frame on `tool`. */
  frameUsd: number;
  /** Shots with no circled frame and no frame job under way. */
  missing: number;
  /** `missing` × the takes setting × `frameUsd`. */
  planUsd: number;
  spentUsd: number;
  /** Animating one take of every shot from its frame: on each shot's own tool, and all on one provider for comparison. */
  animate: { shotToolsUsd: number; allRunwayUsd: number; allKlingUsd: number };
}

/** What the budget must hold once Generate all drafts has run: spent, on its way, and the drafts. */
export function committedAfterDraftsUsd(plan: Pick<CostPlan, 'spentUsd' | 'inFlightUsd' | 'draftPlanUsd'>): number {
  return plan.spentUsd + plan.inFlightUsd + plan.draftPlanUsd;
}

export interface SpendSummary {
  /** Recorded cost of jobs that finished. */
  spentUsd: number;
  /** Estimates of jobs queued or under way (and those waiting on the user, which may have billed). */
  inFlightUsd: number;
  /** The part of `spentUsd` the providers reported charging (Runway, Kling); the rest is estimates. */
  chargedUsd: number;
  /** What those same charged jobs were estimated at, to show the plan's accuracy. */
  chargedEstimateUsd: number;
  budgetUsd: number | null;
}

export interface EngineStatus {
  /** This process runs the project's jobs. */
  running: boolean;
  /** Who does instead ("shotline resume, pid 4242 on studio-mac"), when another process holds the project. */
  heldBy: string | null;
}

export interface KeyStatus {
  provider: ProviderId;
  name: string;
  /** Environment variables the CLI and devhost read it from. */
  envNames: string[];
  set: boolean;
  /** Last four characters, the only part of a key that ever reaches the renderer. */
  last4: string | null;
  source: 'vault' | 'env' | 'session' | null;
  baseUrl: string;
  /** Where the key store is weaker than it looks (Linux without a keyring). */
  warning?: string | null;
}

export const JOB_STATE_LABELS: Record<JobState, string> = {
  queued: 'Queued',
  submitting: 'Sending',
  submitted: 'Waiting',
  running: 'Generating',
  downloading: 'Downloading',
  checking: 'Checking',
  ready: 'Ready',
  failed: 'Failed',
  canceled: 'Canceled',
  needs_attention: 'Needs you',
};

/** States the engine still has work to do in; the rest are ended or wait on the user. */
export const ACTIVE_JOB_STATES = ['queued', 'submitting', 'submitted', 'running', 'downloading', 'checking'] as const satisfies readonly JobState[];
export const isJobActive = (s: JobState) => (ACTIVE_JOB_STATES as readonly JobState[]).includes(s);

/** What a key check found: it works, the provider refused it, the account has no credit left, or no answer. */
export type KeyVerdict = 'works' | 'wrong' | 'no_credit' | 'unreachable';

export interface KeyCheck {
  /** True only for `works`. */
  ok: boolean;
  verdict: KeyVerdict;
  /** The provider's answer in plain words (balance, or what to do). */
  detail: string;
}
