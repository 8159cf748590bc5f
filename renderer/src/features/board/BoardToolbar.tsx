// The board's commands: the view switch, frames for every shot without one, redo the picked
// ones, the panel density; and under them the image model frames are made with and what
// animating the approved frames will cost.
import { KeyboardIcon } from '../../components/icons';
import { formatUsd } from '../../lib/format';
import { BOARD_DENSITIES, useLayout } from '../../stores/layout';
import { useUi } from '../../stores/ui';
import { useCostPlan, useGenerationSettings } from '../queue/jobsApi';
import { ShortcutsHelp } from '../timeline/ShortcutsHelp';
import { useSetFrameTool } from './boardApi';
import { FramesForAll, RedoFrames } from './FramesForAll';
import { FrameToolSelect } from './FrameToolSelect';

const DENSITY_NAMES = { S: 'Small panels', M: 'Medium panels', L: 'Large panels' } as const;

export function BoardToolbar() {
  const density = useLayout((s) => s.boardDensity);
  const setDensity = useLayout((s) => s.setBoardDensity);
  const shortcutsOpen = useUi((s) => s.shortcutsOpen);
  const setShortcutsOpen = useUi((s) => s.setShortcutsOpen);
  return (
    <>
      <div className="toolbar board-toolbar" role="toolbar" aria-label="Board tools">
        <FramesForAll />
        <RedoFrames />
        <span className="toolbar-spacer" />
        <div className="segmented board-density" role="radiogroup" aria-label="Panel size">
          {BOARD_DENSITIES.map((d) => (
            <label key={d} className={`segment${density === d ? ' is-on' : ''}`} title={DENSITY_NAMES[d]}>
              <input type="radio" name="board-density" aria-label={DENSITY_NAMES[d]} checked={density === d} onChange={() => setDensity(d)} />
              {d}
            </label>
          ))}
        </div>
        <button
          type="button"
          className="icon-btn board-kbd"
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
          onClick={() => setShortcutsOpen(true)}
        >
          <KeyboardIcon />
        </button>
        <ShortcutsHelp open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
      </div>
      <div className="board-costs">
        <FrameTool />
        <AnimateCost />
      </div>
    </>
  );
}

function FrameTool() {
  const frameTool = useGenerationSettings().data?.frameTool;
  const setTool = useSetFrameTool();
  return (
    <label className="toolbar-field" title="The image model storyboard frames are made with">
      <span>Frames with</span>
      <FrameToolSelect
        className="select-compact"
        label="Frame tool"
        value={frameTool ?? ''}
        disabled={!frameTool || setTool.isPending}
        onChange={setTool.set}
      />
    </label>
  );
}

/** What animating one take of every shot from its frame costs: its own tool, all Runway, all Kling. */
function AnimateCost() {
  const fp = useCostPlan().data?.frames;
  if (!fp) return null;
  const a = fp.animate;
  return (
    <span data-testid="animate-cost" title="One take of every shot animated from its frame">
      Animate approved frames: <strong>{formatUsd(a.shotToolsUsd)}</strong> with each shot’s tool · {formatUsd(a.allRunwayUsd)} all Runway ·{' '}
      {formatUsd(a.allKlingUsd)} all Kling
    </span>
  );
}
