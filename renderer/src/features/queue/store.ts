// UI state of the generation features: whether the queue panel is open, the settings dialog,
// what Generate all drafts had to leave out, and how far a Generate click's images are prepared.
import { create } from 'zustand';
import type { SkippedShot } from '../../../../shared/domain/jobs';

interface QueueUi {
  queueOpen: boolean;
  setQueueOpen: (open: boolean) => void;
  settingsOpen: boolean;
  setSettingsOpen: (open: boolean) => void;
  /** What Generate all drafts (or frames for all shots) left out, and how many shots it did queue. */
  skipped: SkippedShot[];
  skippedQueued: number;
  /** Which button left them out: the fixes differ (a video tool, or an image model for frames). */
  skippedKind: 'drafts' | 'frames';
  setSkipped: (skipped: SkippedShot[], queued: number, kind?: 'drafts' | 'frames') => void;
  /** Shots whose images are cropped and scaled, of all, since `startedAt` (the last Generate click's). */
  preparing: { done: number; total: number; startedAt: number } | null;
  setPreparing: (done: number, total: number) => void;
}

export const useQueueUi = create<QueueUi>()((set) => ({
  queueOpen: false,
  setQueueOpen: (queueOpen) => set({ queueOpen }),
  settingsOpen: false,
  setSettingsOpen: (settingsOpen) => set({ settingsOpen }),
  skipped: [],
  skippedQueued: 0,
  skippedKind: 'drafts',
  setSkipped: (skipped, skippedQueued, skippedKind = 'drafts') => set({ skipped, skippedQueued, skippedKind }),
  preparing: null,
  setPreparing: (done, total) => set((s) => ({ preparing: { done, total, startedAt: done === 0 || !s.preparing ? Date.now() : s.preparing.startedAt } })),
}));
