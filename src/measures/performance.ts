/**
 * Expected return, volatility and Sharpe ratio of a portfolio, as PyPortfolioOpt's `portfolio_performance`.
 */
import { DEFAULT_RISK_FREE_RATE } from "../core/index";
import { InputError } from "../core/index";
import type { ExpectedReturns, LabelledMatrix, Weights } from "../core/index";
import { checkCovariance } from "../linalg/index";
import { checkSameLabels } from "../core/index";

/** Options of {@link portfolioPerformance}. */
export interface PortfolioPerformanceOptions {
  /**
   * Annual risk-free rate (a fraction, same period as `mu`). Default {@link DEFAULT_RISK_FREE_RATE} (0) — note
   * that PyPortfolioOpt's default is 0.02; pass it explicitly to compare. It is echoed in the result.
   */
  readonly riskFreeRate?: number;
}

/** Annualised performance of a portfolio. */
export interface PortfolioPerformance {
  /** `wᵀμ`, a fraction per year. */
  readonly expectedReturn: number;
  /** `√(wᵀΣw)`, a fraction per year. */
  readonly volatility: number;
  /** `(expectedReturn − riskFreeRate) / volatility`. */
  readonly sharpe: number;
  /** The risk-free rate the Sharpe ratio used. */
  readonly riskFreeRate: number;
}

/** Relative slack under which a slightly negative `wᵀΣw` (round-off on a semidefinite Σ) is read as 0. */
const VARIANCE_ROUNDOFF = 1e-14;

/**
 * Expected return `wᵀμ`, volatility `√(wᵀΣw)` and Sharpe ratio `(wᵀμ − rf) / √(wᵀΣw)`, all annual when `mu`
 * and `cov` are annualised (as the estimators return them).
 *
 * @param weights portfolio weights (fractions) labelled by ticker, length `n`; need not sum to 1.
 * @param mu expected returns (fraction per year), labelled in the same order, length `n`.
 * @param cov covariance (per year), `n × n`, same labels and order.
 * @param options `{ riskFreeRate = 0 }`.
 * @returns `{ expectedReturn, volatility, sharpe, riskFreeRate }`.
 * @throws InputError when the labels of weights, mu and cov differ (the message names the first mismatch), a
 *   value is not finite, the covariance is malformed, the portfolio variance is negative (Σ not semidefinite:
 *   repair it), or the volatility is 0 (Sharpe undefined).
 *
 * @example
 * ```ts
 * const labels = ["A", "B"];
 * portfolioPerformance({ labels, values: Float64Array.from([0.5, 0.5]) },
 *   { labels, values: Float64Array.from([0.1, 0.2]) },
 *   { labels, values: Float64Array.from([0.04, 0, 0, 0.09]) }, { riskFreeRate: 0.02 });
 * // => { expectedReturn: 0.15, volatility: ≈ 0.18028, sharpe: ≈ 0.72111, riskFreeRate: 0.02 }
 * ```
 */
export function portfolioPerformance(
  weights: Weights,
  mu: ExpectedReturns,
  cov: LabelledMatrix,
  options: PortfolioPerformanceOptions = {},
): PortfolioPerformance {
  const caller = "portfolioPerformance";
  const n = checkCovariance(cov, caller);
  checkSameLabels(caller, ["mu", mu.labels], ["cov", cov.labels]);
  checkSameLabels(caller, ["weights", weights.labels], ["cov", cov.labels]);
  for (const [name, vector] of [["weights", weights], ["mu", mu]] as const) {
    if (vector.values.length !== n) {
      throw new InputError("SHAPE_MISMATCH", `${caller}: ${name} has ${n} labels but ${vector.values.length} values; pass one value per label`, {
        name,
      });
    }
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(vector.values[i]!)) {
        throw new InputError("NON_FINITE_VALUE", `${caller}: ${name} of ${vector.labels[i]} is ${vector.values[i]}; every value must be finite`, {
          name,
          label: vector.labels[i],
        });
      }
    }
  }
  const riskFreeRate = options.riskFreeRate ?? DEFAULT_RISK_FREE_RATE;
  if (!Number.isFinite(riskFreeRate)) {
    throw new InputError("BAD_RISK_FREE_RATE", `${caller}: riskFreeRate ${riskFreeRate} must be a finite annual rate, e.g. 0.02`, { riskFreeRate });
  }

  const w = weights.values;
  let expectedReturn = 0;
  let variance = 0;
  let scale = 0; // Σ |wᵢ Σᵢⱼ wⱼ|, to judge round-off
  for (let i = 0; i < n; i++) {
    expectedReturn += w[i]! * mu.values[i]!;
    let row = 0;
    let rowAbs = 0;
    for (let j = 0; j < n; j++) {
      const term = cov.values[i * n + j]! * w[j]!;
      row += term;
      rowAbs += Math.abs(term);
    }
    variance += w[i]! * row;
    scale += Math.abs(w[i]!) * rowAbs;
  }
  if (variance < 0) {
    if (variance < -VARIANCE_ROUNDOFF * scale) {
      throw new InputError(
        "NEGATIVE_VARIANCE",
        `${caller}: portfolio variance is ${variance} < 0, so the covariance is not positive semidefinite; repair it with riskModels.fixNonpositiveSemidefinite`,
        { variance },
      );
    }
    variance = 0;
  }
  const volatility = Math.sqrt(variance);
  if (volatility === 0) {
    throw new InputError(
      "ZERO_VOLATILITY",
      `${caller}: the portfolio has zero volatility, so its Sharpe ratio is undefined; check the weights (all zero?) and the covariance`,
      {},
    );
  }
  return { expectedReturn, volatility, sharpe: (expectedReturn - riskFreeRate) / volatility, riskFreeRate };
}
