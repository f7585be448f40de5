/**
 * Whole shares from portfolio weights, as PyPortfolioOpt's `DiscreteAllocation`.
 */
import { InfeasibleError, InputError, NumericalError } from "../../core/index";
import type { LabelledVector } from "../../core/index";
import { formatNumber } from "../../core/index";
import type { DiscreteAllocationMethod, DiscreteAllocationProblem } from "./discrete-allocation-method";
import { integerAllocation } from "./integer-allocation";

/** Options of {@link discreteAllocation}. */
export interface DiscreteAllocationOptions {
  /** How to choose the shares: `integerAllocation` (exact, the default) or `greedyAllocation` (fast). */
  readonly method?: DiscreteAllocationMethod;
}

/** Whole shares bought for a capital, and what they amount to. */
export interface DiscreteAllocationResult {
  /** Number of shares per ticker, only the tickers with at least one share, in the order of the weights. */
  readonly shares: Record<string, number>;
  /** Cash left over, `V − Σ pᵢxᵢ` (currency units, ≥ 0). */
  readonly leftover: number;
  /**
   * Weight of each position in the capital, `pᵢxᵢ / V`, labelled like the input weights (0 where nothing was
   * bought); they sum to `1 − leftover / V`.
   */
  readonly allocatedWeights: LabelledVector;
  /** The method's name, e.g. `"integer"`. */
  readonly method: string;
}

/** Slack on the sum of the weights (cleaned optimiser output sums to 1 up to round-off). */
const SUM_TOLERANCE = 1e-6;

/**
 * Turns portfolio weights into whole numbers of shares for a capital `V` at the latest prices (PyPortfolioOpt's
 * `DiscreteAllocation(weights, latest_prices, total_portfolio_value)`), long only. Weights are fractions of `V`
 * and are not renormalised: weights summing to 0.9 leave at least 10 % in cash.
 *
 * @param weights target weights (fractions, each ≥ 0, summing to at most 1), labelled by ticker; zero weights are skipped.
 * @param latestPrices latest price of one share per ticker (currency units); may hold other tickers too (see `latestPrices`).
 * @param totalValue the capital `V` (same currency, > 0).
 * @param options `{ method = integerAllocation }`.
 * @returns a promise of `{ shares, leftover, allocatedWeights, method }`.
 * @throws InputError (the promise rejects) when a weight is negative ("split the long and short books"), not
 *   finite, or the weights sum above 1 or to 0; a positively weighted ticker has no price (all are named) or a
 *   price that is not a positive number; `totalValue` is not a positive number.
 * @throws InfeasibleError when `totalValue` is below the cheapest share of the positively weighted tickers (named).
 * @throws NumericalError when the method fails (HiGHS) or returns shares that are not whole, negative or too dear.
 *
 * @example
 * ```ts
 * const w = { labels: ["A", "B"], values: Float64Array.of(0.5, 0.5) };
 * const p = { labels: ["A", "B"], values: Float64Array.of(30, 70) };
 * await discreteAllocation(w, p, 1000);
 * // => { shares: { A: 17, B: 7 }, leftover: 0, allocatedWeights: [0.51, 0.49], method: "integer" }
 * ```
 */
export async function discreteAllocation(
  weights: LabelledVector,
  latestPrices: LabelledVector,
  totalValue: number,
  options: DiscreteAllocationOptions = {},
): Promise<DiscreteAllocationResult> {
  const method = options.method ?? integerAllocation;
  const problem = checkDiscreteProblem(weights, latestPrices, totalValue);
  const bought = await method.allocate(problem);
  const caller = "discreteAllocation";
  const m = problem.tickers.length;
  if (bought.length !== m) {
    throw new NumericalError("BAD_DISCRETE_METHOD", `${caller}: method ${method.name} returned ${bought.length} share counts for ${m} tickers`, {});
  }
  let cost = 0;
  for (let i = 0; i < m; i++) {
    const k = bought[i]!;
    if (!Number.isInteger(k) || k < 0) {
      throw new NumericalError("BAD_DISCRETE_METHOD", `${caller}: method ${method.name} returned ${k} shares of ${problem.tickers[i]}; shares must be whole numbers ≥ 0`, {
        ticker: problem.tickers[i],
      });
    }
    cost += k * problem.prices[i]!;
  }
  if (cost > totalValue * (1 + 1e-12)) {
    throw new NumericalError("BAD_DISCRETE_METHOD", `${caller}: method ${method.name} spent ${cost} > the capital ${totalValue}`, { cost, totalValue });
  }
  const shares: Record<string, number> = {};
  const position = new Map<string, number>();
  for (let i = 0; i < m; i++) {
    if (bought[i]! > 0) shares[problem.tickers[i]!] = bought[i]!;
    position.set(problem.tickers[i]!, (bought[i]! * problem.prices[i]!) / totalValue);
  }
  return {
    shares,
    leftover: Math.max(0, totalValue - cost),
    allocatedWeights: { labels: [...weights.labels], values: Float64Array.from(weights.labels, (t) => position.get(t) ?? 0) },
    method: method.name,
  };
}

