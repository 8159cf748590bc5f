// The @tag being typed while the completion list is open: the inspector holds back its
// "not in the library" warning for it until the typing is done ("@ma" on the way to "@mara").
import { create } from 'zustand';

export const useTypingTag = create<{ tag: string | null; set: (tag: string | null) => void }>()((set) => ({
  tag: null,
  set: (tag) => set({ tag }),
}));
