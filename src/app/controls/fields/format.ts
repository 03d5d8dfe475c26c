/** Number formats the controls show; one place so the panel reads consistently. */

/** A share as a percentage: 0.001 -> "0.1%", 0.012 -> "1.2%", 1 -> "100%", 2.5 -> "250%". */
export function formatPercent(share: number): string {
  const pct = share * 100;
  // Below 10% one decimal carries information (0.1% vs 0.5%); above it, whole numbers suffice.
  const digits = pct < 10 ? 1 : 0;
  const text = pct.toFixed(digits);
  return `${digits > 0 ? text.replace(/\.0$/, '') : text}%`;
}

/** Characters with thousands separators and a unit: 12345 -> "12,345 characters". */
export function formatChars(chars: number): string {
  return `${chars.toLocaleString('en-US')} character${chars === 1 ? '' : 's'}`;
}
