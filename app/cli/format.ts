// Plain-text tables and figures for the human (non-JSON) output, and number options as commands read them.
import { UserError } from '../core/errors';
import { terminalSafe } from './terminal';

export interface Column {
  title: string;
  align?: 'left' | 'right';
  /** Longer cells are cut with an ellipsis so one long scene name cannot push the table wide. */
  max?: number;
}

/** Cleaned before it is measured, so a cell's hidden escape sequences cannot skew the columns. */
function fit(raw: string, max = Infinity): string {
  const text = terminalSafe(raw);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Columns padded to their widest cell, a rule under the header, and one above the footer rows. */
export function table(columns: Column[], rows: string[][], footer: string[][] = []): string {
  const cells = (row: string[]) => columns.map((c, i) => fit(row[i] ?? '', c.max));
  const body = rows.map(cells);
  const foot = footer.map(cells);
  const all = [columns.map((c) => c.title), ...body, ...foot];
  const widths = columns.map((_, i) => Math.max(...all.map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => (columns[i]!.align === 'right' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const out = [line(all[0]!), rule, ...body.map(line)];
  if (foot.length > 0) out.push(rule, ...foot.map(line));
  return out.join('\n') + '\n';
}

// Grouped by hand rather than with toLocaleString: its first call loads ICU's number data, a
// fifth of a `shotline list`.
const grouped = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export function usd(n: number): string {
  const [whole, cents] = Math.abs(n).toFixed(2).split('.');
  return `${n < 0 && Math.abs(n) >= 0.005 ? '-' : ''}$${grouped(whole!)}.${cents}`;
}

export function count(n: number): string {
  const [whole, fraction] = String(Math.abs(n)).split('.');
  return `${n < 0 ? '-' : ''}${grouped(whole!)}${fraction ? `.${fraction}` : ''}`;
}

export function seconds(n: number): string {
  return `${Number.isInteger(n) ? n : n.toFixed(1)} s`;
}

export { plural } from '../../shared/domain/words';

/** "$5.50 left of $40.00" or "$3.20 over the $40.00 budget". */
export function budgetLine(budgetUsd: number | null, leftUsd: number | null): string {
  if (budgetUsd === null || leftUsd === null) return 'no budget set';
  return leftUsd >= 0 ? `${usd(leftUsd)} left of ${usd(budgetUsd)}` : `${usd(-leftUsd)} over the ${usd(budgetUsd)} budget`;
}

/** A number option (`--name VALUE`) within its range, or undefined when not given. */
export function num(value: unknown, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isFinite(n) || n < min || n > max)
    throw new UserError(`--${name} takes a number from ${min} to ${max}, not "${String(value)}".`);
  return n;
}
