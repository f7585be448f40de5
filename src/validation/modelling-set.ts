/**
 * The modelling set: the canonical data with the analyst's decisions in force applied. This is
 * what the modelling layer reads.
 */
import type { DateTable } from "../core/index";
import { readFundamentals, readPrices, type FundamentalsReadQuery, type FundamentalsRow, type WorkbookDatabase } from "../data/index";
import type { PriceQuery } from "../data/index";
import { applyDecisionsToFundamentals, applyDecisionsToPrices } from "./apply-decisions";
import { readRecordedDecisions, type RecordedDecision } from "./recorded-decisions";

/**
 * The modelling set: fundamentals rows (USD millions, as {@link FundamentalsRow}) and adjusted
 * closes (a {@link DateTable}, `NaN` = missing), with the decisions that were applied.
 *
 * @example
 * ```ts
 * const set: ModellingSet = await readModellingSet(db);
 * set.decisions.length; // => 3
 * ```
 */
export interface ModellingSet {
  readonly fundamentals: FundamentalsRow[];
  readonly prices: DateTable;
  /** The decisions in force (the latest per finding) that were applied. */
  readonly decisions: RecordedDecision[];
}

/**
 * Canonical fundamentals with the decisions in force applied (excluded company-years removed,
 * adjusted figures replaced, ratios and growth recomputed). Growth is computed on every fiscal
 * year of the tickers before the year range is cut, so the first year shown keeps its growth.
 *
 * @example
 * ```ts
 * (await modellingFundamentals(db, { tickers: ["AQVX"] })).length; // => 20
 * ```
 * @throws as {@link readFundamentals} (UNKNOWN_TICKER, BAD_YEAR_RANGE, NO_FUNDAMENTALS).
 */
export async function modellingFundamentals(db: WorkbookDatabase, query: FundamentalsReadQuery = {}): Promise<FundamentalsRow[]> {
  const decisions = await readRecordedDecisions(db, { currentOnly: true });
  const all = await readFundamentals(db, query.tickers ? { tickers: query.tickers } : {});
  if (query.fromYear !== undefined || query.toYear !== undefined) await readFundamentals(db, query); // checks the range, with its message
  const applied = applyDecisionsToFundamentals(all, decisions);
  return applied.filter((r) => r.fiscalYear >= (query.fromYear ?? 0) && r.fiscalYear <= (query.toYear ?? 9999));
}

/**
 * Canonical adjusted closes with the decisions in force applied (excluded days `NaN`, adjusted days replaced).
 *
 * @example
 * ```ts
 * const prices = await modellingPrices(db, { tickers: ["CMDX"] });
 * ```
 * @throws as {@link readPrices} (UNKNOWN_TICKER, NO_PRICES_IN_RANGE, NO_PRICES).
 */
export async function modellingPrices(db: WorkbookDatabase, query: PriceQuery = {}): Promise<DateTable> {
  const decisions = await readRecordedDecisions(db, { currentOnly: true });
  return applyDecisionsToPrices(await readPrices(db, query), decisions);
}

/**
 * The whole modelling set: {@link modellingFundamentals} and {@link modellingPrices} with the decisions applied.
 *
 * @example
 * ```ts
 * const { fundamentals, prices, decisions } = await readModellingSet(db);
 * ```
 */
export async function readModellingSet(
  db: WorkbookDatabase,
  query: { readonly fundamentals?: FundamentalsReadQuery; readonly prices?: PriceQuery } = {},
): Promise<ModellingSet> {
  return {
    fundamentals: await modellingFundamentals(db, query.fundamentals),
    prices: await modellingPrices(db, query.prices),
    decisions: await readRecordedDecisions(db, { currentOnly: true }),
  };
}
