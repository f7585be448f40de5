/**
 * Real market data that installs from the npm registry: two CSV files of the
 * `vega-datasets` package, read with DuckDB (`csv-file.ts`) from the installed
 * package folder (its JS API points at a CDN, which is out of reach offline).
 *
 * - `stocks.csv`: month-start prices of MSFT, AMZN, IBM, GOOG, AAPL, Jan 2000 – Mar 2010
 *   (560 rows; GOOG from Aug 2004). Dates are written like `Jan 1 2000`. The
 *   prices are split-adjusted (AAPL's 2005 and MSFT's 2003 splits leave no jump),
 *   so each is taken as the adjusted close; the quoted close is unknown (`null`).
 * - `sp500-2000.csv`: daily S&P 500 index OHLC, 2000-01-03 – 2020-04-17 (5,105 rows after the header),
 *   delivered under the ticker {@link SP500_TICKER}.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { packagePath } from "../../core/index";
import { DataError } from "../../core/index";
import type { RawPriceRow } from "../raw";
import { readCsvFile, type CsvContents } from "./csv-file";
import { isIsoDate } from "../../core/index";
import { checkKnownTickers, inDateRange, validatePriceQuery, type MarketSource, type PriceQuery } from "./market-source";

/**
 * Ticker under which the S&P 500 index of `sp500-2000.csv` is delivered.
 *
 * @example
 * ```ts
 * await loadVegaSp500({ tickers: [SP500_TICKER], start: "2020-04-01" });
 * ```
 */
export const SP500_TICKER = "SP500";

/**
 * Tickers of `stocks.csv`, sorted.
 *
 * @example
 * ```ts
 * VEGA_STOCK_TICKERS; // => ["AAPL", "AMZN", "GOOG", "IBM", "MSFT"]
 * ```
 */
export const VEGA_STOCK_TICKERS: readonly string[] = Object.freeze(["AAPL", "AMZN", "GOOG", "IBM", "MSFT"]);

/**
 * The two vega-datasets files this source reads.
 *
 * @example
 * ```ts
 * const dataset: VegaDataset = "sp500-2000";
 * ```
 */
export type VegaDataset = "stocks" | "sp500-2000";

const MONTHS: Record<string, string> = {
  Jan: "01", Feb: "02", Mar: "03", Apr: "04", May: "05", Jun: "06",
  Jul: "07", Aug: "08", Sep: "09", Oct: "10", Nov: "11", Dec: "12",
};

/**
 * The `data/` folder of the installed `vega-datasets` package: the package
 * exports only its entry point, so resolve that (from the package root) and
 * go up from `build/`.
 *
 * @example
 * ```ts
 * await vegaDataDir(); // => "/…/node_modules/vega-datasets/data"
 * ```
 * @throws DataError VEGA_DATASETS_MISSING when the package is not installed.
 */
export async function vegaDataDir(): Promise<string> {
  try {
    const entry = createRequire(packagePath("package.json")).resolve("vega-datasets");
    return join(dirname(dirname(entry)), "data");
  } catch (e) {
    throw new DataError("VEGA_DATASETS_MISSING", "the vega-datasets package is not installed; run `npm install` in the project folder", {}, { cause: e });
  }
}

/**
 * Converts a vega-datasets date such as `"Jan 1 2000"` to `"2000-01-01"`; `null` if it is not one.
 *
 * @example
 * ```ts
 * parseVegaDate("Mar 1 2010"); // => "2010-03-01"
 * ```
 */
export function parseVegaDate(text: string): string | null {
  const m = /^([A-Z][a-z]{2}) (\d{1,2}) (\d{4})$/.exec(text.trim());
  if (!m || MONTHS[m[1]!] === undefined) return null;
  const iso = `${m[3]}-${MONTHS[m[1]!]}-${m[2]!.padStart(2, "0")}`;
  return isIsoDate(iso) ? iso : null;
}

/** A vega-datasets file read with DuckDB; a refused line means the installed package is damaged. */
async function readVegaCsv(file: string): Promise<{ label: string } & CsvContents> {
  const path = join(await vegaDataDir(), file);
  const label = `vega-datasets:${file}`;
  let contents: CsvContents;
  try {
    contents = await readCsvFile(path, { label: path });
  } catch (e) {
    if (e instanceof DataError && e.code === "FILE_NOT_READABLE") {
      throw new DataError("VEGA_DATASETS_MISSING", `cannot read ${path} (${(e.cause as Error).message}); reinstall vega-datasets`, { file: path }, { cause: e });
    }
    throw e;
  }
  const [refused] = contents.rejects;
  if (refused) {
    throw new DataError("MALFORMED_ROWS", `${label}: line ${refused.line} is malformed (${refused.reason}: ${refused.text}); reinstall vega-datasets`, { line: refused.line });
  }
  return { label, ...contents };
}

