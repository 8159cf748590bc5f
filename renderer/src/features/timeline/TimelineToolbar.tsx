// Commands over the timeline, each with its shortcut in the tooltip.
import { DuplicateIcon, KeyboardIcon, NumberIcon, PlusIcon, SceneIcon, TrashIcon, ZoomInIcon, ZoomOutIcon } from '../../components/icons';
import { shortcut } from '../../components/keys';
import { ToolSelect } from '../../components/ToolSelect';
import { ZOOM_MAX, ZOOM_MIN, useUi } from '../../stores/ui';
import { useActions } from '../commands/ActionsContext';
import { GenerateSelected } from '../queue/GenerateButtons';
import { ShortcutsHelp } from './ShortcutsHelp';
import { ZOOM_STEP } from './useTimelineKeys';

export function TimelineToolbar({ shotCount }: { shotCount: number }) {
  const actions = useActions();
  const selection = useUi((s) => s.selection);
  const zoom = useUi((s) => s.zoom);
  const setZoom = useUi((s) => s.setZoom);
  const shortcutsOpen = useUi((s) => s.shortcutsOpen);
  const setShortcutsOpen = useUi((s) => s.setShortcutsOpen);
  const count = selection.ids.length || (selection.focus ? 1 : 0);
  const noun = count === 1 ? 'shot' : 'shots';
  return (
    <div className="toolbar timeline-toolbar" role="toolbar" aria-label="Timeline tools">
      <button
        type="button"
        className="btn"
        aria-label="Add shot"
        onClick={() => void actions.addShot()}
        title={`Add a shot after the selected one (${shortcut('Ctrl+Enter')})`}
      >
        <PlusIcon /> <span className="btn-label">Add shot</span>
      </button>
      <button
        type="button"
        className="btn"
        aria-label="Add scene"
        onClick={() => void actions.addScene()}
        title={`Add a scene after the current one (${shortcut('Ctrl+Shift+Enter')})`}
      >
        <SceneIcon /> <span className="btn-label">Add scene</span>
      </button>
      <span className="toolbar-sep" />
      <button
        type="button"
        className="icon-btn"
        aria-label="Duplicate shots"
        disabled={!count}
        onClick={() => void actions.duplicate()}
        title={`Duplicate selected ${noun} (${shortcut('Ctrl+D')})`}
      >
        <DuplicateIcon />
      </button>
      <button
        type="button"
        className="icon-btn danger"
        aria-label="Delete shots"
        disabled={!count}
        onClick={() => void actions.deleteShots()}
        title="Delete selected shots (Delete)"
      >
        <TrashIcon />
      </button>
      <label className="toolbar-field" title="Set the tool of every selected shot">
        <span>Tool</span>
        <ToolSelect
          className="select-compact"
          label="Tool for selected shots"
          value=""
          emptyOption={count ? `Set for ${count} ${noun}…` : 'Select shots first'}
          disabled={!count}
          onChange={(tool) => tool && void actions.setTool(tool)}
        />
      </label>
      <button
        type="button"
        className="btn"
        onClick={() => void actions.renumber()}
        aria-label="Renumber shots"
        title="Renumber scenes and shots in timeline order (labels otherwise stay put)"
      >
        <NumberIcon /> <span className="btn-label">Renumber</span>
      </button>
      <GenerateSelected />
      <span className="toolbar-spacer" />
      <span className="toolbar-info" aria-live="polite">
        {selection.ids.length > 1 ? `${selection.ids.length} of ${shotCount} selected` : `${shotCount} ${shotCount === 1 ? 'shot' : 'shots'}`}
      </span>
      <button
        type="button"
        className="icon-btn"
        aria-label="Zoom out"
        disabled={zoom <= ZOOM_MIN}
        onClick={() => setZoom(zoom - ZOOM_STEP)}
        title="Smaller cards (−)"
      >
        <ZoomOutIcon />
      </button>
      <input
        type="range"
        aria-label="Zoom"
        className="zoom-slider"
        min={ZOOM_MIN}
        max={ZOOM_MAX}
        step={0.05}
        value={zoom}
        onChange={(e) => setZoom(Number(e.target.value))}
        title="Card size (− and + on the timeline)"
      />
      <button
        type="button"
        className="icon-btn"
        aria-label="Zoom in"
        disabled={zoom >= ZOOM_MAX}
        onClick={() => setZoom(zoom + ZOOM_STEP)}
        title="Larger cards (+)"
      >
        <ZoomInIcon />
      </button>
      <button type="button" className="icon-btn" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={() => setShortcutsOpen(true)}>
        <KeyboardIcon />
      </button>
      <ShortcutsHelp open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
    </div>
  );
}
