import { useDraft } from '../../components/useDraft';
import { parseUsd } from '../../lib/format';
import { useActions } from '../commands/ActionsContext';

/** The project budget in dollars; empty means no budget. Commits through `project.update`. */
export function BudgetField({ budgetUsd }: { budgetUsd: number | null }) {
  const actions = useActions();
  const draft = useDraft(budgetUsd === null ? '' : String(budgetUsd), (text) => {
    const v = parseUsd(text);
    if (v !== undefined && v !== budgetUsd) void actions.updateProject({ budgetUsd: v });
  });
  const invalid = parseUsd(draft.value) === undefined;
  return (
    <div className="budget-field">
      <label htmlFor="cost-budget">Budget</label>
      <div className="input-prefix">
        <span aria-hidden="true">$</span>
        <input
          id="cost-budget"
          type="text"
          inputMode="decimal"
          placeholder="none"
          value={draft.value}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? 'cost-budget-error' : undefined}
          onChange={(e) => draft.onChange(e.target.value)}
          onBlur={draft.flush}
          onKeyDown={(e) => {
            if (e.key === 'Enter') draft.flush();
            if (e.key === 'Escape') draft.revert();
          }}
        />
      </div>
      {invalid && (
        <p className="field-issue issue-error" id="cost-budget-error">
          Type an amount in dollars, e.g. 40, or leave it empty for no budget.
        </p>
      )}
    </div>
  );
}
