/**
 * danfo.js DataFrames of canonical data, for display in notebooks only
 * (computation uses {@link DateTable} and typed rows). danfojs-node takes about
 * a second to load, so it is imported on first use, not with the data layer.
 */
import type { DataFrame } from "danfojs-node";
import { InputError } from "../../core/index";
import type { DateTable } from "../../core/index";

type Danfo = typeof import("danfojs-node");
let danfo: Promise<Danfo> | undefined;

function loadDanfo(): Promise<Danfo> {
  danfo ??= import("danfojs-node");
  return danfo;
}

/**
 * A wide {@link DateTable} as a DataFrame indexed by date, one column per
 * ticker (`NaN` where missing), for display.
 *
 * @example
 * ```ts
 * const df = await dateTableToDataFrame(await readPrices(db, { tickers: ["AAPL", "MSFT"] }));
 * df.head().print();
 * ```
 * @throws InputError when the table's values do not match its shape.
 */
export async function dateTableToDataFrame(table: DateTable): Promise<DataFrame> {
  const n = table.dates.length;
  const m = table.tickers.length;
  if (table.values.length !== n * m) {
    throw new InputError("BAD_SHAPE", `dateTableToDataFrame: ${table.values.length} values for ${n} dates × ${m} tickers`);
  }
  const data: Record<string, number[]> = {};
  table.tickers.forEach((ticker, j) => {
    const col = new Array<number>(n);
    for (let i = 0; i < n; i++) col[i] = table.values[i * m + j]!;
    data[ticker] = col;
  });
  const dfd = await loadDanfo();
  return new dfd.DataFrame(data, { index: [...table.dates] });
}

/**
 * Plain row objects (e.g. {@link FundamentalsRow}s, rejects, merges) as a
 * DataFrame with one column per property of the first row, for display.
 * `null` shows as `NaN` in numeric columns.
 *
 * @example
 * ```ts
 * const df = await rowsToDataFrame(await readFundamentals(db, { tickers: ["AAPX"] }));
 * df.print();
 * ```
 * @throws InputError for an empty list (a DataFrame needs columns).
 */
export async function rowsToDataFrame(rows: readonly object[]): Promise<DataFrame> {
  if (rows.length === 0) throw new InputError("EMPTY_INPUT", "rowsToDataFrame: no rows to show");
  const columns = Object.keys(rows[0]!);
  const data: Record<string, unknown[]> = {};
  for (const c of columns) {
    const values = rows.map((r) => (r as Record<string, unknown>)[c] ?? null);
    const numeric = values.every((v) => v === null || typeof v === "number");
    data[c] = numeric ? values.map((v) => (v === null ? Number.NaN : v)) : values.map((v) => (v === null ? "" : String(v)));
  }
  const dfd = await loadDanfo();
  return new dfd.DataFrame(data);
}
