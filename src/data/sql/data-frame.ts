/**
 * danfo.js DataFrames of canonical data, for display in notebooks only
 * (computation uses {@link DateTable} and typed rows). danfojs-node takes about
 * a second to load, so it is imported on first use, not with the data layer.
 */
import { InputError, SourceError } from "../../core/index";
import type { DateTable } from "../../core/index";

type Danfo = typeof import("danfojs-node");

/**
 * The part of a danfo.js `DataFrame` the workbook documents. The object is a full danfo.js `DataFrame`; the
 * declarations name only these members so that importing the data layer does not make every kernel load danfo.js's
 * type declarations (cast to `import("danfojs-node").DataFrame` for the rest).
 *
 * @example
 * ```ts
 * const df: DataFrameView = await rowsToDataFrame(rows);
 * df.loc({ columns: ["ticker", "revenue"] }).print();
 * ```
 */
export interface DataFrameView {
  /** `[rows, columns]`. */
  readonly shape: number[];
  readonly columns: string[];
  readonly index: (string | number)[];
  /** Row-major values. */
  readonly values: unknown[];
  /** Prints the frame as a text table. */
  print(): void;
  /** The first rows (default 5). */
  head(rows?: number): DataFrameView;
  /** Rows and columns by label. */
  loc(selection: { readonly rows?: (string | number)[]; readonly columns?: string[] }): DataFrameView;
}
let danfo: Promise<Danfo> | undefined;

/**
 * danfojs-node, loaded on first use. It is an optional peer dependency: its published 1.2.0 fetches `xlsx` from a
 * CDN and pulls `@tensorflow/tfjs-node`, which install only with the `overrides` of a root project, so the package
 * cannot depend on it for its users. Without it, the DataFrame views throw a {@link SourceError} saying how to add it.
 */
function loadDanfo(): Promise<Danfo> {
  danfo ??= import("danfojs-node").catch((e: unknown) => {
    danfo = undefined;
    const code = (e as { code?: string }).code;
    if (code !== "ERR_MODULE_NOT_FOUND" && code !== "MODULE_NOT_FOUND") throw e;
    throw new SourceError(
      "MISSING_DANFO",
      'DataFrame views need the optional package danfojs-node. Add it to your project with the overrides it needs: "overrides": { "xlsx": "npm:xlsx@0.18.5", "danfojs-node": { "@tensorflow/tfjs-node": "npm:@tensorflow/tfjs@4.22.0" } }, then npm install danfojs-node@1.2.0',
    );
  });
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
export async function dateTableToDataFrame(table: DateTable): Promise<DataFrameView> {
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
  return new dfd.DataFrame(data, { index: [...table.dates] }) as unknown as DataFrameView;
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
export async function rowsToDataFrame(rows: readonly object[]): Promise<DataFrameView> {
  if (rows.length === 0) throw new InputError("EMPTY_INPUT", "rowsToDataFrame: no rows to show");
  const columns = Object.keys(rows[0]!);
  const data: Record<string, unknown[]> = {};
  for (const c of columns) {
    const values = rows.map((r) => (r as Record<string, unknown>)[c] ?? null);
    const numeric = values.every((v) => v === null || typeof v === "number");
    data[c] = numeric ? values.map((v) => (v === null ? Number.NaN : v)) : values.map((v) => (v === null ? "" : String(v)));
  }
  const dfd = await loadDanfo();
  return new dfd.DataFrame(data) as unknown as DataFrameView;
}
