// UI state of the generation features: whether the queue panel is open, and the settings dialog.
import { create } from 'zustand';

interface QueueUi {
  queueOpen: boolean;
  setQueueOpen: (open: boolean) => void;
  settingsOpen: boolean;
  setSettingsOpen: (open: boolean) => void;
}

export const useQueueUi = create<QueueUi>()((set) => ({
  queueOpen: false,
  setQueueOpen: (queueOpen) => set({ queueOpen }),
  settingsOpen: false,
  setSettingsOpen: (settingsOpen) => set({ settingsOpen }),
}));
