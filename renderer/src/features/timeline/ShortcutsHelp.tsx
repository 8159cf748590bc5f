// Every keyboard shortcut in one place, opened from the timeline toolbar or with "?".
import { useEffect, useRef } from 'react';
import { CloseIcon } from '../../components/icons';
import { shortcut } from '../../components/keys';

export const SHORTCUTS: Array<[keys: string, what: string]> = [
  ['←  →  ↑  ↓', 'Move between shots (Shift extends the selection)'],
  ['Home  End', 'First / last shot'],
  ['Ctrl+Click  Shift+Click', 'Add to / extend the selection'],
  ['Ctrl+A', 'Select every shot'],
  ['Ctrl+Space', 'Toggle the focused shot in the selection'],
  ['Alt+←  Alt+→', 'Move the selected shots earlier / later (across scenes)'],
  ['Alt+↑  Alt+↓', "Move the focused shot's scene up / down"],
  ['Ctrl+Enter', 'Add a shot after the selected one'],
  ['Ctrl+Shift+Enter', 'Add a scene'],
  ['Ctrl+D', 'Duplicate the selected shots'],
  ['Delete', 'Delete the selected shots'],
  ['Enter', 'Edit the focused shot in the inspector'],
  ['Ctrl+Z', 'Undo'],
  ['Ctrl+Shift+Z  Ctrl+Y', 'Redo'],
  ['Ctrl+Shift+S', 'Versions: save the project under a name, or go back to a saved version'],
  ['Ctrl+B', 'Switch between the timeline and the board of frames'],
  ['Ctrl+Shift+L', "Speak all lines: every shot's dialogue in its speakers' voices"],
  ['+  −', 'Larger / smaller cards'],
  ['Escape', 'Keep only the focused shot selected'],
  ['J  K  L', 'Player: play backwards / stop / play (again: faster); Space plays and pauses anywhere but in a text field'],
  ['I  O  Alt+X', 'Player: loop from / to the frame under the playhead; clear the loop'],
  ['←  →', 'Player (focused): one frame back / on (Shift: one second)'],
  ['↑  ↓', 'Player (focused): previous / next shot'],
];

export const TIMELINE_HELP =
  'Arrow keys move between shots, Shift extends the selection, Alt with arrows moves shots, Delete removes, Control D duplicates, Control Enter adds a shot. Press question mark for all shortcuts.';

export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (open && d && !d.open) d.showModal();
    if (!open && d?.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog shortcuts-dialog" aria-label="Keyboard shortcuts" onClose={onClose}>
      <button type="button" className="icon-btn dialog-close" aria-label="Close" onClick={onClose}>
        <CloseIcon />
      </button>
      <h2>Keyboard shortcuts</h2>
      {/* Only while open: a hundred cells nobody sees would be drawn with the first screen. */}
      {open && (
        <table className="shortcuts-table">
          <tbody>
            {SHORTCUTS.map(([keys, what]) => (
              <tr key={keys}>
                <th scope="row">
                  {keys.split('  ').map((k) => (
                    <kbd key={k}>{shortcut(k)}</kbd>
                  ))}
                </th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </dialog>
  );
}
