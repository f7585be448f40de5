/**
 * The checks a price table passes before a backtest runs on it.
 */
import { InputError } from "../core/index";
import type { DateTable } from "../core/index";

/**
 * Checks a table of prices for a backtest: row-major shape, unique tickers, strictly increasing dates, and every
 * value a positive finite price or `NaN` (missing: before listing, after delisting, or a gap).
 *
 * @param table prices, `nDates × nTickers`.
 * @param caller prefix of messages.
 * @param what what the table holds, e.g. `"prices"` or `"volumes"`.
 * @param allowZero accept 0 (volumes), else prices must be > 0.
 * @throws InputError SHAPE_MISMATCH, DUPLICATE_TICKER, UNSORTED_DATES, EMPTY_TABLE, BAD_PRICE (naming ticker and date).
 * @example
 * ```ts
 * checkPriceTable({ dates: ["d1"], tickers: ["A"], values: Float64Array.of(-1) }, "runBacktest", "prices");
 * // => throws InputError BAD_PRICE "runBacktest: prices of A on d1 is -1; …"
 * ```
 */
export function checkPriceTable(table: DateTable, caller: string, what: string, allowZero = false): void {
  if (!table || !Array.isArray(table.dates) || !Array.isArray(table.tickers) || !(table.values instanceof Float64Array)) {
    throw new InputError("BAD_TABLE", `${caller}: ${what} must be a DateTable { dates, tickers, values: Float64Array }`, {});
  }
  const n = table.dates.length;
  const m = table.tickers.length;
  if (n === 0 || m === 0) throw new InputError("EMPTY_TABLE", `${caller}: ${what} have ${n} dates and ${m} tickers; pass at least one of each`, { n, m });
  if (table.values.length !== n * m) {
    throw new InputError("SHAPE_MISMATCH", `${caller}: ${what} have ${n} dates × ${m} tickers but ${table.values.length} values; pass a row-major table`, { n, m });
  }
  const seen = new Set<string>();
  for (const t of table.tickers) {
    if (seen.has(t)) throw new InputError("DUPLICATE_TICKER", `${caller}: ${what} have ticker ${t} twice; give each column a unique ticker`, { ticker: t });
    seen.add(t);
  }
  for (let i = 1; i < n; i++) {
    if (!(table.dates[i - 1]! < table.dates[i]!)) {
      throw new InputError("UNSORTED_DATES", `${caller}: ${what} dates are not strictly increasing at row ${i} (${table.dates[i - 1]} then ${table.dates[i]}); sort by date and drop duplicates`, { row: i });
    }
  }
  const v = table.values;
  for (let k = 0; k < v.length; k++) {
    const x = v[k]!;
    if (x !== x) continue;
    if (!(x > 0 || (allowZero && x === 0)) || x === Infinity) {
      const ticker = table.tickers[k % m]!;
      const date = table.dates[Math.floor(k / m)]!;
      throw new InputError("BAD_PRICE", `${caller}: ${what} of ${ticker} on ${date} is ${x}; ${allowZero ? "volumes must be finite and ≥ 0" : "prices must be positive and finite"} (NaN marks a missing value)`, { ticker, date, value: x });
    }
  }
}
