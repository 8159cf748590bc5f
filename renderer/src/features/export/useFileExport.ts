// The state of a dialog that writes one file (the shot list, the storyboard): where to, the
// project's proposal filled in once known, busy while it writes, then the result or the error.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { call, errorMessage } from '../../api/client';
import { useExportDialog, type ExportDialog } from './store';

export function useFileExport<T>(dialog: NonNullable<ExportDialog>, write: (path: string) => Promise<T>) {
  const open = useExportDialog((s) => s.open === dialog);
  const setOpen = useExportDialog((s) => s.setOpen);
  const info = useQuery({ queryKey: ['export', 'info'], queryFn: () => call('export.info', {}), enabled: open });
  const [target, setTarget] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (info.data && !target) setTarget(info.data.defaultOutDir);
  }, [info.data, target]);

  const save = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await write(target.trim()));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return { open, close: () => setOpen(null), target, setTarget, busy, done, error, save };
}
