/**
 * The raw-feed contract: rows as a source delivers them, before the SQL layer
 * cleans them into canonical tables. Every source (synthetic, vega-datasets,
 * Yahoo Finance, the user's files) produces these shapes.
 */

/**
 * One raw price observation, as delivered (possibly duplicated, unadjusted, or wrong).
 *
 * @example
 * ```ts
 * const row: RawPriceRow = { source: "synthetic", line: 2, ticker: "AAPX", date: "2010-01-04",
 *   close: 101.2, adjClose: 101.2, volume: 1_200_000 };
 * ```
 */
export interface RawPriceRow {
  /** Where the row came from, e.g. `"synthetic"`, `"yahoo"`, `"csv:prices.csv"`. */
  readonly source: string;
  /** 1-based position in the source (line number for files), used to name bad rows. */
  readonly line: number;
  readonly ticker: string;
  /** ISO date `YYYY-MM-DD`. */
  readonly date: string;
  /** Quoted close in the instrument's currency (USD); not adjusted for splits or distributions. `null` when absent. */
  readonly close: number | null;
  /** Close adjusted for splits and distributions (USD); the canonical price. `null` when absent. */
  readonly adjClose: number | null;
  /** Shares traded; `null` when unknown. */
  readonly volume: number | null;
}

/** Scale of monetary figures and share counts in a raw filing. */
export type RawUnit = "thousands" | "millions";

/** Filing form: an original annual report or an amendment (restatement). */
export type RawForm = "10-K" | "10-K/A";

/**
 * The reported figures of a filing, each `null` when the filing does not report it. Units are the row's: a raw row
 * says them in `unit`; canonical rows are in USD millions (shares in millions).
 *
 * @example
 * ```ts
 * const f: FilingFigures = { revenue: 1500, netIncome: 120, operatingIncome: 180, totalAssets: 2400, totalEquity: 900, sharesOutstanding: 310 };
 * ```
 */
export interface FilingFigures {
  readonly revenue: number | null;
  readonly netIncome: number | null;
  readonly operatingIncome: number | null;
  readonly totalAssets: number | null;
  readonly totalEquity: number | null;
  readonly sharesOutstanding: number | null;
}

/**
 * One raw annual filing of company fundamentals, as a vendor feed delivers it.
 * Figures are in `unit` (thousands or millions of USD; shares in thousands or millions).
 *
 * @example
 * ```ts
 * const f: RawFundamentalRow = { source: "synthetic", line: 1, filingId: "F000001", ticker: "AAPX",
 *   periodEnd: "2012-09-29", filedDate: "2012-11-20", form: "10-K", unit: "millions",
 *   revenue: 1500, netIncome: 120, operatingIncome: 180, totalAssets: 2400, totalEquity: 900, sharesOutstanding: 310 };
 * ```
 */
export interface RawFundamentalRow extends FilingFigures {
  readonly source: string;
  readonly line: number;
  /** Vendor's filing identifier; a duplicate delivery repeats it. */
  readonly filingId: string;
  /** Ticker at the time of filing (a company that changed ticker files under its old one before the change). */
  readonly ticker: string;
  /** Last day of the fiscal year, ISO date. */
  readonly periodEnd: string;
  /** Date the filing became public, ISO date: features may use it only from this date on. */
  readonly filedDate: string;
  readonly form: RawForm;
  readonly unit: RawUnit;
}

/**
 * A ticker change: from `effectiveDate` on, `oldTicker` trades and files as `newTicker`.
 *
 * @example
 * ```ts
 * const change: TickerChange = { oldTicker: "FBX", newTicker: "MTAX", effectiveDate: "2021-10-28" };
 * ```
 */
export interface TickerChange {
  readonly oldTicker: string;
  readonly newTicker: string;
  readonly effectiveDate: string;
}
