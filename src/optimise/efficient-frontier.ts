/**
 * The mean–variance efficient frontier as a list of portfolios, from the minimum-volatility return to the
 * maximum achievable return.
 */
import { DEFAULT_RISK_FREE_RATE, type ExpectedReturns } from "../core/index";
import { InputError } from "../core/index";
import type { LabelledMatrix, LabelledVector } from "../core/index";
import { reachableTarget } from "./efficient-return";
import { maxReturnOver } from "./max-return";
import { offLowerBounds, returnRow, setupMeanVariance, solveMeanVariance, type MeanVarianceOptions } from "./mean-variance-options";
import { portfolioVariance } from "../measures/index";

/** Options of {@link efficientFrontier}. */
export interface EfficientFrontierOptions extends MeanVarianceOptions {
  /** Number of portfolios, ≥ 2. Default 50. */
  readonly points?: number;
  /** Annual risk-free rate for the Sharpe ratios. Default {@link DEFAULT_RISK_FREE_RATE} (0). */
  readonly riskFreeRate?: number;
}

/** One portfolio of the efficient frontier (annual figures). */
export interface EfficientFrontierPoint {
  /** `μᵀw`, a fraction per year. */
  readonly expectedReturn: number;
  /** `√(wᵀΣw)`, a fraction per year. */
  readonly volatility: number;
  /** `(expectedReturn − riskFreeRate) / volatility`. */
  readonly sharpe: number;
  /** The efficient weights for this return, labelled like `cov`. */
  readonly weights: LabelledVector;
}

/**
 * `points` efficient portfolios with target returns evenly spaced from the minimum-volatility portfolio's
 * return to the maximum achievable return (an LP), each the `efficientReturn` portfolio for its target, with
 * its return, volatility and Sharpe ratio. (PyPortfolioOpt's plotting stops 1e-4 short of the maximum; here the
 * last point is the least-variance maximum-return portfolio.)
 *
 * Each QP is warm-started from the previous point's working set, so a 50-point frontier on 100 assets takes
 * tens of milliseconds. Volatility increases with the target return along the list.
 *
 * @param mu annualised expected returns, labelled, length `n`.
 * @param cov annualised covariance, `n × n`, same labels and order.
 * @param options `{ points = 50, riskFreeRate = 0, bounds, constraints, objectives, ridge, cutoff }`.
 * @returns the portfolios, in increasing target return.
 * @throws InputError for malformed inputs, `points` not an integer ≥ 2, or an unbounded return (infinite bounds).
 * @throws InfeasibleError when the constraints admit no portfolio (the message names the constraint).
 *
 * @example
 * ```ts
 * const labels = ["A", "B"];
 * const frontier = efficientFrontier({ labels, values: Float64Array.of(0.1, 0.2) },
 *   { labels, values: Float64Array.of(0.04, 0, 0, 0.09) }, { points: 3 });
 * frontier.map((p) => p.expectedReturn); // => ≈ [0.1308, 0.1654, 0.2]   (min-vol 9/13·0.1 + 4/13·0.2, …, max)
 * ```
 */
export function efficientFrontier(mu: ExpectedReturns, cov: LabelledMatrix, options: EfficientFrontierOptions = {}): EfficientFrontierPoint[] {
  const caller = "efficientFrontier";
  const points = options.points ?? 50;
  if (!Number.isInteger(points) || points < 2) {
    throw new InputError("BAD_POINTS", `${caller}: points ${points} must be a whole number ≥ 2`, { points });
  }
  const riskFreeRate = options.riskFreeRate ?? DEFAULT_RISK_FREE_RATE;
  if (typeof riskFreeRate !== "number" || !Number.isFinite(riskFreeRate)) {
    throw new InputError("BAD_RISK_FREE_RATE", `${caller}: riskFreeRate ${riskFreeRate} must be a finite annual rate, e.g. 0.02`, { riskFreeRate });
  }
  const setup = setupMeanVariance(caller, cov, mu, options, 1);
  const top = maxReturnOver(setup.system, setup.mu);
  const highest = top.value;
  const include = offLowerBounds(setup, top.x);
  if (!Number.isFinite(highest)) {
    throw new InputError("UNBOUNDED_RETURN", `${caller}: the expected return is unbounded under these bounds; give every asset finite bounds`, {});
  }
  const point = (weights: LabelledVector): EfficientFrontierPoint => {
    let expectedReturn = 0;
    for (let i = 0; i < setup.n; i++) expectedReturn += weights.values[i]! * setup.mu[i]!;
    const volatility = Math.sqrt(portfolioVariance(cov.values, weights.values));
    return { expectedReturn, volatility, sharpe: (expectedReturn - riskFreeRate) / volatility, weights };
  };
  const first = solveMeanVariance(setup, 1, 0);
  let lowest = 0;
  for (let i = 0; i < setup.n; i++) lowest += first.raw[i]! * setup.mu[i]!;
  const out: EfficientFrontierPoint[] = [point(first.weights)];
  let warmStart = first.warmStart;
  for (let k = 1; k < points; k++) {
    const target = reachableTarget(lowest + ((highest - lowest) * k) / (points - 1), highest);
    const solution = solveMeanVariance(setup, 1, 0, [returnRow(setup, target)], warmStart, include);
    warmStart = solution.warmStart;
    out.push(point(solution.weights));
  }
  return out;
}
