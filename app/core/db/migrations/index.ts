import { initial } from './0001-initial';
import { budgetAndTiers } from './0002-budget-and-tiers';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [initial, budgetAndTiers];
export const SCHEMA_VERSION = MIGRATIONS.length;
export type { Migration };