function expectHeader(label: string, fields: readonly string[] | undefined, expected: string): void {
  if (fields?.join(",") !== expected) {
    throw new DataError("UNEXPECTED_HEADER", `${label}: header is ${fields?.join(",") ?? "(empty)"}, expected ${expected}; the vega-datasets version differs from 3.2.1`, {
      file: label,
    });
  }
}

function num(text: string | undefined): number | null {
  if (text === undefined || text.trim() === "") return null;
  return Number(text.trim());
}

/**
 * Monthly prices of `stocks.csv` as raw rows (`source` `"vega-datasets:stocks.csv"`,
 * `line` the file line), filtered by the query.
 *
 * @example
 * ```ts
 * const rows = await loadVegaStocks({ tickers: ["AAPL"] });
 * rows.length; // => 123
 * rows[0];     // => { source: "vega-datasets:stocks.csv", line: 439, ticker: "AAPL", date: "2000-01-01", close: null, adjClose: 25.94, volume: null }
 * ```
 * @throws InputError UNKNOWN_TICKER for tickers other than AAPL, AMZN, GOOG, IBM, MSFT.
 */
export async function loadVegaStocks(query: PriceQuery = {}): Promise<RawPriceRow[]> {
  const source = "vega-datasets:stocks.csv";
  validatePriceQuery(source, query);
  checkKnownTickers(source, query.tickers, VEGA_STOCK_TICKERS);
  const { label, header, records } = await readVegaCsv("stocks.csv");
  expectHeader(label, header?.fields, "symbol,date,price");
  const wanted = query.tickers ? new Set(query.tickers) : null;
  const rows: RawPriceRow[] = [];
  for (const r of records) {
    const [ticker, rawDate, price] = r.fields;
    const date = parseVegaDate(rawDate ?? "");
    if (r.fields.length !== 3 || ticker === undefined || date === null) {
      throw new DataError("MALFORMED_ROWS", `${label}: line ${r.line} is malformed (${r.fields.join(",")}); reinstall vega-datasets`, { line: r.line });
    }
    if ((wanted && !wanted.has(ticker)) || !inDateRange(date, query)) continue;
    rows.push({ source, line: r.line, ticker, date, close: null, adjClose: num(price), volume: null });
  }
  return rows;
}

/**
 * Daily S&P 500 index levels of `sp500-2000.csv` as raw rows under ticker
 * {@link SP500_TICKER} (`close`, `adjClose` from `adjclose`, `volume`).
 *
 * @example
 * ```ts
 * const rows = await loadVegaSp500();
 * rows.length;  // => 5105
 * rows[0].date; // => "2000-01-03"
 * ```
 * @throws InputError UNKNOWN_TICKER for a ticker other than SP500.
 */
export async function loadVegaSp500(query: PriceQuery = {}): Promise<RawPriceRow[]> {
  const source = "vega-datasets:sp500-2000.csv";
  validatePriceQuery(source, query);
  checkKnownTickers(source, query.tickers, [SP500_TICKER]);
  const { label, header, records } = await readVegaCsv("sp500-2000.csv");
  expectHeader(label, header?.fields, "date,open,high,low,close,adjclose,volume");
  const rows: RawPriceRow[] = [];
  for (const r of records) {
    const f = r.fields;
    if (f.length !== 7 || !isIsoDate(f[0]!)) {
      throw new DataError("MALFORMED_ROWS", `${label}: line ${r.line} is malformed (${f.join(",")}); reinstall vega-datasets`, { line: r.line });
    }
    if (!inDateRange(f[0]!, query)) continue;
    rows.push({ source, line: r.line, ticker: SP500_TICKER, date: f[0]!, close: num(f[4]), adjClose: num(f[5]), volume: num(f[6]) });
  }
  return rows;
}

/**
 * A {@link MarketSource} over one vega-datasets file.
 *
 * @example
 * ```ts
 * const monthly = new VegaDatasetsSource("stocks");
 * const daily = new VegaDatasetsSource("sp500-2000");
 * (await daily.loadPrices({ start: "2020-01-01" })).length; // => 74
 * ```
 */
export class VegaDatasetsSource implements MarketSource {
  readonly name: string;
  constructor(readonly dataset: VegaDataset = "stocks") {
    this.name = `vega-datasets:${dataset}`;
  }
  /** The tickers this dataset holds. */
  get tickers(): readonly string[] {
    return this.dataset === "stocks" ? VEGA_STOCK_TICKERS : [SP500_TICKER];
  }
  loadPrices(query: PriceQuery = {}): Promise<RawPriceRow[]> {
    return this.dataset === "stocks" ? loadVegaStocks(query) : loadVegaSp500(query);
  }
}
