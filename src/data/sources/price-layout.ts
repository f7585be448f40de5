/**
 * The two layouts of a user's price file, detected from its column names, and
 * the conversion of its records into raw price rows. Shared by the CSV and the
 * Parquet readers.
 *
 * - **wide**: a `date` column and one column per ticker. A blank cell means "no
 *   observation" (typically before the ticker listed) and produces no raw row.
 * - **long**: `date`, `ticker` (or `symbol`) and a price column: `adj_close`
 *   (also `adjclose`, `adj close`, `adjusted_close`), `close` or `price`; optional
 *   `volume`. A blank price produces a raw row with a `null` price, which the SQL
 *   layer rejects with its reason.
 *
 * Which column is the canonical (adjusted) price in the long layout: `adj_close`
 * when present (then `close` is kept as the quoted close); otherwise `close`,
 * taken as already adjusted; otherwise `price`, taken as already adjusted.
 * Column names are matched case-insensitively.
 */
import { DataError } from "../../core/index";
import type { RawPriceRow } from "../raw";
import { toIsoDate, parseFileDate } from "./iso-date";
import { inDateRange, type PriceQuery } from "./market-source";

/**
 * A detected file layout, naming the file's own columns.
 *
 * @example
 * ```ts
 * const wide: PriceLayout = { kind: "wide", dateColumn: "date", tickerColumns: ["AAPL", "MSFT"] };
 * ```
 */
export type PriceLayout =
  | { readonly kind: "wide"; readonly dateColumn: string; readonly tickerColumns: readonly string[] }
  | {
      readonly kind: "long";
      readonly dateColumn: string;
      readonly tickerColumn: string;
      /** Column read as the adjusted close. */
      readonly priceColumn: string;
      /** Column read as the quoted close, when the file has one besides the price. */
      readonly closeColumn: string | null;
      readonly volumeColumn: string | null;
    };

/**
 * One record of a price file: its 1-based line (CSV line, or Parquet row number)
 * and its cells by column name.
 *
 * @example
 * ```ts
 * const record: PriceRecord = { line: 2, values: { date: "2024-01-02", AAPL: "185.64" } };
 * ```
 */
export interface PriceRecord {
  readonly line: number;
  readonly values: Readonly<Record<string, unknown>>;
}

function canonicalName(column: string): string {
  const c = column.trim().toLowerCase().replace(/[\s-]+/g, "_");
  if (c === "adjclose" || c === "adj_close" || c === "adjusted_close" || c === "adj_close_price") return "adj_close";
  if (c === "symbol") return "ticker";
  return c;
}

const FIELD_NAMES = new Set(["adj_close", "close", "price", "volume", "open", "high", "low", "ticker"]);

/**
 * Detects the layout from the column names.
 *
 * @example
 * ```ts
 * detectPriceLayout(["Date", "Ticker", "Adj Close"], "p.csv").kind; // => "long"
 * detectPriceLayout(["date", "AAPL", "MSFT"], "p.csv").kind;        // => "wide"
 * ```
 * @throws DataError UNKNOWN_LAYOUT when there is no date column, a duplicated
 *   column, or a long file without a price column.
 */
