// A text field's local draft over a value that lives in the core. Typing never waits for the
// core: the draft commits after `delay` ms idle and on blur (so an undo step is a burst of
// typing, not a keystroke); a change from outside (undo, another edit) replaces the draft
// unless the user is mid-edit. Pending text is committed when the field unmounts.
import { useCallback, useEffect, useRef, useState } from 'react';

interface DraftState {
  draft: string;
  /** The value the draft was last synced with. */
  base: string;
  dirty: boolean;
}

export interface Draft {
  value: string;
  dirty: boolean;
  onChange: (text: string) => void;
  /** Commit now (blur, Enter). */
  flush: () => void;
  /** Drop the edit and show the stored value again (Escape). */
  revert: () => void;
}

export function useDraft(value: string, commit: (text: string) => void, delay = 400): Draft {
  const [state, setState] = useState<DraftState>({ draft: value, base: value, dirty: false });
  if (value !== state.base) {
    // Adjusting state while rendering is React's way to follow a changed prop without an effect.
    if (!state.dirty || value === state.draft) setState({ draft: value, base: value, dirty: false });
    else setState({ ...state, base: value });
  }

  const commitRef = useRef(commit);
  const baseRef = useRef(state.base);
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    commitRef.current = commit;
  }, [commit]);
  useEffect(() => {
    baseRef.current = state.base;
  }, [state.base]);

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const text = pending.current;
    pending.current = null;
    // Typing and then undoing it by hand is not an edit.
    if (text !== null && text !== baseRef.current) commitRef.current(text);
  }, []);

  useEffect(() => flush, [flush]);

  const onChange = useCallback(
    (text: string) => {
      setState((s) => ({ ...s, draft: text, dirty: text !== s.base }));
      pending.current = text;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, delay);
    },
    [delay, flush],
  );

  const revert = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
    setState((s) => ({ draft: s.base, base: s.base, dirty: false }));
  }, []);

  return { value: state.draft, dirty: state.dirty, onChange, flush, revert };
}
