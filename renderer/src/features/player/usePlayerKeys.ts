// Player keys. J/K/L, I/O, Alt+X and Space work anywhere but in a text field (Space also leaves a
// focused button or select alone: it presses them); the arrows, Home and End work when the
// player (or nothing) has focus, since the timeline and form controls have their own meaning for them.
import { useEffect, type RefObject } from 'react';
import { isTextEntry } from '../../components/keys';
import { shuttle } from './shuttle';
import { markIn, markOut, nextEdit, NO_LOOP, previousEdit, stepFrame } from './transport';
import type { PlayerContextValue } from './usePlayer';

function isControl(el: EventTarget | null): boolean {
  return (
    el instanceof HTMLButtonElement ||
    el instanceof HTMLSelectElement ||
    (el instanceof HTMLInputElement && el.type !== 'range') ||
    el instanceof HTMLAnchorElement
  );
}

export function usePlayerKeys(ctx: PlayerContextValue | null, root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (!ctx) return;
    const { engine, items } = ctx;
    let kHeld = false;

    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || isTextEntry(e.target) || e.target instanceof HTMLSelectElement) return;
      const s = engine.getState();
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      const here = e.target === document.body || (root.current?.contains(e.target as Node) ?? false);
      const go = (frame: number) => engine.seek(frame);
      const transport = (k: 'J' | 'K' | 'L' | 'Space') => {
        const r = shuttle(s.rate, k, kHeld);
        if (r.step) go(stepFrame(s.frame, r.step, s.total));
        else if (r.rate === 0) engine.pause();
        else engine.play(r.rate);
      };
      if (e.altKey) {
        if (key === 'x') engine.setLoop(NO_LOOP);
        else return;
      } else if (key === 'j' || key === 'l') transport(key === 'j' ? 'J' : 'L');
      else if (key === 'k') {
        if (!e.repeat) transport('K');
        kHeld = true;
      } else if (key === 'i') engine.setLoop(markIn(s.loop, s.frame));
      else if (key === 'o') engine.setLoop(markOut(s.loop, s.frame));
      else if (key === ' ') {
        if (isControl(e.target)) return;
        transport('Space');
      } else if (!here) return;
      else if (key === 'ArrowLeft' || key === 'ArrowRight') {
        if (s.rate) engine.pause();
        go(stepFrame(s.frame, (key === 'ArrowLeft' ? -1 : 1) * (e.shiftKey ? 24 : 1), s.total));
      } else if (key === 'ArrowUp') go(previousEdit(items, s.frame));
      else if (key === 'ArrowDown') go(nextEdit(items, s.frame));
      else if (key === 'Home') go(0);
      else if (key === 'End') go(s.total - 1);
      else return;
      e.preventDefault();
    };
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() === 'k') kHeld = false;
    };
    const onBlur = () => (kHeld = false);
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', onKeyUp);
    window.addEventListener('blur', onBlur);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('blur', onBlur);
    };
  }, [ctx, root]);
}
