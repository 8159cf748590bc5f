// The crop a provider is sent, per image and per ratio: drag the frame over the image, size it
// with the slider, and see what the shot's tool would receive (scaled down, never up).
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { getModel } from '../../../../shared/catalog';
import { defaultFocus, fitFocus, ratioValue } from '../../../../shared/domain/focus';
import type { FocusRect, LibraryImage } from '../../../../shared/domain/library';
import { ASPECT_RATIOS, type AspectRatio } from '../../../../shared/domain/types';
import { call } from '../../api/client';
import { useSnapshot } from '../../api/queries';
import { CloseIcon } from '../../components/icons';
import { useUi } from '../../stores/ui';
import { act } from './actions';
import { libraryKeys, useLibrary } from './libraryApi';
import { useLibraryUi } from './store';

const FALLBACK_TOOL = 'runway:gen4_turbo';
/** Tallest the image is shown, in CSS pixels. */
const STAGE_HEIGHT = 420;

function findImage(data: ReturnType<typeof useLibrary>['data'], id: string): LibraryImage | undefined {
  return data?.items.flatMap((i) => i.images).find((i) => i.id === id) ?? data?.loose.find((i) => i.id === id);
}

export function FocusEditor() {
  const target = useLibraryUi((s) => s.focus);
  const close = useLibraryUi((s) => s.editFocus);
  const image = findImage(useLibrary().data, target?.imageId ?? '');
  if (!target || !image) return null;
  return <Editor key={image.id} image={image} onClose={() => close(null)} />;
}

function Editor({ image, onClose }: { image: LibraryImage; onClose: () => void }) {
  const snapshot = useSnapshot().data;
  const focusShot = useUi((s) => s.selection.focus);
  const shot = snapshot?.shots.find((s) => s.id === focusShot);
  const tool = shot?.tool ?? FALLBACK_TOOL;
  const [ratio, setRatio] = useState<AspectRatio>(shot?.aspectRatio ?? snapshot?.project.aspectRatio ?? '16:9');
  const initial = image.focus[ratio] ?? defaultFocus(image.width, image.height, ratio);
  const [rect, setRect] = useState<FocusRect>(initial);
  const [rectRatio, setRectRatio] = useState(ratio);
  if (rectRatio !== ratio) {
    setRectRatio(ratio);
    setRect(image.focus[ratio] ?? defaultFocus(image.width, image.height, ratio));
  }
  const preview = useQuery({
    queryKey: libraryKeys.preview(image.id),
    queryFn: () => call('library.preview', { imageId: image.id, maxSide: 640 }),
    staleTime: Infinity,
  });
  const saved = image.focus[ratio];
  const send = useQuery({
    queryKey: ['library', 'send', image.id, tool, ratio, saved ?? null],
    queryFn: () => call('library.sendPreview', { imageId: image.id, tool, ratio }),
    staleTime: Infinity,
  });
  const frame = useRef<HTMLDivElement>(null);
  const drag = useRef<{ x: number; y: number; rect: FocusRect } | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  const maxW = useMemo(() => defaultFocus(image.width, image.height, ratio).w, [image, ratio]);
  const fit = (r: FocusRect) => setRect(fitFocus(r, image.width, image.height, ratio));
  const resize = (w: number) =>
    fit({ x: rect.x + rect.w / 2 - w / 2, y: rect.y + rect.h / 2 - (w * image.width) / ratioValue(ratio) / image.height / 2, w, h: rect.h });
  const onPointerDown = (e: PointerEvent) => {
    (e.target as Element).setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, y: e.clientY, rect };
  };
  const onPointerMove = (e: PointerEvent) => {
    const d = drag.current;
    const box = frame.current?.getBoundingClientRect();
    if (!d || !box) return;
    fit({ ...d.rect, x: d.rect.x + (e.clientX - d.x) / box.width, y: d.rect.y + (e.clientY - d.y) / box.height });
  };
  const onKey = (e: KeyboardEvent) => {
    const step = e.shiftKey ? 0.1 : 0.02;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const m = moves[e.key];
    if (!m) return;
    e.preventDefault();
    fit({ ...rect, x: rect.x + m[0], y: rect.y + m[1] });
  };
  const save = async () => {
    await act('library.setFocus', { imageId: image.id, ratio, rect });
  };

  return (
    <dialog className="dialog focus-editor" aria-label={`Crop ${image.name}`} ref={dialog} onClose={onClose}>
      <button type="button" className="icon-btn dialog-close" aria-label="Close" onClick={onClose}>
        <CloseIcon />
      </button>
      <div className="focus-body">
        <h2>Crop {image.name}</h2>
        <div className="segmented" role="radiogroup" aria-label="Crop ratio">
          {ASPECT_RATIOS.map((r) => (
            <label key={r} className={`segment${r === ratio ? ' is-on' : ''}`}>
              <input type="radio" name="focus-ratio" value={r} checked={r === ratio} onChange={() => setRatio(r)} />
              {r}
              {image.focus[r] ? ' •' : ''}
            </label>
          ))}
        </div>
        <div className="focus-stage">
          <div
            className="focus-frame"
            ref={frame}
            style={{ aspectRatio: `${image.width} / ${image.height}`, width: `min(100%, ${Math.round((STAGE_HEIGHT * image.width) / image.height)}px)` }}
          >
            {preview.data && <img src={preview.data.dataUrl} alt="" draggable={false} />}
            <div
              className="focus-rect"
              role="slider"
              tabIndex={0}
              aria-label={`${ratio} crop position`}
              aria-valuetext={`${Math.round(rect.x * 100)}% from left, ${Math.round(rect.y * 100)}% from top`}
              style={{ left: `${rect.x * 100}%`, top: `${rect.y * 100}%`, width: `${rect.w * 100}%`, height: `${rect.h * 100}%` }}
              onPointerDown={onPointerDown}
              onPointerMove={onPointerMove}
              onPointerUp={() => (drag.current = null)}
              onKeyDown={onKey}
            />
          </div>
        </div>
        <label className="field focus-size">
          <span className="field-label">Crop size</span>
          <input type="range" min={Math.min(0.1, maxW)} max={maxW} step={0.01} value={rect.w} onChange={(e) => resize(Number(e.target.value))} />
        </label>
        <p className="field-hint" aria-live="polite">
          {send.data
            ? `${getModel(tool)?.name ?? tool} is sent ${send.data.width}×${send.data.height} for ${ratio}${saved ? '' : ' (centred crop)'}.`
            : send.error
              ? (send.error as Error).message
              : 'Working out the size sent…'}
          {send.data?.notes.map((n) => ` ${n}`)}
        </p>
        <footer className="focus-foot">
          <button type="button" className="btn" onClick={() => void act('library.setFocus', { imageId: image.id, ratio, rect: null })}>
            Reset to centre
          </button>
          <span className="spacer" />
          <button type="button" className="btn" onClick={onClose}>
            Close
          </button>
          <button type="button" className="btn btn-primary" onClick={() => void save()}>
            Save {ratio} crop
          </button>
        </footer>
      </div>
    </dialog>
  );
}
