/**
 * The typed hand-off between layers: labelled tables backed by `Float64Array`.
 *
 * Layout is row-major: `values[row * nColumns + column]`. A missing value
 * (for example a price before an instrument listed) is `NaN`; every function
 * that reads a table says how it treats `NaN`, and none lets it through silently.
 */
import { InputError } from "./errors";

/**
 * A table of numbers indexed by date (rows) and ticker (columns).
 * Used for prices and for returns. Shape `nDates × nTickers`.
 *
 * @example
 * ```ts
 * const prices: DateTable = { dates: ["2024-01-02", "2024-01-03"], tickers: ["A", "B"],
 *   values: Float64Array.from([10, 20, 11, 19]) };
 * ```
 */
export interface DateTable {
  /** ISO dates `YYYY-MM-DD`, strictly increasing. */
  readonly dates: readonly string[];
  /** Column labels (tickers), unique. */
  readonly tickers: readonly string[];
  /** Row-major values, length `dates.length * tickers.length`; `NaN` marks a missing value. */
  readonly values: Float64Array;
}

/**
 * A square matrix labelled by ticker on both axes (covariance, correlation).
 * Shape `n × n`, row-major.
 *
 * Its optional `kind` is a compile-time brand: a matrix cannot be passed where a vector is expected
 * (`maxSharpe(cov, mu)` does not compile), nor a vector where a matrix is. Values never need to set it.
 *
 * @example
 * ```ts
 * const cov: LabelledMatrix = { labels: ["A", "B"], values: Float64Array.from([0.04, 0.01, 0.01, 0.09]) };
 * ```
 */
export interface LabelledMatrix {
  readonly labels: readonly string[];
  readonly values: Float64Array;
  /** Compile-time brand (never read at run time). */
  readonly kind?: "matrix";
}

/** A covariance matrix (annualised unless said otherwise): a {@link LabelledMatrix}. */
export type Covariance = LabelledMatrix;

/**
 * A vector labelled by ticker: any vector (prices, forecasts, scores). {@link Weights} and
 * {@link ExpectedReturns} are the branded kinds the optimisers take and return.
 *
 * @example
 * ```ts
 * const prices: LabelledVector = { labels: ["A", "B"], values: Float64Array.from([101.5, 48.2]) };
 * ```
 */
export interface LabelledVector {
  readonly labels: readonly string[];
  readonly values: Float64Array;
}

/**
 * Portfolio weights, fractions of value by ticker (what every optimiser returns).
 * Branded: expected returns or a covariance passed where weights belong do not compile; a plain
 * `{ labels, values }` object is accepted.
 *
 * @example
 * ```ts
 * const w: Weights = { labels: ["A", "B"], values: Float64Array.from([0.6, 0.4]) };
 * portfolioPerformance(w, mu, cov); // portfolioPerformance(mu, w, cov) is a compile error
 * ```
 */
export interface Weights extends LabelledVector {
  readonly kind?: "weights";
}

/**
 * Expected returns by ticker, annualised fractions (what the expected-return estimators return, and what
 * the mean-variance optimisers take). Branded: weights or a covariance passed in its place do not compile.
 *
 * @example
 * ```ts
 * const mu: ExpectedReturns = { labels: ["A", "B"], values: Float64Array.from([0.08, 0.12]) };
 * maxSharpe(mu, cov); // maxSharpe(cov, mu) is a compile error
 * ```
 */
export interface ExpectedReturns extends LabelledVector {
  readonly kind?: "expected-returns";
}

/**
 * Reads one cell of a {@link DateTable}.
 *
 * @example
 * ```ts
 * cell(prices, 1, 0); // => 11
 * ```
 */
export function cell(table: DateTable, row: number, column: number): number {
  return table.values[row * table.tickers.length + column]!;
}

/**
 * Copies one column of a {@link DateTable} into a new `Float64Array` (length `nDates`).
 *
 * @example
 * ```ts
 * column(prices, "B"); // => Float64Array [20, 19]
 * ```
 * @throws InputError when the ticker is not a column.
 */
export function column(table: DateTable, ticker: string): Float64Array {
  const j = table.tickers.indexOf(ticker);
  if (j < 0) {
    throw new InputError(
      "UNKNOWN_TICKER",
      `column: ticker ${ticker} is not in the table (columns: ${table.tickers.slice(0, 10).join(", ")}${table.tickers.length > 10 ? ", …" : ""}); check the spelling or the data source`,
      { ticker },
    );
  }
  const n = table.dates.length;
  const m = table.tickers.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = table.values[i * m + j]!;
  return out;
}

/**
 * Looks up a value of a labelled vector by label.
 *
 * @example
 * ```ts
 * valueOf({ labels: ["A", "B"], values: Float64Array.from([0.3, 0.7]) }, "B"); // => 0.7
 * ```
 * @throws InputError when the label is absent.
 */
export function valueOf(vector: LabelledVector, label: string): number {
  const i = vector.labels.indexOf(label);
  if (i < 0) {
    throw new InputError("UNKNOWN_LABEL", `valueOf: label ${label} is not in the vector; labels are ${vector.labels.join(", ")}`, { label });
  }
  return vector.values[i]!;
}

