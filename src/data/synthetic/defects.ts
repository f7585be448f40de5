/**
 * The defect manifest: every fault planted in the synthetic raw feeds, so
 * that a cleaning pipeline can be tested against a known answer.
 */
import type { TickerChange } from "../raw";

/**
 * Faults planted in the raw price feed (`RawPriceRow[]`). `line` numbers
 * refer to `RawPriceRow.line`.
 *
 * @example
 * ```ts
 * const d = generateMarket().defects.prices;
 * d.unadjustedSplits; // => [{ ticker: "…", date: "2014-…", ratio: 2 }]
 * ```
 */
export interface PriceDefects {
  /** Rows delivered twice, identical in every field but `line`. */
  readonly duplicateRows: readonly { readonly ticker: string; readonly date: string; readonly lines: readonly [number, number] }[];
  /** Rows whose `close` and `adjClose` are 0 or negative; `trueAdjClose` is the clean price. */
  readonly badPrices: readonly {
    readonly ticker: string;
    readonly date: string;
    readonly line: number;
    readonly close: number;
    readonly adjClose: number;
    readonly trueAdjClose: number;
  }[];
  /** Stretches `start…end` (inclusive business days) that repeat the previous day's `adjClose` (`value`) with volume 0. */
  readonly staleRuns: readonly { readonly ticker: string; readonly start: string; readonly end: string; readonly value: number }[];
  /** Splits not adjusted in `close`: before `date`, `close = adjClose × ratio`; from `date` on, `close = adjClose`. */
  readonly unadjustedSplits: readonly { readonly ticker: string; readonly date: string; readonly ratio: number }[];
  /** Rows absent from the feed although the instrument traded that day. */
  readonly missingRows: readonly { readonly ticker: string; readonly date: string }[];
}

/**
 * Faults and quirks planted in the raw fundamentals feed (`RawFundamentalRow[]`).
 *
 * @example
 * ```ts
 * const d = generateMarket().defects.fundamentals;
 * d.tickerChanges; // => [{ oldTicker: "SLNX", newTicker: "MVRX", effectiveDate: "2022-…" }]
 * ```
 */
export interface FundamentalDefects {
  /** Filings delivered twice: same `filingId`, identical fields, two `line`s. */
  readonly duplicateFilings: readonly { readonly filingId: string; readonly lines: readonly [number, number] }[];
  /**
   * Filings later restated by a "10-K/A" (new `filingId`, later `filedDate`) for the same
   * company and `periodEnd`. The amendment carries the true figures; the original's
   * `changedFields` were off by `rawFundamentals.restatementSize`.
   */
  readonly restatements: readonly {
    /** Current ticker (as in the truth table). */
    readonly ticker: string;
    readonly periodEnd: string;
    readonly originalFilingId: string;
    readonly amendmentFilingId: string;
    readonly changedFields: readonly ("revenue" | "operatingIncome" | "netIncome")[];
  }[];
  /** `filingId`s whose figures (money and shares) are in thousands; all others are in millions. */
  readonly thousandsFilings: readonly string[];
  /** Fiscal-year-end month (1–12) of every company in the feed, by current ticker. */
  readonly fiscalYearEnds: readonly { readonly ticker: string; readonly month: number }[];
  /** Company-years in the truth that the feed does not deliver at all. */
  readonly missingYears: readonly { readonly ticker: string; readonly fiscalYear: number; readonly periodEnd: string }[];
  /** Ticker changes: filings filed before `effectiveDate` carry `oldTicker`. */
  readonly tickerChanges: readonly TickerChange[];
}

/**
 * Every planted defect of a synthetic market.
 *
 * @example
 * ```ts
 * const { defects } = generateMarket();
 * defects.prices.duplicateRows.length;          // => 12
 * defects.fundamentals.restatements.length > 0; // => true
 * ```
 */
export interface DefectManifest {
  readonly prices: PriceDefects;
  readonly fundamentals: FundamentalDefects;
}
