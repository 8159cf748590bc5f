// New/Open from the menu while a project is open: the same forms in a modal dialog.
import { useEffect, useRef } from 'react';
import { CloseIcon } from '../../components/icons';
import { useUi } from '../../stores/ui';
import { NewProjectForm } from './NewProjectForm';
import { OpenProjectForm } from './OpenProjectForm';

export function ProjectDialog() {
  const which = useUi((s) => s.projectDialog);
  const close = useUi((s) => s.setProjectDialog);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (which && d && !d.open) d.showModal();
    if (!which && d?.open) d.close();
  }, [which]);
  return (
    <dialog ref={ref} className="dialog" aria-label={which === 'open' ? 'Open project' : 'New project'} onClose={() => close(null)}>
      <button type="button" className="icon-btn dialog-close" aria-label="Close" onClick={() => close(null)}>
        <CloseIcon />
      </button>
      {which === 'new' && <NewProjectForm autoFocus />}
      {which === 'open' && <OpenProjectForm autoFocus />}
    </dialog>
  );
}
