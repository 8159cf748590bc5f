// "Show in folder" at the end of an export or a render: the system's file manager opens on the
// file. Where the host cannot open one (the devhost without a desktop), its message, which says
// where the file is, shows under the button.
import { useState } from 'react';
import { call, errorMessage } from '../../api/client';
import { FolderIcon } from '../../components/icons';
import { FormError } from './FormError';

export function ShowInFolder({ path }: { path: string }) {
  const [error, setError] = useState<string | null>(null);
  const show = () => {
    setError(null);
    call('app.showInFolder', { path }).catch((err) => setError(errorMessage(err)));
  };
  return (
    <div className="show-in-folder">
      <button type="button" className="btn btn-small" onClick={show}>
        <FolderIcon /> Show in folder
      </button>
      <FormError error={error} />
    </div>
  );
}
