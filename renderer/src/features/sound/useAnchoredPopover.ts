// A small popover above a clip on a lane: placed over the element `anchor` selects, kept on
// screen, following it as it moves; closed by Escape or a press anywhere but it and the clip.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';

export function useAnchoredPopover(anchor: string, width: number, onClose: () => void, follow: unknown) {
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ left: number; top: number } | null>(null);

  useLayoutEffect(() => {
    const el = document.querySelector(anchor);
    if (!el) return;
    const r = el.getBoundingClientRect();
    const left = Math.min(Math.max(8, r.left), window.innerWidth - width - 8);
    setPlace((p) => (p && p.left === left && p.top === r.top ? p : { left, top: r.top }));
  }, [anchor, width, follow]);

  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      const t = e.target as Element | null;
      if (ref.current?.contains(t) || t?.closest?.(anchor)) return;
      onClose();
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    document.addEventListener('pointerdown', onDown, true);
    window.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown, true);
      window.removeEventListener('keydown', onKey);
    };
  }, [anchor, onClose]);

  const style = place ? { left: place.left, top: place.top - 6 } : { visibility: 'hidden' as const };
  return { ref, style };
}
