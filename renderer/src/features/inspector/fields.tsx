// Labelled inspector fields. Text commits through useDraft (idle or blur); problems from
// validation render under the field and mark it invalid for assistive tech.
import type { ReactNode } from 'react';
import type { ShotIssue } from '../../../../shared/domain/validation';
import { ErrorIcon, WarningIcon } from '../../components/icons';
import { useDraft } from '../../components/useDraft';

export function issueId(fieldId: string): string {
  return `${fieldId}-issues`;
}

export function FieldIssues({ id, issues }: { id: string; issues: readonly ShotIssue[] }) {
  if (!issues.length) return null;
  return (
    <ul className="field-issues" id={issueId(id)}>
      {issues.map((issue, i) => (
        <li key={i} className={`field-issue issue-${issue.severity}`}>
          {issue.severity === 'error' ? <ErrorIcon /> : <WarningIcon />}
          <span>{issue.message}</span>
        </li>
      ))}
    </ul>
  );
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  issues?: readonly ShotIssue[];
  children: ReactNode;
  /** Extra content to the right of the label (counters, chips). */
  aside?: ReactNode;
}

export function Field({ id, label, hint, issues = [], children, aside }: FieldProps) {
  return (
    <div className="field">
      <div className="field-label-row">
        <label htmlFor={id} title={hint}>
          {label}
        </label>
        {aside}
      </div>
      {children}
      <FieldIssues id={id} issues={issues} />
    </div>
  );
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onCommit: (text: string) => void;
  multiline?: boolean;
  rows?: number;
  placeholder?: string;
  hint?: string;
  issues?: readonly ShotIssue[];
}

export function TextField({ id, label, value, onCommit, multiline, rows = 2, placeholder, hint, issues = [] }: TextFieldProps) {
  const draft = useDraft(value, onCommit);
  const invalid = issues.some((i) => i.severity === 'error');
  const common = {
    id,
    value: draft.value,
    placeholder,
    spellCheck: true,
    'aria-invalid': invalid || undefined,
    'aria-describedby': issues.length ? issueId(id) : undefined,
    onBlur: draft.flush,
  };
  return (
    <Field id={id} label={label} hint={hint} issues={issues}>
      {multiline ? (
        <textarea {...common} rows={rows} onChange={(e) => draft.onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type="text"
          onChange={(e) => draft.onChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') draft.flush();
            if (e.key === 'Escape') draft.revert();
          }}
        />
      )}
    </Field>
  );
}
