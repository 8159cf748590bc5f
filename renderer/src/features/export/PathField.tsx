// A path typed in (it works in every host), plus Browse… where the host has a folder picker.
import { useAppInfo } from '../../api/queries';
import { FolderIcon } from '../../components/icons';
import { pickFolder } from '../projects/useOpenProject';

export function PathField({
  id,
  label,
  value,
  onChange,
  placeholder,
  hint,
  disabled,
  browse,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  placeholder?: string;
  hint?: string;
  disabled?: boolean;
  /** Browse picks a folder (the only picker the hosts offer). */
  browse?: boolean;
}) {
  const info = useAppInfo().data;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="input-with-button">
        <input id={id} value={value} onChange={(e) => onChange(e.target.value)} placeholder={placeholder} spellCheck={false} disabled={disabled} />
        {browse && info?.canPickFolders && (
          <button
            type="button"
            className="btn"
            aria-label={`Browse for ${label.toLowerCase()}`}
            disabled={disabled}
            onClick={() => void pickFolder().then((p) => p && onChange(p))}
          >
            <FolderIcon /> Browse…
          </button>
        )}
      </div>
      {hint && <span className="field-hint">{hint}</span>}
    </div>
  );
}