/**
 * Checks the inputs of {@link discreteAllocation} and keeps the positively weighted tickers.
 *
 * @returns the {@link DiscreteAllocationProblem}.
 * @throws InputError / InfeasibleError as described for {@link discreteAllocation}.
 *
 * @example
 * ```ts
 * checkDiscreteProblem(w, p, 1000).tickers; // => ["A", "B"]
 * ```
 */
export function checkDiscreteProblem(weights: LabelledVector, latestPrices: LabelledVector, totalValue: number): DiscreteAllocationProblem {
  const caller = "discreteAllocation";
  if (typeof totalValue !== "number" || !Number.isFinite(totalValue) || totalValue <= 0) {
    throw new InputError("BAD_TOTAL_VALUE", `${caller}: total value ${totalValue} must be a positive amount of money, e.g. 10000`, { totalValue });
  }
  if (weights.values.length !== weights.labels.length) {
    throw new InputError("SHAPE_MISMATCH", `${caller}: weights have ${weights.labels.length} labels but ${weights.values.length} values; pass one value per label`, {});
  }
  if (latestPrices.values.length !== latestPrices.labels.length) {
    throw new InputError("SHAPE_MISMATCH", `${caller}: latestPrices have ${latestPrices.labels.length} labels but ${latestPrices.values.length} values; pass one value per label`, {});
  }
  const tickers: string[] = [];
  const w: number[] = [];
  const shorts: string[] = [];
  let sum = 0;
  for (let i = 0; i < weights.labels.length; i++) {
    const value = weights.values[i]!;
    if (!Number.isFinite(value)) {
      throw new InputError("NON_FINITE_VALUE", `${caller}: weight of ${weights.labels[i]} is ${value}; every weight must be finite`, { ticker: weights.labels[i] });
    }
    if (value < 0) shorts.push(`${weights.labels[i]} (${value})`);
    else if (value > 0) {
      tickers.push(weights.labels[i]!);
      w.push(value);
      sum += value;
    }
  }
  if (shorts.length > 0) {
    throw new InputError(
      "SHORT_WEIGHTS",
      `${caller}: negative weights for ${shorts.join(", ")}; discrete allocation is long only — split the long and short books and allocate each with its own capital`,
      { shorts },
    );
  }
  if (tickers.length === 0) {
    throw new InputError("NO_POSITIVE_WEIGHT", `${caller}: no ticker has a positive weight; pass the weights of a portfolio`, {});
  }
  if (sum > 1 + SUM_TOLERANCE) {
    throw new InputError("WEIGHTS_ABOVE_ONE", `${caller}: weights sum to ${formatNumber(sum)} > 1 (leverage); pass weights summing to at most 1`, { sum });
  }
  const priceOf = new Map<string, number>();
  latestPrices.labels.forEach((label, i) => priceOf.set(label, latestPrices.values[i]!));
  const missing = tickers.filter((t) => !priceOf.has(t));
  if (missing.length > 0) {
    throw new InputError("MISSING_PRICE", `${caller}: no latest price for ${missing.join(", ")}; add their prices or drop them from the weights`, { missing });
  }
  const bad = tickers.filter((t) => !(Number.isFinite(priceOf.get(t)!) && priceOf.get(t)! > 0));
  if (bad.length > 0) {
    throw new InputError(
      "BAD_PRICE",
      `${caller}: the latest price of ${bad.map((t) => `${t} is ${priceOf.get(t)}`).join(", ")}; prices must be positive numbers (fill or drop the ticker)`,
      { tickers: bad },
    );
  }
  const prices = Float64Array.from(tickers, (t) => priceOf.get(t)!);
  let cheapest = 0;
  for (let i = 1; i < prices.length; i++) if (prices[i]! < prices[cheapest]!) cheapest = i;
  if (totalValue < prices[cheapest]!) {
    throw new InfeasibleError(
      "CAPITAL_BELOW_CHEAPEST_SHARE",
      `${caller}: total value ${totalValue} is below the cheapest share (${tickers[cheapest]} at ${prices[cheapest]}); raise the capital to at least ${prices[cheapest]}`,
      { totalValue, ticker: tickers[cheapest], price: prices[cheapest] },
    );
  }
  return { tickers, weights: Float64Array.from(w), prices, totalValue };
}
