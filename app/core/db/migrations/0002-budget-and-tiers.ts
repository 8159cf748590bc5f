import type { Migration } from './types';

/** Draft/final escalation and the project budget the cost planner warns against. */
export const budgetAndTiers: Migration = {
  version: 2,
  name: 'budget-and-tiers',
  up: `
    ALTER TABLE project ADD COLUMN budget_usd REAL;
    ALTER TABLE shots ADD COLUMN tier TEXT NOT NULL DEFAULT 'draft' CHECK (tier IN ('draft', 'final'));
    ALTER TABLE shots ADD COLUMN final_tool TEXT;
  `,
};
