// A modal dialog with a title and a close button, open while `open` is true (Escape closes).
import { useEffect, useRef, type ReactNode } from 'react';
import { CloseIcon } from '../../components/icons';

export function Dialog({
  open,
  title,
  onClose,
  children,
  className = '',
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (open && d && !d.open) d.showModal();
    if (!open && d?.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className={`dialog small-dialog ${className}`} aria-label={title} onClose={onClose}>
      <button type="button" className="icon-btn dialog-close" aria-label="Close" onClick={onClose}>
        <CloseIcon />
      </button>
      <h2>{title}</h2>
      {open && children}
    </dialog>
  );
}
