/**
 * The minimum-volatility portfolio, solved from the previous rebalance's holdings.
 */
import { minVolatility, type WeightBounds } from "../optimise/index";
import * as optimizers from "../optimise/index";
import * as solvers from "../optim/index";
import type { LabelledMatrix, LabelledVector } from "../core/index";

/** Options of {@link warmStartedMinVolatility}. */
export interface WarmStartedMinVolatilityOptions {
  /** Weight bounds. Default `[0, 1]` (long only). */
  readonly bounds?: WeightBounds;
  /** Weights held now, labelled like `cov` (e.g. `OptimizeContext.current`): their support seeds the solver. */
  readonly previous?: LabelledVector;
}

/**
 * Exactly `minVolatility(cov, { bounds })` — minimise `wᵀ(Σ + 10⁻¹⁰·I)w` subject to `Σw = 1` and the bounds, then
 * clip and clean — but with the solver's working set started from the assets held now instead of a
 * projected-gradient pass. Month to month the optimal support barely changes, so a backtest's rebalances solve
 * in one or two quadprog rounds. The minimiser is unique (positive-definite objective), so the weights do not
 * depend on the start, only the time taken.
 *
 * Falls back to `minVolatility` itself (the same answer, the same errors) for up to
 * `solvers.WORKING_SET_THRESHOLD` assets, without a previous portfolio, or for a malformed covariance.
 *
 * @param cov annualised covariance, `n × n`, labelled; positive semidefinite.
 * @param options `{ bounds = [0, 1], previous }`.
 * @returns weights labelled like `cov`, summing to 1.
 * @throws as `minVolatility` (InputError, InfeasibleError, NumericalError NOT_POSITIVE_DEFINITE).
 * @example
 * ```ts
 * warmStartedMinVolatility(cov, { previous: lastWeights }).values; // => the same as minVolatility(cov).values
 * ```
 */
export function warmStartedMinVolatility(cov: LabelledMatrix, options: WarmStartedMinVolatilityOptions = {}): LabelledVector {
  const n = cov.labels.length;
  const previous = options.previous;
  const support: number[] = [];
  if (previous && previous.labels.length === n && previous.labels.every((l, i) => l === cov.labels[i])) {
    previous.values.forEach((w, i) => {
      if (w > 0) support.push(i);
    });
  }
  const plain = () => minVolatility(cov, options.bounds === undefined ? {} : { bounds: options.bounds });
  if (n <= solvers.WORKING_SET_THRESHOLD || support.length === 0 || cov.values.length !== n * n || cov.values.some((v) => !Number.isFinite(v))) return plain();
  const { lower, upper } = optimizers.resolveWeightBounds(options.bounds, cov.labels, "warmStartedMinVolatility");
  if (lower.some((l) => l === -Infinity)) return plain();
  // As minVolatility's default ridge ("auto"): a singular covariance is solved again with a small relative ridge.
  const x = solvers.solveWithRidgeOnFailure(cov.values, n, n, (Q) => solvers.solveBoxBudgetQp({ Q, budget: 1, lower, upper, initialWorkingSet: support }).x);
  for (let i = 0; i < n; i++) x[i] = Math.min(upper[i]!, Math.max(lower[i]!, x[i]!));
  return optimizers.cleanWeights({ labels: cov.labels, values: x });
}
