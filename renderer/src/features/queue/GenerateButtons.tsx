// Generate buttons: "Generate 2 takes" for the selected shots (the toolbar) or one shot (the
// inspector, with its fallback tool). N is the project's default takes setting.
import type { Shot } from '../../../../shared/domain/types';
import { TimeLeft } from '../../components/TimeLeft';
import { ToolSelect } from '../../components/ToolSelect';
import { useUi } from '../../stores/ui';
import { Field } from '../inspector/fields';
import { ShotEstimateLine } from '../inspector/ShotEstimateLine';
import { GenerateIcon } from './icons';
import { useGenerate, useGenerationSettings, useShotJobs } from './jobsApi';
import { useQueueUi } from './store';

function useDefaultTakes(): number {
  return useGenerationSettings().data?.defaultTakes ?? 2;
}

function takesLabel(n: number) {
  return `Generate ${n} take${n === 1 ? '' : 's'}`;
}

/** While the core crops and scales each shot's references for its provider, before the jobs exist: how far, and the time left. */
function Preparing() {
  const p = useQueueUi((s) => s.preparing);
  if (!p || p.total < 2) return <>Preparing images…</>;
  return (
    <>
      Preparing images: {p.done} of {p.total} shots <TimeLeft startedAt={p.startedAt} fraction={p.done / p.total} />
    </>
  );
}

/** Toolbar: the selected shots (or the focused one). */
export function GenerateSelected() {
  const selection = useUi((s) => s.selection);
  const ids = selection.ids.length ? selection.ids : selection.focus ? [selection.focus] : [];
  const n = useDefaultTakes();
  const generate = useGenerate();
  const openQueue = useQueueUi((s) => s.setQueueOpen);
  return (
    <button
      type="button"
      className="btn btn-keep-label"
      data-testid="generate-selected"
      disabled={!ids.length || generate.isPending}
      title={ids.length ? `${takesLabel(n)} of each selected shot, each with its own seed` : 'Select shots to generate'}
      onClick={() => generate.mutate({ shotIds: ids, takes: n }, { onSuccess: () => openQueue(true) })}
    >
      <GenerateIcon /> <span className="btn-label">{generate.isPending ? <Preparing /> : takesLabel(n)}</span>
    </button>
  );
}

/** Inspector: generate this shot, see how it goes, and name a tool to fall back on. */
export function ShotGenerate({ shot, update }: { shot: Shot; update: (patch: { fallbackTool: string | null }) => void }) {
  const n = useDefaultTakes();
  const generate = useGenerate();
  const jobs = useShotJobs(shot.id);
  const openQueue = useQueueUi((s) => s.setQueueOpen);
  const busy = jobs
    ? [
        jobs.active && `${jobs.active} generating`,
        jobs.queued && `${jobs.queued} queued`,
        jobs.attention && `${jobs.attention} need${jobs.attention === 1 ? 's' : ''} you`,
      ]
        .filter(Boolean)
        .join(' · ')
    : '';
  return (
    <div className="inspector-section shot-generate" role="group" aria-label="Generate">
      <div className="shot-generate-row">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="generate-shot"
          disabled={generate.isPending}
          onClick={() => generate.mutate({ shotIds: [shot.id], takes: n }, { onSuccess: () => openQueue(true) })}
        >
          <GenerateIcon /> {generate.isPending ? <Preparing /> : takesLabel(n)}
        </button>
        {busy && <span className="muted">{busy}</span>}
      </div>
      <ShotEstimateLine shot={shot} />
      <Field
        id="inspector-fallback-tool"
        label="Fallback tool"
        hint="Used when this shot's provider is down (errors in a row, not a content refusal): the queue offers the switch, or makes it if Settings allow"
      >
        <ToolSelect
          id="inspector-fallback-tool"
          value={shot.fallbackTool ?? ''}
          emptyOption="None"
          onChange={(tool) => update({ fallbackTool: tool || null })}
        />
      </Field>
    </div>
  );
}
