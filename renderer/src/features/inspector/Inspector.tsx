// The shot inspector: everything about the focused shot, edited in place. Every field commits
// through `shot.update`; nothing here ever blocks typing, and problems are advisory.
import { useMemo } from 'react';
import type { ProjectSnapshot, Shot } from '../../../../shared/domain/types';
import { validateShot, type ShotIssue } from '../../../../shared/domain/validation';
import { useUi } from '../../stores/ui';
import { useActions } from '../commands/ActionsContext';
import { useShotRefOptions } from '../library/libraryApi';
import { ShotRefsSection } from '../refs/ShotRefsSection';
import { ShotTakes } from '../takes/ShotTakes';
import { FieldIssues, TextField } from './fields';
import { FormatFields } from './FormatFields';
import { PromptFields } from './PromptFields';
import { PromptPreview } from './PromptPreview';
import { ShotGenerate } from '../queue/GenerateButtons';
import { ShotListFields } from './ShotListFields';
import { ToolFields } from './ToolFields';
import { DialogueFields } from './DialogueFields';
import { SoundFields } from './SoundFields';

function byField(issues: ShotIssue[]) {
  return (field: ShotIssue['field']) => issues.filter((i) => i.field === field);
}

export function Inspector({ snapshot }: { snapshot: ProjectSnapshot }) {
  const focus = useUi((s) => s.selection.focus);
  const count = useUi((s) => s.selection.ids.length);
  const shot = focus ? snapshot.shots.find((s) => s.id === focus) : undefined;
  if (!shot) {
    return (
      <section className="inspector inspector-rail" aria-label="Shot inspector">
        <p className="inspector-rail-text">No shot selected · click a shot to edit it, or press Ctrl+Enter to add one</p>
      </section>
    );
  }
  return (
    <ShotForm
      key={shot.id}
      shot={shot}
      scene={snapshot.scenes.find((s) => s.id === shot.sceneId)?.name ?? ''}
      others={count > 1 ? count - 1 : 0}
      customColumns={snapshot.project.customColumns}
    />
  );
}

function ShotForm({ shot, scene, others, customColumns }: { shot: Shot; scene: string; others: number; customColumns: string[] }) {
  const actions = useActions();
  const refOptions = useShotRefOptions(shot.id);
  const issues = useMemo(() => validateShot(shot, refOptions), [shot, refOptions]);
  const of = byField(issues);
  const update = (patch: Parameters<typeof actions.updateShot>[1]) => void actions.updateShot(shot.id, patch);
  const general = [...of('keyframes'), ...of('refs')];
  return (
    <form className="inspector" aria-label="Shot inspector" onSubmit={(e) => e.preventDefault()}>
      <header className="inspector-head">
        <h2>
          Shot <span className="accent-text">{shot.label}</span>
        </h2>
        <span className="inspector-scene" title={scene}>
          {scene}
        </span>
        {others > 0 && <span className="chip">+{others} more selected</span>}
      </header>
      <ToolFields shot={shot} issues={issues} update={update} />
      <ShotGenerate shot={shot} update={update} />
      <FieldIssues id="inspector-general" issues={general} />
      <div className="inspector-section">
        <TextField
          id="inspector-action"
          label="Action"
          multiline
          rows={3}
          value={shot.action}
          onCommit={(action) => update({ action })}
          placeholder="What happens in this shot"
          issues={of('action')}
        />
        <DialogueFields shot={shot} update={update} />
      </div>
      <SoundFields shot={shot} update={update} />
      <ShotTakes shot={shot} />
      <PromptFields shot={shot} issues={issues} update={update} />
      <ShotRefsSection shot={shot} />
      <PromptPreview shot={shot} issues={issues} />
      <FormatFields shot={shot} issues={issues} update={update} />
      <ShotListFields shot={shot} customColumns={customColumns} update={update} />
      <div className="inspector-section">
        <h3>Notes</h3>
        <TextField
          id="inspector-notes"
          label="Notes"
          multiline
          value={shot.notes}
          onCommit={(notes) => update({ notes })}
          placeholder="Anything for the edit or the next pass"
        />
      </div>
    </form>
  );
}
