// The end of a one-file export form: the error if any, Cancel (Close once written), Export.
import { FormError } from './FormError';

export function ExportFooter({
  error,
  done,
  busy,
  ready,
  onClose,
}: {
  error: string | null;
  done: boolean;
  busy: boolean;
  ready: boolean;
  onClose: () => void;
}) {
  return (
    <>
      <FormError error={error} />
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          {done ? 'Close' : 'Cancel'}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy || !ready}>
          {busy ? 'Exporting…' : 'Export'}
        </button>
      </div>
    </>
  );
}
