// What an import did, in words: the one-line count, and the refused files named with why.
import type { ImportSummary } from '../../../../shared/domain/library';

export function describeSummary(s: ImportSummary): string {
  const parts = [];
  if (s.added.length) parts.push(`${s.added.length} image${s.added.length === 1 ? '' : 's'} added`);
  if (s.skipped.length) parts.push(`${s.skipped.length} already there`);
  if (s.refused.length) parts.push(`${s.refused.length} refused`);
  return parts.join(', ') || 'Nothing to import';
}

/** Files named in a toast before the rest are only counted; the import summary lists them all. */
export const REFUSED_SHOWN = 5;

/**
 * Every refused file's name with its reason, files refused for the same reason together
 * ("c.png, d.png: Runway takes up to 3…"); past REFUSED_SHOWN files, the rest are counted.
 */
export function refusedText(refused: ImportSummary['refused'], shown = REFUSED_SHOWN): string {
  const byReason = new Map<string, string[]>();
  for (const r of refused.slice(0, shown)) byReason.set(r.reason, [...(byReason.get(r.reason) ?? []), r.name]);
  const parts = [...byReason].map(([reason, names]) => `${names.join(', ')}: ${reason}`);
  const more = refused.length - shown;
  if (more > 0) parts.push(`…and ${more} more, listed in the library’s import summary.`);
  return parts.join(' ');
}

/** The error toast after an import that refused files, or null when none was refused. */
export function refusedToast(label: string, s: ImportSummary): string | null {
  return s.refused.length ? `${label}: ${describeSummary(s)}. ${refusedText(s.refused)}` : null;
}
