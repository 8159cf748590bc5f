// A scene's header row on the timeline: drag handle, number, editable name, totals and the
// scene's commands. Lives outside the listbox (it is not a shot) but in the same scroll.
import { useDraggable } from '@dnd-kit/core';
import { memo } from 'react';
import type { Scene } from '../../../../shared/domain/types';
import { formatRunningTime } from '../../../../shared/domain/timecode';
import { DownIcon, GripIcon, PlusIcon, TrashIcon, UpIcon } from '../../components/icons';
import { shortcut } from '../../components/keys';
import { useDraft } from '../../components/useDraft';
import { formatUsd } from '../../lib/format';
import { useActions } from '../commands/ActionsContext';

interface Props {
  scene: Scene;
  index: number;
  sceneCount: number;
  shots: number;
  durationS: number;
  usd: number;
  dragging: boolean;
}

export const SceneHeader = memo(function SceneHeader({ scene, index, sceneCount, shots, durationS, usd, dragging }: Props) {
  const actions = useActions();
  const { attributes, listeners, setNodeRef } = useDraggable({ id: `scene:${scene.id}`, data: { kind: 'scene', sceneId: scene.id } });
  const name = useDraft(scene.name, (text) => void actions.renameScene(scene.id, text.trim()));
  const n = scene.number;
  return (
    <div className={`scene-header${dragging ? ' is-dragging' : ''}`} role="group" aria-label={`Scene ${n}`} data-testid={`scene-header-${n}`}>
      <button
        type="button"
        ref={setNodeRef}
        {...listeners}
        {...attributes}
        // Pointer only: keyboard users move scenes with the buttons or Alt+Up/Down.
        tabIndex={-1}
        className="icon-btn grip"
        aria-label={`Drag scene ${n}`}
        title="Drag to reorder scenes"
      >
        <GripIcon />
      </button>
      <span className="scene-number" aria-hidden="true">
        {n}
      </span>
      <input
        className="scene-name"
        aria-label={`Scene ${n} name`}
        placeholder="Scene name (e.g. INT. DINER - NIGHT)"
        value={name.value}
        onChange={(e) => name.onChange(e.target.value)}
        onBlur={name.flush}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
          if (e.key === 'Escape') {
            name.revert();
            e.currentTarget.blur();
          }
        }}
        spellCheck={false}
      />
      <span className="scene-meta">
        {shots} {shots === 1 ? 'shot' : 'shots'} · {formatRunningTime(durationS)} · {formatUsd(usd)}
      </span>
      <span className="scene-actions">
        <button
          type="button"
          className="icon-btn"
          aria-label={`New shot in scene ${n}`}
          title="Add a shot at the end of this scene"
          onClick={() => void actions.addShotToScene(scene.id)}
        >
          <PlusIcon />
        </button>
        <button
          type="button"
          className="icon-btn"
          aria-label={`Move scene ${n} up`}
          title={`Move scene up (${shortcut('Alt+↑')} from one of its shots)`}
          disabled={index === 0}
          onClick={() => void actions.moveScene(scene.id, index - 1)}
        >
          <UpIcon />
        </button>
        <button
          type="button"
          className="icon-btn"
          aria-label={`Move scene ${n} down`}
          title={`Move scene down (${shortcut('Alt+↓')} from one of its shots)`}
          disabled={index >= sceneCount - 1}
          onClick={() => void actions.moveScene(scene.id, index + 1)}
        >
          <DownIcon />
        </button>
        <button
          type="button"
          className="icon-btn danger"
          aria-label={`Delete scene ${n}`}
          title="Delete scene and its shots (undo with Ctrl+Z)"
          onClick={() => void actions.deleteScene(scene.id)}
        >
          <TrashIcon />
        </button>
      </span>
    </div>
  );
});

export function EmptySceneRow({ sceneId, number, highlighted }: { sceneId: string; number: number; highlighted: boolean }) {
  const actions = useActions();
  return (
    <div className={`scene-empty${highlighted ? ' is-drop' : ''}`}>
      <span>No shots in scene {number} yet — drop shots here, or</span>
      <button
        type="button"
        className="btn btn-small"
        aria-label={`Add first shot to scene ${number}`}
        title="Add a shot to this scene (Ctrl+Enter)"
        onClick={() => void actions.addShotToScene(sceneId)}
      >
        <PlusIcon /> Add shot
      </button>
    </div>
  );
}
