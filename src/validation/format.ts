/**
 * How numbers read in finding messages: money in USD millions with thousands
 * separators, fractions as percentages, prices with two decimals.
 */

/**
 * USD millions, e.g. `"1,234.5 m"`.
 *
 * @example
 * ```ts
 * formatMoney(1234.5); // => "1,234.5 m"
 * ```
 */
export function formatMoney(value: number): string {
  return `${value.toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} m`;
}

/**
 * A fraction as a percentage with one decimal, e.g. `"-12.5 %"`.
 *
 * @example
 * ```ts
 * formatPercent(-0.125); // => "-12.5 %"
 * ```
 */
export function formatPercent(value: number, decimals = 1): string {
  return `${(value * 100).toFixed(decimals)} %`;
}

/**
 * A price with two decimals.
 *
 * @example
 * ```ts
 * formatPrice(17.6364); // => "17.64"
 * ```
 */
export function formatPrice(value: number): string {
  return value.toFixed(2);
}

/**
 * Rows grouped by ticker, each group sorted by fiscal year (the input is not changed).
 *
 * @example
 * ```ts
 * groupByTicker([{ ticker: "B", fiscalYear: 2 }, { ticker: "A", fiscalYear: 1 }]); // => Map { "A" => [...], "B" => [...] }
 * ```
 */
export function groupByTicker<T extends { readonly ticker: string; readonly fiscalYear: number }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.ticker);
    if (list) list.push(r);
    else out.set(r.ticker, [r]);
  }
  for (const list of out.values()) list.sort((a, b) => a.fiscalYear - b.fiscalYear);
  return new Map([...out.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