export function detectPriceLayout(columns: readonly string[], label: string): PriceLayout {
  const byName = new Map<string, string>();
  const dupes: string[] = [];
  for (const col of columns) {
    const key = canonicalName(col);
    if (key === "") {
      throw new DataError("UNKNOWN_LAYOUT", `${label}: the header has an empty column name; name every column`, { file: label });
    }
    if (byName.has(key)) dupes.push(col);
    byName.set(key, col);
  }
  if (dupes.length > 0) {
    throw new DataError("UNKNOWN_LAYOUT", `${label}: column(s) ${dupes.join(", ")} appear more than once in the header; keep one of each`, {
      file: label,
      columns: dupes,
    });
  }
  const dateColumn = byName.get("date");
  const expected =
    "expected either a wide header `date,AAPL,MSFT,…` or a long header `date,ticker,adj_close` (or close/price)";
  if (dateColumn === undefined) {
    throw new DataError("UNKNOWN_LAYOUT", `${label}: no \`date\` column in the header (${columns.join(",")}); ${expected}`, { file: label });
  }
  const tickerColumn = byName.get("ticker");
  if (tickerColumn !== undefined) {
    const priceColumn = byName.get("adj_close") ?? byName.get("close") ?? byName.get("price");
    if (priceColumn === undefined) {
      throw new DataError("UNKNOWN_LAYOUT", `${label}: a long file needs a price column (adj_close, close or price); header is ${columns.join(",")}`, {
        file: label,
      });
    }
    const closeColumn = byName.has("adj_close") ? byName.get("close") ?? null : null;
    return { kind: "long", dateColumn, tickerColumn, priceColumn, closeColumn, volumeColumn: byName.get("volume") ?? null };
  }
  const tickerColumns = columns.filter((c) => c !== dateColumn);
  const fieldLike = tickerColumns.filter((c) => FIELD_NAMES.has(canonicalName(c)));
  if (fieldLike.length > 0) {
    throw new DataError(
      "UNKNOWN_LAYOUT",
      `${label}: column(s) ${fieldLike.join(", ")} look like price fields but there is no ticker column; add a \`ticker\` column (long layout) or name each price column after its ticker (wide layout)`,
      { file: label },
    );
  }
  if (tickerColumns.length === 0) {
    throw new DataError("UNKNOWN_LAYOUT", `${label}: only a date column; ${expected}`, { file: label });
  }
  return { kind: "wide", dateColumn, tickerColumns };
}

/** Why one cell could not be read (a class, so `instanceof` narrows in strict and non-strict TypeScript alike). */
class CellProblem {
  constructor(readonly message: string) {}
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function readNumber(raw: unknown, column: string): number | null | CellProblem {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "number") return raw;
  if (typeof raw === "bigint") return Number(raw);
  if (typeof raw === "string") {
    const s = raw.trim();
    if (s === "") return null;
    if (NUMBER_TEXT.test(s)) return Number(s);
    if (/^nan$/i.test(s)) return Number.NaN;
    if (/^\+?inf(inity)?$/i.test(s)) return Number.POSITIVE_INFINITY;
    if (/^-inf(inity)?$/i.test(s)) return Number.NEGATIVE_INFINITY;
    return new CellProblem(`${JSON.stringify(raw)} in column ${column} is not a number`);
  }
  return new CellProblem(`a ${typeof raw} in column ${column} is not a number`);
}

function readDate(raw: unknown, column: string): string | CellProblem {
  if (raw instanceof Date) {
    return Number.isNaN(raw.getTime()) ? new CellProblem(`invalid date in column ${column}`) : toIsoDate(raw);
  }
  if (typeof raw === "string") {
    if (raw.trim() === "") return new CellProblem(`missing date in column ${column}`);
    const iso = parseFileDate(raw);
    return iso === null ? new CellProblem(`date ${JSON.stringify(raw)} is not an ISO date (YYYY-MM-DD, YYYY/MM/DD or an ISO date-time)`) : iso;
  }
  if (raw === null || raw === undefined) return new CellProblem(`missing date in column ${column}`);
  return new CellProblem(`a ${typeof raw} in date column ${column}; expected an ISO date`);
}

/**
 * Converts a file's records into raw price rows, keeping only the query's
 * tickers and dates. Malformed records (bad dates, non-numeric text) are
 * collected with the lines the reader already refused (`refused`, e.g. a wrong
 * number of fields); if there are any the whole file is refused with a DataError
 * that names each bad line in line order (the first 20) and counts them all, so
 * nothing is dropped silently.
 *
 * @example
 * ```ts
 * const layout = detectPriceLayout(["date", "AAPL"], "p.csv");
 * recordsToRawPrices([{ line: 2, values: { date: "2024-01-02", AAPL: "185.64" } }], layout, "csv:p.csv", {});
 * // => [{ source: "csv:p.csv", line: 2, ticker: "AAPL", date: "2024-01-02", close: null, adjClose: 185.64, volume: null }]
 * recordsToRawPrices([], layout, "csv:p.csv", {}, [{ line: 3, reason: "3 field(s), the header has 2" }]);
 * // throws DataError MALFORMED_ROWS "csv:p.csv: 1 malformed row(s); fix or delete them and load again:\n  line 3: 3 field(s), the header has 2"
 * ```
 * @throws DataError MALFORMED_ROWS listing line numbers and reasons.
 */
