// The film's frame, from the header. With takes in place a change asks first, saying how many
// takes no longer fit and how they will be fitted; the change itself is one undoable edit.
import { useState } from 'react';
import { takesOffFrame } from '../../../../shared/domain/takes';
import { ASPECT_RATIOS, type AspectRatio } from '../../../../shared/domain/types';
import { plural } from '../../../../shared/domain/words';
import { call } from '../../api/client';
import { useActions } from '../commands/ActionsContext';
import { Dialog } from '../takes/Dialog';

export function FrameSelect({ ratio }: { ratio: AspectRatio }) {
  const actions = useActions();
  const [ask, setAsk] = useState<{ to: AspectRatio; off: number; wider: number; total: number } | null>(null);
  const change = async (to: AspectRatio) => {
    const takes = await call('generation.takes', {});
    const { off, wider } = takesOffFrame(takes, to);
    if (off === 0) void actions.updateProject({ aspectRatio: to });
    else setAsk({ to, off, wider, total: takes.length });
  };
  return (
    <>
      <label className="stat" title="Frame of the film: new shots and the timeline's frames use it">
        <span className="stat-label">Frame</span>
        <select className="select-bare" aria-label="Project aspect ratio" value={ratio} onChange={(e) => void change(e.target.value as AspectRatio)}>
          {ASPECT_RATIOS.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <Dialog open={!!ask} title={ask ? `Change the frame to ${ask.to}?` : ''} onClose={() => setAsk(null)}>
        {ask && (
          <>
            <p className="dialog-text" data-testid="frame-change-text">
              {ask.off} of {plural(ask.total, 'take')} no longer fit {ask.to}
              {ask.wider === ask.off ? ' (they are wider)' : ask.wider === 0 ? ' (they are taller)' : ''}. The player shows them whole with bars; the Resolve
              export letterboxes or crops them, as you choose in its dialog. Shots keep their own frame for new takes: change it in the inspector, or for many
              at once.
            </p>
            <div className="dialog-actions">
              <button type="button" className="btn" onClick={() => setAsk(null)}>
                Keep {ratio}
              </button>
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => {
                  void actions.updateProject({ aspectRatio: ask.to });
                  setAsk(null);
                }}
              >
                Change to {ask.to}
              </button>
            </div>
          </>
        )}
      </Dialog>
    </>
  );
}
