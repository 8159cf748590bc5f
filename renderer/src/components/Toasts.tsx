// Command failures and short confirmations, bottom-right. Errors stay until dismissed;
// information fades after a few seconds (longer when it offers something to do).
import { useEffect } from 'react';
import { useUi, type Toast } from '../stores/ui';
import { CloseIcon } from './icons';

function ToastItem({ toast }: { toast: Toast }) {
  const dismiss = useUi((s) => s.dismiss);
  useEffect(() => {
    if (toast.kind === 'error') return;
    const t = setTimeout(() => dismiss(toast.id), toast.action ? 10_000 : 4000);
    return () => clearTimeout(t);
  }, [toast, dismiss]);
  return (
    <div className={`toast toast-${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'}>
      <span>{toast.message}</span>
      {toast.action && (
        <button
          type="button"
          className="btn btn-small toast-action"
          onClick={() => {
            dismiss(toast.id);
            toast.action!.run();
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="icon-btn" aria-label="Dismiss" title="Dismiss" onClick={() => dismiss(toast.id)}>
        <CloseIcon />
      </button>
    </div>
  );
}

export function Toasts() {
  const toasts = useUi((s) => s.toasts);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <ToastItem key={t.id} toast={t} />
      ))}
    </div>
  );
}
