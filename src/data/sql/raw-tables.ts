/**
 * Bulk-loading raw rows into the raw tables with DuckDB's appender. Rows are
 * loaded as delivered (the SQL build decides what is valid); only the value
 * *types* are checked here, since a string where a number belongs cannot be
 * stored at all.
 */
import { InputError } from "../../core/index";
import type { RawFundamentalRow, RawPriceRow, TickerChange } from "../raw";
import { isIsoDate } from "../../core/index";
import type { AppendValue, SqlColumnType, WorkbookDatabase } from "./workbook-database";

function badRow(table: string, index: number, row: { source?: unknown; line?: unknown }, field: string, value: unknown, expected: string): InputError {
  return new InputError(
    "BAD_RAW_ROW",
    `${table}: row ${index + 1} (source ${String(row.source)}, line ${String(row.line)}) has ${field} = ${JSON.stringify(value) ?? String(value)}, expected ${expected}`,
    { table, index, field },
  );
}

function numberOrNull(table: string, i: number, row: object, field: string, v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return v;
  throw badRow(table, i, row, field, v, "a number or null");
}

function textOrNull(table: string, i: number, row: object, field: string, v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return v;
  throw badRow(table, i, row, field, v, "a string or null");
}

function lineOrNull(table: string, i: number, row: object, v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" && Number.isInteger(v) && Math.abs(v) < 2 ** 31) return v;
  throw badRow(table, i, row, "line", v, "an integer");
}

/**
 * Appends price rows to `raw_prices`, numbering them `firstRowId`, `firstRowId + 1`, … in order.
 * The rows are read, never changed.
 *
 * @example
 * ```ts
 * await appendRawPrices(db, [{ source: "csv:p.csv", line: 2, ticker: "AAPL", date: "2024-01-02", close: null, adjClose: 185.6, volume: null }]);
 * ```
 * @throws InputError BAD_RAW_ROW naming the row when a field has the wrong type.
 */
export async function appendRawPrices(db: WorkbookDatabase, rows: readonly RawPriceRow[], firstRowId = 1): Promise<void> {
  const n = rows.length;
  const cols: AppendValue[][] = Array.from({ length: 8 }, () => new Array<AppendValue>(n));
  const t = "raw_prices";
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    cols[0]![i] = firstRowId + i;
    cols[1]![i] = textOrNull(t, i, r, "source", r.source);
    cols[2]![i] = lineOrNull(t, i, r, r.line);
    cols[3]![i] = textOrNull(t, i, r, "ticker", r.ticker);
    cols[4]![i] = textOrNull(t, i, r, "date", r.date);
    cols[5]![i] = numberOrNull(t, i, r, "close", r.close);
    cols[6]![i] = numberOrNull(t, i, r, "adjClose", r.adjClose);
    cols[7]![i] = numberOrNull(t, i, r, "volume", r.volume);
  }
  const types: SqlColumnType[] = ["INTEGER", "VARCHAR", "INTEGER", "VARCHAR", "VARCHAR", "DOUBLE", "DOUBLE", "DOUBLE"];
  await db.append(t, types, cols);
}

/**
 * Appends filings to `raw_fundamentals`, numbering them from `firstRowId` in order.
 *
 * @example
 * ```ts
 * await appendRawFundamentals(db, filings);
 * ```
 * @throws InputError BAD_RAW_ROW naming the row when a field has the wrong type.
 */
export async function appendRawFundamentals(db: WorkbookDatabase, rows: readonly RawFundamentalRow[], firstRowId = 1): Promise<void> {
  const n = rows.length;
  const cols: AppendValue[][] = Array.from({ length: 15 }, () => new Array<AppendValue>(n));
  const t = "raw_fundamentals";
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    cols[0]![i] = firstRowId + i;
    cols[1]![i] = textOrNull(t, i, r, "source", r.source);
    cols[2]![i] = lineOrNull(t, i, r, r.line);
    cols[3]![i] = textOrNull(t, i, r, "filingId", r.filingId);
    cols[4]![i] = textOrNull(t, i, r, "ticker", r.ticker);
    cols[5]![i] = textOrNull(t, i, r, "periodEnd", r.periodEnd);
    cols[6]![i] = textOrNull(t, i, r, "filedDate", r.filedDate);
    cols[7]![i] = textOrNull(t, i, r, "form", r.form);
    cols[8]![i] = textOrNull(t, i, r, "unit", r.unit);
    cols[9]![i] = numberOrNull(t, i, r, "revenue", r.revenue);
    cols[10]![i] = numberOrNull(t, i, r, "netIncome", r.netIncome);
    cols[11]![i] = numberOrNull(t, i, r, "operatingIncome", r.operatingIncome);
    cols[12]![i] = numberOrNull(t, i, r, "totalAssets", r.totalAssets);
    cols[13]![i] = numberOrNull(t, i, r, "totalEquity", r.totalEquity);
    cols[14]![i] = numberOrNull(t, i, r, "sharesOutstanding", r.sharesOutstanding);
  }
  const types: SqlColumnType[] = ["INTEGER", "VARCHAR", "INTEGER", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "DOUBLE", "DOUBLE", "DOUBLE", "DOUBLE", "DOUBLE", "DOUBLE"];
  await db.append(t, types, cols);
}

/**
 * Checks ticker changes (unlike raw rows these are configuration, so a bad one
 * is an input error, not a reject) and loads them into `ticker_changes`.
 *
 * @example
 * ```ts
 * await appendTickerChanges(db, [{ oldTicker: "FBX", newTicker: "MTAX", effectiveDate: "2021-10-28" }]);
 * ```
 * @throws InputError BAD_TICKER_CHANGE for an empty ticker, a change to itself, a
 *   date that is not YYYY-MM-DD, or two changes of one ticker on one date.
 */
export async function appendTickerChanges(db: WorkbookDatabase, changes: readonly TickerChange[]): Promise<void> {
  const seen = new Set<string>();
  changes.forEach((c, i) => {
    const where = `ticker change ${i + 1} (${JSON.stringify(c)})`;
    if (typeof c.oldTicker !== "string" || c.oldTicker.trim() === "" || typeof c.newTicker !== "string" || c.newTicker.trim() === "") {
      throw new InputError("BAD_TICKER_CHANGE", `${where}: oldTicker and newTicker must be non-empty strings`);
    }
    if (c.oldTicker.trim() === c.newTicker.trim()) throw new InputError("BAD_TICKER_CHANGE", `${where}: a ticker cannot change to itself; drop this change or correct its newTicker`);
    if (typeof c.effectiveDate !== "string" || !isIsoDate(c.effectiveDate)) {
      throw new InputError("BAD_TICKER_CHANGE", `${where}: effectiveDate must be an ISO date YYYY-MM-DD`);
    }
    const key = `${c.oldTicker.trim()}@${c.effectiveDate}`;
    if (seen.has(key)) throw new InputError("BAD_TICKER_CHANGE", `${where}: ${c.oldTicker} already changes on ${c.effectiveDate}; keep one`);
    seen.add(key);
  });
  await db.append("ticker_changes", ["VARCHAR", "VARCHAR", "VARCHAR"], [
    changes.map((c) => c.oldTicker),
    changes.map((c) => c.newTicker),
    changes.map((c) => c.effectiveDate),
  ]);
}
