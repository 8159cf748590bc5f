// The app bar: project title (editable), running time, cost against budget, undo/redo.
import { plural } from '../../../../shared/domain/words';
import { committedAfterDraftsUsd } from '../../../../shared/domain/jobs';
import { useCostPlan } from '../queue/jobsApi';
import { FrameSelect } from './FrameChange';
import { formatRunningTime } from '../../../../shared/domain/timecode';
import type { ProjectSnapshot } from '../../../../shared/domain/types';
import { useHistoryState } from '../../api/queries';
import { CloseIcon, FilmIcon, RedoIcon, UndoIcon } from '../../components/icons';
import { shortcut } from '../../components/keys';
import { useDraft } from '../../components/useDraft';
import { formatUsd } from '../../lib/format';
import { costOf } from '../../lib/snapshotCost';
import { useActions } from '../commands/ActionsContext';
import { ViewSwitch } from '../board/ViewSwitch';
import { ExportMenu } from '../export/ExportMenu';
import { SettingsButton } from '../settings/SettingsDialog';

function ProjectTitle({ title }: { title: string }) {
  const actions = useActions();
  const draft = useDraft(title, (text) => {
    if (text.trim() && text.trim() !== title) void actions.updateProject({ title: text.trim() });
  });
  return (
    <input
      className="project-title"
      aria-label="Project title"
      title="Rename the project"
      value={draft.value}
      size={Math.max(8, Math.min(40, draft.value.length + 1))}
      onChange={(e) => draft.onChange(e.target.value)}
      onBlur={() => (draft.value.trim() ? draft.flush() : draft.revert())}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
        if (e.key === 'Escape') {
          draft.revert();
          e.currentTarget.blur();
        }
      }}
      spellCheck={false}
    />
  );
}

/** Spent, on its way, and what Generate all drafts would spend now, against the budget (as the cost panel's meter). */
function PlanStat({ budgetUsd }: { budgetUsd: number | null }) {
  const plan = useCostPlan().data;
  if (!plan) return null;
  const total = committedAfterDraftsUsd(plan);
  const over = budgetUsd !== null && total > budgetUsd + 1e-9;
  const title =
    `Spent ${formatUsd(plan.spentUsd)}, ${formatUsd(plan.inFlightUsd)} on its way, and ${formatUsd(plan.draftPlanUsd)} for Generate all drafts ` +
    `(${plural(plan.takes, 'take')} of each shot with none yet)${over ? ': more than the budget' : ''}`;
  return (
    <span className={`stat${over ? ' is-over' : ''}`} title={title}>
      <span className="stat-label">Cost</span>
      <span className="stat-value" data-testid="header-cost">
        {formatUsd(total)}
      </span>
      {budgetUsd !== null && <span className="stat-budget">/ {formatUsd(budgetUsd)}</span>}
    </span>
  );
}

export function Header({ snapshot }: { snapshot: ProjectSnapshot }) {
  const actions = useActions();
  const history = useHistoryState().data;
  const cost = costOf(snapshot);
  const undoTitle = history?.undoLabel ? `Undo ${history.undoLabel}` : 'Nothing to undo';
  const redoTitle = history?.redoLabel ? `Redo ${history.redoLabel}` : 'Nothing to redo';
  return (
    <header className="app-header">
      <span className="logo" aria-hidden="true">
        <FilmIcon />
      </span>
      <ProjectTitle title={snapshot.project.title} />
      <div className="header-stats">
        <span className="stat" title="Total running time of all shots">
          <span className="stat-label">Running time</span>
          <span className="stat-value" data-testid="running-time">
            {formatRunningTime(cost.totalDurationS)}
          </span>
        </span>
        <PlanStat budgetUsd={cost.budgetUsd} />
        <FrameSelect ratio={snapshot.project.aspectRatio} />
      </div>
      <ViewSwitch />
      <span className="header-spacer" />
      <ExportMenu />
      <div className="toolbar" role="toolbar" aria-label="History">
        <button
          type="button"
          className="icon-btn"
          aria-label="Undo"
          title={`${undoTitle} (${shortcut('Ctrl+Z')})`}
          disabled={!history?.canUndo}
          onClick={() => void actions.undo()}
        >
          <UndoIcon />
        </button>
        <button
          type="button"
          className="icon-btn"
          aria-label="Redo"
          title={`${redoTitle} (${shortcut('Ctrl+Shift+Z')})`}
          disabled={!history?.canRedo}
          onClick={() => void actions.redo()}
        >
          <RedoIcon />
        </button>
      </div>
      <SettingsButton />
      <button type="button" className="icon-btn" aria-label="Close project" title="Close project" onClick={() => void actions.closeProject()}>
        <CloseIcon />
      </button>
    </header>
  );
}
