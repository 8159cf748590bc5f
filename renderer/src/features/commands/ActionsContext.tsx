import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { createActions, type Actions } from './actions';

const ActionsContext = createContext<Actions | null>(null);

export function ActionsProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const actions = useMemo(() => createActions(qc), [qc]);
  return <ActionsContext.Provider value={actions}>{children}</ActionsContext.Provider>;
}

export function useActions(): Actions {
  const actions = useContext(ActionsContext);
  if (!actions) throw new Error('useActions needs an ActionsProvider');
  return actions;
}
