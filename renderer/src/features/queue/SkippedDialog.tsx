// What Generate all drafts (or frames for all shots) left out and why, with the two fixes: add the
// provider's key, or move those shots to another tool (for frames: another image model) and go now.
import { useState } from 'react';
import { DEFAULT_FRAME_TOOL, DEFAULT_TOOL, getModel, getProvider } from '../../../../shared/catalog';
import type { SkippedShot } from '../../../../shared/domain/jobs';
import { plural } from '../../../../shared/domain/words';
import { call } from '../../api/client';
import { ToolSelect } from '../../components/ToolSelect';
import { useFramesGenerate } from '../board/boardApi';
import { FrameToolSelect } from '../board/FrameToolSelect';
import { Dialog } from '../takes/Dialog';
import { useGenerate } from './jobsApi';
import { useQueueUi } from './store';

export function SkippedDialog() {
  const skipped = useQueueUi((s) => s.skipped);
  const queued = useQueueUi((s) => s.skippedQueued);
  const kind = useQueueUi((s) => s.skippedKind);
  const close = () => useQueueUi.getState().setSkipped([], 0);
  const open = skipped.length > 0;
  const title = queued > 0 ? `${plural(skipped.length, 'shot')} not queued` : 'Nothing was queued';
  return (
    <Dialog open={open} title={title} onClose={close} className="skipped-dialog">
      <p className="muted">
        {queued > 0 ? `Queued ${plural(queued, 'shot')}. ` : ''}
        These can't run as they are:
      </p>
      <ul className="skipped-list" data-testid="skipped-list">
        {skipped.map((s) => (
          <li key={s.shotId}>
            <strong>{s.label}</strong> <span className="muted">{getModel(s.tool)?.name ?? s.tool}</span>
            <p>{s.reason}</p>
          </li>
        ))}
      </ul>
      {kind === 'frames' ? <FrameFixes skipped={skipped} onDone={close} /> : <Fixes skipped={skipped} onDone={close} />}
    </Dialog>
  );
}

function Fixes({ skipped, onDone }: { skipped: SkippedShot[]; onDone: () => void }) {
  const [tool, setTool] = useState<string>(DEFAULT_TOOL);
  const generate = useGenerate();
  const ids = skipped.map((s) => s.shotId);
  const switchAndGenerate = async () => {
    await call('shot.updateMany', { ids, patch: { tool } });
    generate.mutate({ shotIds: ids }, { onSuccess: onDone });
  };
  return (
    <div className="skipped-fixes">
      <KeyFix skipped={skipped} again="Generate all drafts" onDone={onDone} />
      <div className="dialog-actions">
        <label htmlFor="skipped-tool">Or switch {ids.length === 1 ? 'it' : `these ${ids.length}`} to</label>
        <ToolSelect id="skipped-tool" value={tool} onChange={setTool} />
        <button type="button" className="btn btn-primary" disabled={generate.isPending} onClick={() => void switchAndGenerate()}>
          Switch and generate
        </button>
      </div>
    </div>
  );
}

/** Frames left out: the key, or the same shots' frames on another image model (the shots keep their tools). */
function FrameFixes({ skipped, onDone }: { skipped: SkippedShot[]; onDone: () => void }) {
  const [tool, setTool] = useState<string>(DEFAULT_FRAME_TOOL);
  const frames = useFramesGenerate();
  const ids = skipped.map((s) => s.shotId);
  return (
    <div className="skipped-fixes">
      <KeyFix skipped={skipped} again="make the frames" onDone={onDone} />
      <div className="dialog-actions">
        <label htmlFor="skipped-frame-tool">Or make {ids.length === 1 ? 'its frame' : 'their frames'} with</label>
        <FrameToolSelect id="skipped-frame-tool" value={tool} onChange={setTool} />
        <button
          type="button"
          className="btn btn-primary"
          disabled={frames.isPending}
          onClick={() => frames.mutate({ shotIds: ids, tool }, { onSuccess: onDone })}
        >
          Make frames
        </button>
      </div>
    </div>
  );
}

function KeyFix({ skipped, again, onDone }: { skipped: SkippedShot[]; again: string; onDone: () => void }) {
  const missingKeys = [...new Set(skipped.filter((s) => s.fix === 'key' && s.provider).map((s) => s.provider!))];
  if (missingKeys.length === 0) return null;
  return (
    <div className="dialog-actions">
      <span className="muted">
        Add the {missingKeys.map((p) => getProvider(p)?.name ?? p).join(' and ')} key in Settings, then {again} again.
      </span>
      <button
        type="button"
        className="btn"
        onClick={() => {
          onDone();
          useQueueUi.getState().setSettingsOpen(true);
        }}
      >
        Add key…
      </button>
    </div>
  );
}
