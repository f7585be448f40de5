/**
 * Shape checks for a {@link DateTable} handed to the allocation layer.
 */
import { InputError } from "./errors";
import type { DateTable } from "./frame";

/**
 * Checks that a {@link DateTable} is well formed: `values.length = dates.length × tickers.length`,
 * tickers unique, dates strictly increasing. Values are not inspected (callers say how they treat `NaN`).
 *
 * @param table the table to check, shape `nDates × nTickers`.
 * @param caller the public function name used to prefix error messages, e.g. `"returnsFromPrices"`.
 * @param what what the table holds, e.g. `"prices"`, used in messages.
 * @throws InputError naming the mismatch and what to pass instead.
 *
 * @example
 * ```ts
 * checkDateTable({ dates: ["2024-01-02"], tickers: ["A", "A"], values: Float64Array.of(1, 2) }, "f", "prices");
 * // => throws InputError DUPLICATE_TICKER "f: prices have ticker A twice; …"
 * ```
 */
export function checkDateTable(table: DateTable, caller: string, what: string): void {
  const nDates = table.dates.length;
  const nTickers = table.tickers.length;
  if (table.values.length !== nDates * nTickers) {
    throw new InputError(
      "SHAPE_MISMATCH",
      `${caller}: ${what} have ${nDates} dates × ${nTickers} tickers but ${table.values.length} values (expected ${nDates * nTickers}); pass a row-major table`,
      { nDates, nTickers, nValues: table.values.length },
    );
  }
  // (A table with neither dates nor tickers is left to the date checks, whose message fits it better.)
  if (nTickers === 0 && nDates > 0) {
    throw new InputError("EMPTY_INPUT", `${caller}: ${what} have no tickers (columns); pass at least one`, { nDates });
  }
  const seen = new Set<string>();
  for (const ticker of table.tickers) {
    if (seen.has(ticker)) {
      throw new InputError("DUPLICATE_TICKER", `${caller}: ${what} have ticker ${ticker} twice; give each column a unique ticker`, { ticker });
    }
    seen.add(ticker);
  }
  for (let i = 1; i < nDates; i++) {
    if (!(table.dates[i - 1]! < table.dates[i]!)) {
      throw new InputError(
        "UNSORTED_DATES",
        `${caller}: ${what} dates are not strictly increasing at row ${i} (${table.dates[i - 1]} then ${table.dates[i]}); sort the rows by date and drop duplicates`,
        { row: i, previous: table.dates[i - 1], date: table.dates[i] },
      );
    }
  }
}
