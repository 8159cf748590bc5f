// A simple drawing on a shot, for people who sketch their boards: pen, eraser, size, undo
// (Ctrl+Z here, kept from the project's undo), clear, at the shot's aspect ratio. Saved as a PNG
// through library.import: as the shot's start keyframe, or as a library item.
import { useEffect, useRef, useState } from 'react';
import { LIBRARY_KINDS, type ImportTarget, type LibraryKind } from '../../../../shared/domain/library';
import type { ProjectSnapshot, Shot } from '../../../../shared/domain/types';
import { primary, shortcut } from '../../components/keys';
import { ratioValue } from '../../lib/labels';
import { useUi } from '../../stores/ui';
import { useImport } from '../library/useImport';
import { Dialog } from '../takes/Dialog';
import { SketchCanvas } from './SketchCanvas';
import { useSketch } from './store';
import { addStroke, canvasSize, clearSketch, EMPTY_SKETCH, redo, undo, type SketchHistory, type SketchTool } from './strokes';
import './sketch.css';

const KIND_NAMES: Record<LibraryKind, string> = { character: 'Character', location: 'Location', prop: 'Prop', style: 'Style' };

export function SketchDialog({ snapshot }: { snapshot: ProjectSnapshot }) {
  const shotId = useSketch((s) => s.shotId);
  const close = useSketch((s) => s.close);
  const shot = shotId ? snapshot.shots.find((s) => s.id === shotId) : undefined;
  return (
    <Dialog open={!!shot} title={shot ? `Sketch ${shot.label}` : 'Sketch'} onClose={close} className="sketch-dialog">
      {/* Keyed by shot: another shot starts on a clean page. */}
      {shot && <SketchBody key={shot.id} shot={shot} onDone={close} />}
    </Dialog>
  );
}

function SketchBody({ shot, onDone }: { shot: Shot; onDone: () => void }) {
  const [history, setHistory] = useState<SketchHistory>(EMPTY_SKETCH);
  const [tool, setTool] = useState<SketchTool>('pen');
  const [size, setSize] = useState(8);
  const [kind, setKind] = useState<LibraryKind>('style');
  const [saving, setSaving] = useState(false);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const runImport = useImport();
  const { width, height } = canvasSize(ratioValue(shot.aspectRatio));
  const empty = history.strokes.length === 0;

  // While the dialog is open, Ctrl+Z and Ctrl+Y are the drawing's, wherever focus is (a click on
  // the canvas leaves it on the page): caught first, so the project's undo never fires underneath.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const key = e.key.toLowerCase();
      if (!primary(e) || e.altKey || (key !== 'z' && key !== 'y')) return;
      e.preventDefault();
      e.stopPropagation();
      setHistory((h) => (key === 'y' || e.shiftKey ? redo(h) : undo(h)));
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  const save = async (target: ImportTarget, what: string) => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    setSaving(true);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) {
      setSaving(false);
      useUi.getState().notify('error', 'The sketch could not be turned into an image. Try again, or draw it smaller.');
      return;
    }
    const file = new File([blob], `Sketch ${shot.label}.png`, { type: 'image/png' });
    const summary = await runImport([{ file }], target, `Sketch of ${shot.label}`);
    setSaving(false);
    if (summary && summary.added.length > 0) {
      useUi.getState().notify('info', `Sketch saved ${what}.`);
      onDone();
    }
  };

  return (
    <div className="sketch">
      <div className="toolbar sketch-tools" role="toolbar" aria-label="Sketch tools">
        <div className="segmented" role="radiogroup" aria-label="Drawing tool">
          {(['pen', 'eraser'] as const).map((t) => (
            <label key={t} className={`segment${tool === t ? ' is-on' : ''}`}>
              <input type="radio" name="sketch-tool" checked={tool === t} onChange={() => setTool(t)} />
              {t === 'pen' ? 'Pen' : 'Eraser'}
            </label>
          ))}
        </div>
        <label className="toolbar-field sketch-size">
          <span>Size</span>
          <input type="range" min={1} max={48} step={1} value={size} aria-label="Pen size" onChange={(e) => setSize(Number(e.target.value))} />
          <span className="sketch-size-value" aria-hidden="true">
            {size}
          </span>
        </label>
        <span className="toolbar-spacer" />
        <button type="button" className="btn" disabled={history.past.length === 0} onClick={() => setHistory(undo)} title={`Undo (${shortcut('Ctrl+Z')})`}>
          Undo
        </button>
        <button type="button" className="btn" disabled={empty} onClick={() => setHistory(clearSketch)} title="Clear the page (undo brings it back)">
          Clear
        </button>
      </div>
      <div className="sketch-stage">
        <SketchCanvas
          width={width}
          height={height}
          strokes={history.strokes}
          tool={tool}
          size={size}
          label={`Sketch of ${shot.label}, ${history.strokes.length} strokes`}
          onStroke={(stroke) => setHistory((h) => addStroke(h, stroke))}
          canvasRef={canvasRef}
        />
      </div>
      <div className="dialog-actions sketch-actions">
        <label className="toolbar-field">
          <span>Library kind</span>
          <select aria-label="Library kind" value={kind} onChange={(e) => setKind(e.target.value as LibraryKind)}>
            {LIBRARY_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_NAMES[k]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="btn"
          disabled={empty || saving}
          onClick={() => void save({ to: 'item', kind, name: `Sketch ${shot.label}` }, 'to the library')}
          title="A library item of its own, to use as a reference or a keyframe"
        >
          Save to library
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={empty || saving}
          onClick={() => void save({ to: 'keyframe', shotId: shot.id, which: 'start', source: 'Sketch' }, `as the start keyframe of ${shot.label}`)}
        >
          Save as start keyframe
        </button>
      </div>
    </div>
  );
}
