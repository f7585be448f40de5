/**
 * Running every check at once: reading what the checks need from the
 * database, and the report they produce together.
 */
import { readFundamentals, type FundamentalsRow, type WorkbookDatabase } from "../data/index";
import { checkEarnings } from "./earnings-sanity";
import { sortFindings, type Finding } from "./finding";
import { checkMissingYears } from "./missing-years";
import { checkOutlierReturns } from "./outlier-returns";
import { checkPriceGaps } from "./price-gaps";
import { readPriceSeries, seriesCoverage, type PriceSeries } from "./price-series";
import { profitabilityGrowthQuadrants, type QuadrantRow } from "./profitability-growth";
import { checkRestatements, readRestatements, type RestatementRow } from "./restatements";
import { DEFAULT_VALIDATION_SETTINGS, type ValidationSettings } from "./settings";
import { stabilityScores, type StabilityScore } from "./stability";
import { checkStalePrices } from "./stale-prices";
import { checkUnadjustedSplits } from "./unadjusted-splits";

/**
 * Everything the checks look at: canonical fundamentals, restatements, price series.
 *
 * @example
 * ```ts
 * const input: ValidationInput = await readValidationInput(db);
 * input.prices.length; // => 43
 * ```
 */
export interface ValidationInput {
  readonly fundamentals: readonly FundamentalsRow[];
  readonly restatements: readonly RestatementRow[];
  readonly prices: readonly PriceSeries[];
}

/**
 * What the checks found: the findings (sorted by check, ticker, date), the quadrant of each
 * company, the stability scores, and the settings used.
 *
 * @example
 * ```ts
 * const report: ValidationReport = runChecks(input);
 * report.findings.filter((f) => f.severity === "error").length; // => 1 (default market: the unadjusted split)
 * ```
 */
export interface ValidationReport {
  readonly settings: ValidationSettings;
  readonly findings: readonly Finding[];
  readonly quadrants: readonly QuadrantRow[];
  readonly stability: readonly StabilityScore[];
}

/**
 * Reads the checks' input from a built database: all canonical fundamentals (none if the table is
 * empty), restatements, and every ticker's price series (none if there are no prices).
 *
 * @example
 * ```ts
 * const input = await readValidationInput(db);
 * ```
 * @throws DataError SQL_FAILED when the database was not built (run buildCanonicalData first).
 */
export async function readValidationInput(db: WorkbookDatabase): Promise<ValidationInput> {
  const hasFundamentals = (await db.query<{ ticker: string }>("fundamentals-coverage.sql")).length > 0;
  const hasPrices = (await db.query<{ ticker: string }>("price-coverage.sql")).length > 0;
  return {
    fundamentals: hasFundamentals ? await readFundamentals(db) : [],
    restatements: await readRestatements(db),
    prices: hasPrices ? await readPriceSeries(db) : [],
  };
}

/**
 * Runs every check with one settings object: earnings sanity, restatements and missing years
 * (sheet "earnings"), gaps, stale prices, outlier returns and splits (sheet "prices"), the
 * profitability-versus-growth quadrants and the stability scores. Pure: the input is only read.
 *
 * @example
 * ```ts
 * const report = runChecks(await readValidationInput(db), resolveValidationSettings({ prices: { staleDays: 5 } }));
 * report.findings[0].message; // => "AERX has no fundamentals for fiscal year 2006 …"
 * ```
 */
export function runChecks(input: ValidationInput, settings: ValidationSettings = DEFAULT_VALIDATION_SETTINGS): ValidationReport {
  const findings = [
    ...checkEarnings(input.fundamentals, settings),
    ...checkRestatements(input.restatements, settings),
    ...checkMissingYears(input.fundamentals, seriesCoverage(input.prices), settings),
    ...checkPriceGaps(input.prices, settings),
    ...checkStalePrices(input.prices, settings),
    ...checkOutlierReturns(input.prices, settings),
    ...checkUnadjustedSplits(input.prices, settings),
  ];
  return {
    settings,
    findings: sortFindings(findings),
    quadrants: profitabilityGrowthQuadrants(input.fundamentals, settings),
    stability: stabilityScores(input.fundamentals, input.prices, settings),
  };
}
