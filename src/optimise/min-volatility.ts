/**
 * The minimum-volatility portfolio, as PyPortfolioOpt's `EfficientFrontier(mu, S).min_volatility()`.
 */
import { NumericalError, InputError, type Weights } from "../core/index";
import type { LabelledMatrix, LabelledVector } from "../core/index";
import { solveBoxBudgetQp, solveWithRidgeOnFailure } from "../optim/index";
import { checkCovariance } from "../linalg/index";
import type { PortfolioConstraint } from "./constraints/portfolio-constraint";
import { cleanWeights, DEFAULT_WEIGHT_CUTOFF } from "./clean-weights";
import { resolveRidge, setupMeanVariance, solveMeanVariance } from "./mean-variance-options";
import type { ObjectiveTerm } from "./objective-term";
import { resolveWeightBounds, type WeightBounds } from "./weight-bounds";

/**
 * The default ridge, `"auto"`: quadprog needs a strictly positive-definite matrix and a (repaired) sample
 * covariance may be singular, so a singular covariance is solved again with 1e-10 × its mean variance on the
 * diagonal; a definite one is solved as given (a fixed ridge would move the weights by about ridge / smallest
 * eigenvalue).
 */
export const MIN_VOLATILITY_RIDGE = "auto";

/** Options of {@link minVolatility}. */
export interface MinVolatilityOptions {
  /** Weight bounds: one `[lower, upper]` pair for all assets or one per asset. Default `[0, 1]` (long only). */
  readonly bounds?: WeightBounds;
  /** Diagonal ridge added to the covariance for the solver: a number, or `"auto"` (default, {@link MIN_VOLATILITY_RIDGE}). */
  readonly ridge?: number | "auto";
  /** Weights with `|w| <` cutoff are set to 0 and the rest renormalised. Default 1e-8; 0 keeps the solver's weights. */
  readonly cutoff?: number;
  /** Constraint objects (`sectorLimits`, `turnoverLimit`, `maxHoldings`, …), diagnosed before solving. Default none. */
  readonly constraints?: readonly PortfolioConstraint[];
  /** Extra objective terms, e.g. `[l2Regularisation(0.1)]` (PyPortfolioOpt's `add_objective`). Default none. */
  readonly objectives?: readonly ObjectiveTerm[];
}

/**
 * Weights of the fully invested portfolio with the lowest variance `wᵀΣw` within per-asset bounds:
 *
 * minimise `wᵀΣw` (`wᵀ(Σ + ridge·I)w` with a ridge) subject to `Σwᵢ = 1`, `lowerᵢ ≤ wᵢ ≤ upperᵢ`
 * (plus any extra `objectives` terms and `constraints`, which are diagnosed before solving — see
 * `constraints.diagnoseInfeasibility` — and solved with the working-set QP solver),
 *
 * solved exactly with `quadprog` (Goldfarb–Idnani dual active set) through `solvers.solveBoxBudgetQp`,
 * which works on a growing set of candidate assets so that 500 assets take well under a second. Feasibility of the bounds is checked
 * before solving. The weights are then clipped to the bounds (solver round-off) and cleaned with
 * {@link cleanWeights} (`|w| < 1e-8` → 0, renormalised to sum to 1).
 *
 * @param cov annualised covariance, `n × n`, labelled by ticker; symmetric and positive semidefinite
 *   (e.g. from `riskModels.sampleCovariance`, which repairs it).
 * @param options `{ bounds = [0, 1], ridge = "auto", cutoff = 1e-8, constraints = [], objectives = [] }`.
 * @returns weights (fractions summing to 1) labelled like `cov`, length `n`.
 * @throws InputError when the covariance is malformed (not square, NaN, asymmetric, negative variance) or
 *   the bounds/ridge are malformed.
 * @throws InfeasibleError when the bounds admit no fully invested portfolio (e.g. "minVolatility: upper
 *   bounds sum to 0.6 < 1; raise the bounds or add assets"), or the constraints admit none (naming the constraint).
 * @throws NumericalError when the covariance plus ridge is not positive definite (repair it first) or the
 *   solver fails.
 *
 * @example
 * ```ts
 * // σ₁ = 20 %, σ₂ = 30 %, ρ = 0: w₁ = σ₂² / (σ₁² + σ₂²)
 * minVolatility({ labels: ["A", "B"], values: Float64Array.from([0.04, 0, 0, 0.09]) }).values;
 * // => ≈ Float64Array [0.6923, 0.3077]   (9/13, 4/13)
 * ```
 */
export function minVolatility(cov: LabelledMatrix, options: MinVolatilityOptions = {}): Weights {
  const caller = "minVolatility";
  if ((options.constraints?.length ?? 0) > 0 || (options.objectives?.length ?? 0) > 0) {
    return solveMeanVariance(setupMeanVariance(caller, cov, undefined, options, 1), 1, 0).weights;
  }
  const n = checkCovariance(cov, caller);
  const ridge = resolveRidge(options.ridge, caller);
  const { lower, upper } = resolveWeightBounds(options.bounds, cov.labels, caller);

  const Q = Float64Array.from(cov.values);
  for (let i = 0; i < n; i++) Q[i * n + i] = Q[i * n + i]! + ridge;
  const solve = (q: Float64Array) => solveBoxBudgetQp({ Q: q, budget: 1, lower, upper }).x;

  let x: Float64Array;
  try {
    x = (options.ridge ?? MIN_VOLATILITY_RIDGE) === "auto" ? solveWithRidgeOnFailure(Q, n, n, solve) : solve(Q);
  } catch (error) {
    if (error instanceof NumericalError && error.code === "NOT_POSITIVE_DEFINITE") {
      throw new NumericalError(
        "NOT_POSITIVE_DEFINITE",
        `${caller}: the covariance${ridge > 0 ? ` + ${ridge}·I` : ""} is not positive definite even with a small ridge; pass it through riskModels.fixNonpositiveSemidefinite first (sampleCovariance does), or pass a larger ridge`,
        { ridge },
        { cause: error },
      );
    }
    throw error;
  }
  for (let i = 0; i < n; i++) x[i] = Math.min(upper[i]!, Math.max(lower[i]!, x[i]!));
  return cleanWeights({ labels: cov.labels, values: x }, { cutoff: options.cutoff ?? DEFAULT_WEIGHT_CUTOFF });
}
