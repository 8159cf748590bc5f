// A running job's progress (0–1) as the core pushes it: UI state fed by events, not fetched data.
import { create } from 'zustand';

interface JobProgressState {
  byJob: Record<string, number>;
  set(jobId: string, progress: number): void;
  reset(): void;
}

export const useJobProgressStore = create<JobProgressState>((set) => ({
  byJob: {},
  set: (jobId, progress) => set((s) => ({ byJob: { ...s.byJob, [jobId]: progress } })),
  reset: () => set({ byJob: {} }),
}));
