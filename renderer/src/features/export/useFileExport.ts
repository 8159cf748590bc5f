// The state of a dialog that writes one file (the shot list, the storyboard): where to, the
// project's proposal filled in once known, busy while it writes, then the result or the error.
import { useBusy } from '../../components/useBusy';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { useExportDialog, type ExportDialog } from './store';

export function useFileExport<T>(dialog: NonNullable<ExportDialog>, write: (path: string) => Promise<T>) {
  const open = useExportDialog((s) => s.open === dialog);
  const setOpen = useExportDialog((s) => s.setOpen);
  const info = useQuery({ queryKey: ['export', 'info'], queryFn: () => call('export.info', {}), enabled: open });
  const [target, setTarget] = useState('');
  const [done, setDone] = useState<T | null>(null);
  const { busy, error, run } = useBusy();
  useEffect(() => {
    if (info.data && !target) setTarget(info.data.defaultOutDir);
  }, [info.data, target]);

  const save = () =>
    run(async () => {
      setDone(null);
      setDone(await write(target.trim()));
    });
  return { open, close: () => setOpen(null), target, setTarget, busy, done, error, save };
}
