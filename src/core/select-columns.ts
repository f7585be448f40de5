import { InputError } from "./errors";
import type { DateTable } from "./frame";

/**
 * A new table with only the given columns, in the given order.
 *
 * @example
 * ```ts
 * selectColumns({ dates: ["d1"], tickers: ["A", "B"], values: Float64Array.from([1, 2]) }, ["B"]).values;
 * // => Float64Array [2]
 * ```
 * @throws InputError naming tickers that are not columns.
 */
export function selectColumns(table: DateTable, tickers: readonly string[]): DateTable {
  const index = new Map(table.tickers.map((t, j) => [t, j]));
  const missing = tickers.filter((t) => !index.has(t));
  if (missing.length > 0) {
    throw new InputError("UNKNOWN_TICKER", `selectColumns: ${missing.join(", ")} ${missing.length === 1 ? "is not a column" : "are not columns"}; the table has ${table.tickers.length} columns (${table.tickers.slice(0, 8).join(", ")}${table.tickers.length > 8 ? ", …" : ""})`, { missing });
  }
  const m = table.tickers.length;
  const k = tickers.length;
  const n = table.dates.length;
  const values = new Float64Array(n * k);
  const cols = tickers.map((t) => index.get(t)!);
  for (let i = 0; i < n; i++) for (let c = 0; c < k; c++) values[i * k + c] = table.values[i * m + cols[c]!]!;
  return { dates: table.dates, tickers: [...tickers], values };
}
