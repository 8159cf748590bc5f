// Numbers as a filmmaker reads them in dense UI: money, credits, seconds.

const usd2 = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const usd0 = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** "$0.25", "$12.40", "$1,250" (cents dropped from four digits up, where they are noise). */
export function formatUsd(usd: number): string {
  if (!Number.isFinite(usd)) return '—';
  return Math.abs(usd) >= 1000 ? usd0.format(usd) : usd2.format(usd);
}

/** "125 cr"; null (a provider not priced in credits) shows nothing. */
export function formatCredits(credits: number | null): string {
  if (credits === null || !Number.isFinite(credits)) return '';
  return `${int.format(credits)} cr`;
}

/** Shot durations: "5s", "2.5s". */
export function formatSeconds(s: number): string {
  const r = Math.round(s * 10) / 10;
  return `${Number.isInteger(r) ? r.toFixed(0) : r.toFixed(1)}s`;
}

/** Parses a duration typed by a person: "5", "5s", "2.5", "2,5". Null when it is not a positive number. */
export function parseSeconds(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/s(ec(onds?)?)?$/i, '')
    .replace(',', '.')
    .trim();
  if (!/^\d*\.?\d+$/.test(cleaned)) return null;
  const n = Number(cleaned);
  return n > 0 ? n : null;
}

/** Parses money typed by a person: "$40", "40.5", "1,200". Empty means "no budget" (null); invalid is undefined. */
export function parseUsd(text: string): number | null | undefined {
  const cleaned = text.trim().replace(/^\$/, '').replace(/,/g, '').trim();
  if (cleaned === '') return null;
  if (!/^\d*\.?\d+$/.test(cleaned)) return undefined;
  return Math.round(Number(cleaned) * 100) / 100;
}