export function recordsToRawPrices(
  records: Iterable<PriceRecord>,
  layout: PriceLayout,
  source: string,
  query: PriceQuery,
  refused: readonly { readonly line: number; readonly reason: string }[] = [],
): RawPriceRow[] {
  const rows: RawPriceRow[] = [];
  const found: { line: number; problem: string }[] = refused.map((r) => ({ line: r.line, problem: r.reason }));
  const note = (line: number, problem: string): void => void found.push({ line, problem });
  const wanted = query.tickers ? new Set(query.tickers) : null;
  for (const record of records) {
    const date = readDate(record.values[layout.dateColumn], layout.dateColumn);
    if (date instanceof CellProblem) {
      note(record.line, date.message);
      continue;
    }
    const keepDate = inDateRange(date, query);
    if (layout.kind === "wide") {
      for (const ticker of layout.tickerColumns) {
        const price = readNumber(record.values[ticker], ticker);
        if (price instanceof CellProblem) {
          note(record.line, price.message);
          continue;
        }
        if (price === null || !keepDate || (wanted && !wanted.has(ticker))) continue;
        rows.push({ source, line: record.line, ticker, date, close: null, adjClose: price, volume: null });
      }
    } else {
      const rawTicker = record.values[layout.tickerColumn];
      const ticker = rawTicker === null || rawTicker === undefined ? "" : String(rawTicker).trim();
      const price = readNumber(record.values[layout.priceColumn], layout.priceColumn);
      const close = layout.closeColumn ? readNumber(record.values[layout.closeColumn], layout.closeColumn) : null;
      const volume = layout.volumeColumn ? readNumber(record.values[layout.volumeColumn], layout.volumeColumn) : null;
      const problems = [price, close, volume].filter((c) => c instanceof CellProblem).map((c) => (c as CellProblem).message);
      if (problems.length > 0) {
        note(record.line, problems.join("; "));
        continue;
      }
      if (!keepDate || (wanted && !wanted.has(ticker))) continue;
      const adjClose = price as number | null;
      rows.push({
        source,
        line: record.line,
        ticker,
        date,
        // The quoted close: its own column when the file has one besides adj_close; the price
        // itself when the price column is `close`; unknown (null) for `price`/`adj_close` alone.
        close: layout.closeColumn ? (close as number | null) : canonicalName(layout.priceColumn) === "close" ? adjClose : null,
        adjClose,
        volume: volume as number | null,
      });
    }
  }
  if (found.length > 0) {
    const problems = found
      .sort((a, b) => a.line - b.line)
      .slice(0, 20)
      .map((p) => `line ${p.line}: ${p.problem}`);
    throw new DataError(
      "MALFORMED_ROWS",
      `${source}: ${found.length} malformed row(s); fix or delete them and load again:\n  ${problems.join("\n  ")}${found.length > problems.length ? `\n  … and ${found.length - problems.length} more` : ""}`,
      { source, count: found.length, problems },
    );
  }
  return rows;
}

/**
 * The tickers a file holds, for unknown-ticker messages.
 *
 * @example
 * ```ts
 * tickersIn([{ line: 2, values: { date: "2024-01-02", ticker: "A", price: 1 } }], detectPriceLayout(["date", "ticker", "price"], "x"));
 * // => Set {"A"}
 * ```
 */
export function tickersIn(records: Iterable<PriceRecord>, layout: PriceLayout): Set<string> {
  if (layout.kind === "wide") return new Set(layout.tickerColumns);
  const out = new Set<string>();
  for (const r of records) {
    const t = r.values[layout.tickerColumn];
    if (t !== null && t !== undefined && String(t).trim() !== "") out.add(String(t).trim());
  }
  return out;
}
