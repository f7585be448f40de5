/**
 * The portfolio a stress test is run on: weights and the money behind them.
 */
import { InputError } from "../core/index";
import type { LabelledVector } from "../core/index";

/**
 * Today's portfolio: weights (fractions of capital) and the capital in money.
 *
 * @example
 * ```ts
 * const portfolio: StressPortfolio = { weights: { labels: ["MKTIDX", "LTBX"], values: Float64Array.of(0.6, 0.4) }, capital: 1_000_000 };
 * ```
 */
export interface StressPortfolio {
  /** Weights labelled by ticker. Fully invested (sum 1, none negative) unless `longShort` is set. */
  readonly weights: LabelledVector;
  /** Capital in money (e.g. USD); losses are reported in the same unit. */
  readonly capital: number;
  /** Allow negative weights and any sum (a long-short or leveraged book, weights relative to capital). Default `false`. */
  readonly longShort?: boolean;
}

/** Tolerance on Σw = 1 for a fully invested portfolio. */
export const WEIGHT_SUM_TOLERANCE = 1e-6;

/**
 * Checks a {@link StressPortfolio}: labels unique and as many as values, weights finite, capital positive and
 * finite, and unless `longShort`, weights non-negative and summing to 1 (±1e-6).
 *
 * @throws InputError SHAPE_MISMATCH, DUPLICATE_TICKER, NON_FINITE_WEIGHT, BAD_CAPITAL, NEGATIVE_WEIGHT,
 *   WEIGHTS_NOT_SUMMING_TO_ONE, EMPTY_PORTFOLIO — each naming the problem and the fix.
 * @example
 * ```ts
 * checkStressPortfolio({ weights: { labels: ["A"], values: Float64Array.of(0.9) }, capital: 1e6 }, "runStressTest");
 * // => throws InputError WEIGHTS_NOT_SUMMING_TO_ONE "runStressTest: weights sum to 0.9, not 1; …"
 * ```
 */
export function checkStressPortfolio(portfolio: StressPortfolio, caller: string): void {
  const { weights, capital } = portfolio;
  if (weights.labels.length !== weights.values.length) {
    throw new InputError(
      "SHAPE_MISMATCH",
      `${caller}: weights have ${weights.labels.length} labels but ${weights.values.length} values; pass one weight per ticker`,
      {},
    );
  }
  const seen = new Set<string>();
  let sum = 0;
  let held = 0;
  weights.labels.forEach((ticker, i) => {
    if (seen.has(ticker)) {
      throw new InputError("DUPLICATE_TICKER", `${caller}: ticker ${ticker} has two weights; merge them into one`, { ticker });
    }
    seen.add(ticker);
    const w = weights.values[i]!;
    if (!Number.isFinite(w)) {
      throw new InputError("NON_FINITE_WEIGHT", `${caller}: weight of ${ticker} is ${w}; weights must be finite`, { ticker });
    }
    if (w < 0 && !portfolio.longShort) {
      throw new InputError(
        "NEGATIVE_WEIGHT",
        `${caller}: weight of ${ticker} is ${w} < 0 in a long-only portfolio; pass longShort: true for a portfolio with short positions`,
        { ticker, weight: w },
      );
    }
    if (w !== 0) held++;
    sum += w;
  });
  if (typeof capital !== "number" || !Number.isFinite(capital) || capital <= 0) {
    throw new InputError("BAD_CAPITAL", `${caller}: capital ${String(capital)} must be a positive amount of money, e.g. 1_000_000`, { capital });
  }
  if (held === 0) {
    throw new InputError("EMPTY_PORTFOLIO", `${caller}: every weight is 0; a stress test needs at least one holding`, {});
  }
  if (!portfolio.longShort && Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
    throw new InputError(
      "WEIGHTS_NOT_SUMMING_TO_ONE",
      `${caller}: weights sum to ${Number(sum.toPrecision(10))}, not 1; divide them by their sum for a fully invested portfolio, or pass longShort: true for a long-short or leveraged one`,
      { sum },
    );
  }
}
