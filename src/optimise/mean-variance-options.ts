/**
 * Options shared by the mean–variance optimisers, and their common set-up: checks, the constraint system, the
 * objective in solver form, and the clean-up of the solver's weights.
 */
import { InputError, type ExpectedReturns, type Weights } from "../core/index";
import type { LabelledMatrix, LabelledVector } from "../core/index";
import { buildConstraintSystem } from "./constraints/build-constraint-system";
import type { ConstraintSystem, LinearRow } from "./constraints/constraint-system";
import type { PortfolioConstraint } from "./constraints/portfolio-constraint";
import { checkCovariance } from "../linalg/index";
import { checkSameLabels } from "../core/index";
import { cleanWeights, DEFAULT_WEIGHT_CUTOFF } from "./clean-weights";
import type { ObjectiveTerm } from "./objective-term";
import { qpFromSystem, solvePortfolioQp } from "./solve-portfolio-qp";
import type { WeightBounds } from "./weight-bounds";

/**
 * The default ridge: `"auto"` solves on the covariance as given and, only when it is singular (quadprog needs a
 * positive-definite matrix), again with 1e-10 × its mean variance on the diagonal. A fixed ridge moves the weights by
 * about ridge / smallest eigenvalue: 2.5e-6 on a daily-scale covariance whose smallest eigenvalue is 4.7e-7.
 */
export const MEAN_VARIANCE_RIDGE = "auto";

/** Options every mean–variance optimiser accepts. */
export interface MeanVarianceOptions {
  /** Weight bounds: one `[lower, upper]` pair for all assets or one per asset. Default `[0, 1]` (`[-1, 1]` when market neutral). */
  readonly bounds?: WeightBounds;
  /** Constraint objects (`sectorLimits`, `turnoverLimit`, `maxHoldings`, …). Default none. */
  readonly constraints?: readonly PortfolioConstraint[];
  /** Extra objective terms (`l2Regularisation(γ)`), as PyPortfolioOpt's `add_objective`. Default none. */
  readonly objectives?: readonly ObjectiveTerm[];
  /**
   * Diagonal ridge added to the covariance for the solver: a number (e.g. 1e-10, the fixed ridge of earlier versions),
   * or `"auto"` (default, {@link MEAN_VARIANCE_RIDGE}): none, unless the covariance is singular.
   */
  readonly ridge?: number | "auto";
  /** Weights with `|w| <` cutoff are set to 0 (and the rest renormalised when fully invested). Default 1e-8. */
  readonly cutoff?: number;
}

/** The checked inputs of a mean–variance optimiser call. */
export interface MeanVarianceSetup {
  readonly caller: string;
  readonly labels: readonly string[];
  readonly n: number;
  /** Covariance plus ridge, row-major `n × n`. */
  readonly cov: Float64Array;
  /** Expected returns, length `n` (zeros when the optimiser takes none). */
  readonly mu: Float64Array;
  readonly system: ConstraintSystem;
  readonly objectives: readonly ObjectiveTerm[];
  readonly cutoff: number;
  /** True with `ridge: "auto"`: a singular covariance is solved again with a small relative ridge. */
  readonly ridgeOnFailure: boolean;
}

/**
 * Checks the covariance, the expected returns and the options, and builds (and diagnoses) the constraint system.
 *
 * @param caller the public function name used to prefix messages.
 * @param cov annualised covariance, `n × n`, labelled.
 * @param mu annualised expected returns with the same labels, or `undefined`.
 * @param options the shared options.
 * @param budget 1 (fully invested) or 0 (market neutral).
 * @returns the {@link MeanVarianceSetup}.
 * @throws InputError for malformed inputs; InfeasibleError when the constraints admit no portfolio.
 *
 * @example
 * ```ts
 * setupMeanVariance("maxSharpe", S, mu, { bounds: [0, 0.5] }, 1).system.upper; // => [0.5, 0.5, …]
 * ```
 */
export function setupMeanVariance(
  caller: string,
  cov: LabelledMatrix,
  mu: ExpectedReturns | undefined,
  options: MeanVarianceOptions,
  budget: number,
): MeanVarianceSetup {
  const n = checkCovariance(cov, caller);
  const muValues = mu === undefined ? new Float64Array(n) : checkExpectedReturns(mu, cov, caller);
  const ridgeOnFailure = (options.ridge ?? MEAN_VARIANCE_RIDGE) === "auto";
  const ridge = resolveRidge(options.ridge, caller);
  const cutoff = options.cutoff ?? DEFAULT_WEIGHT_CUTOFF;
  if (!Number.isFinite(cutoff) || cutoff < 0) {
    throw new InputError("BAD_CUTOFF", `${caller}: cutoff ${cutoff} must be a finite number ≥ 0`, { cutoff });
  }
  const objectives = options.objectives ?? [];
  if (!Array.isArray(objectives)) {
    throw new InputError("BAD_OBJECTIVES", `${caller}: objectives must be an array of objective terms, e.g. [l2Regularisation(0.1)]`, {});
  }
  objectives.forEach((term, k) => {
    if (typeof term !== "object" || term === null || typeof (term as ObjectiveTerm).addTo !== "function") {
      throw new InputError("BAD_OBJECTIVE", `${caller}: objectives[${k}] is not an objective term; build one with l2Regularisation(gamma)`, { index: k });
    }
  });
  const system = buildConstraintSystem(cov.labels, caller, { bounds: options.bounds, constraints: options.constraints, budget });
  const covariance = Float64Array.from(cov.values);
  for (let i = 0; i < n; i++) covariance[i * n + i] = covariance[i * n + i]! + ridge;
  return { caller, labels: cov.labels, n, cov: covariance, mu: muValues, system, objectives, cutoff, ridgeOnFailure };
}

/**
 * The fixed ridge a `ridge` option asks for: the number, or 0 for `"auto"` (the default).
 *
 * @example
 * ```ts
 * resolveRidge(undefined, "minVolatility"); // => 0
 * resolveRidge(1e-10, "minVolatility");     // => 1e-10
 * ```
 * @throws InputError `BAD_RIDGE` for a negative or non-finite number or another string.
 */
export function resolveRidge(ridge: number | "auto" | undefined, caller: string): number {
  if (ridge === undefined || ridge === "auto") return 0;
  if (typeof ridge !== "number" || !Number.isFinite(ridge) || ridge < 0) {
    throw new InputError("BAD_RIDGE", `${caller}: ridge ${String(ridge)} must be "auto" or a finite number ≥ 0`, { ridge });
  }
  return ridge;
}

/**
 * Checks expected returns against a covariance: same labels in the same order, finite values.
 *
 * @returns the values (not copied).
 * @throws InputError naming the mismatch or the non-finite entry.
 *
 * @example
 * ```ts
 * checkExpectedReturns({ labels: ["A"], values: Float64Array.of(NaN) }, cov, "maxSharpe");
 * // => throws InputError "maxSharpe: expected return of A is NaN; …"
 * ```
 */
export function checkExpectedReturns(mu: ExpectedReturns, cov: LabelledMatrix, caller: string): Float64Array {
  checkSameLabels(caller, ["mu", mu.labels], ["cov", cov.labels]);
  if (mu.values.length !== mu.labels.length) {
    throw new InputError("SHAPE_MISMATCH", `${caller}: mu has ${mu.labels.length} labels but ${mu.values.length} values; pass one value per label`, {});
  }
  for (let i = 0; i < mu.values.length; i++) {
    if (!Number.isFinite(mu.values[i]!)) {
      throw new InputError(
        "NON_FINITE_VALUE",
        `${caller}: expected return of ${mu.labels[i]} is ${mu.values[i]}; every expected return must be finite (drop the asset or fix its history)`,
        { label: mu.labels[i], value: mu.values[i] },
      );
    }
  }
  return mu.values;
}

/**
 * The objective `varianceWeight·wᵀΣw − returnWeight·μᵀw + termWeight·Σ objective terms` as `½ wᵀQw + cᵀw`.
 *
 * @example
 * ```ts
 * objectiveOf(setup, 1, 0); // => { Q: 2Σ (+ 2γI for L2), c: 0 } — minimum variance
 * ```
 */
export function objectiveOf(
  setup: MeanVarianceSetup,
  varianceWeight: number,
  returnWeight: number,
  termWeight = 1,
): { Q: Float64Array; c: Float64Array } {
  const { n } = setup;
  const Q = new Float64Array(n * n);
  const c = new Float64Array(n);
  for (const term of setup.objectives) term.addTo(Q, c, setup.labels);
  if (termWeight !== 1) {
    for (let k = 0; k < n * n; k++) Q[k] = termWeight * Q[k]!;
    for (let i = 0; i < n; i++) c[i] = termWeight * c[i]!;
  }
  for (let k = 0; k < n * n; k++) Q[k] = Q[k]! + 2 * varianceWeight * setup.cov[k]!;
  for (let i = 0; i < n; i++) c[i] = c[i]! - returnWeight * setup.mu[i]!;
  return { Q, c };
}

/**
 * The labelled weights from a solver's variables: the first `n`, clipped to the bounds (solver round-off)
 * and cleaned (`|w| < cutoff` → 0; renormalised to sum to 1 unless market neutral).
 *
 * @example
 * ```ts
 * weightsOf(setup, x).values; // => Float64Array of length n summing to 1
 * ```
 */
export function weightsOf(setup: MeanVarianceSetup, x: ArrayLike<number>): Weights {
  const { n, system } = setup;
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = Math.min(system.upper[i]!, Math.max(system.lower[i]!, x[i]!));
  return cleanWeights({ labels: [...setup.labels], values: w }, { cutoff: setup.cutoff, renormalise: system.budget !== 0 });
}

/** The solution of {@link solveMeanVariance}: raw variables and cleaned weights. */
export interface MeanVarianceSolution {
  /** Cleaned labelled weights. */
  readonly weights: LabelledVector;
  /** The solver's weights before cleaning, length `n`. */
  readonly raw: Float64Array;
  /** The final working set and the variables at their upper bounds, to warm-start a neighbouring problem. */
  readonly warmStart: WarmStart;
}

/** Where a previous solve ended: its free variables and those at their upper bounds. */
export interface WarmStart {
  readonly workingSet: readonly number[];
  readonly atUpper: readonly number[];
}

/**
 * Solves `min varianceWeight·wᵀΣw − returnWeight·μᵀw + termWeight·objectives` over the setup's constraint system and
 * `extraRows`, with the holdings heuristic when a `maxHoldings` constraint was given. `warmStart` (a previous
 * solution's) and `include` (variables of a known feasible point) only affect speed.
 *
 * @example
 * ```ts
 * solveMeanVariance(setup, 0.5, 1).weights; // => maximum quadratic utility with risk aversion 1
 * ```
 */
export function solveMeanVariance(
  setup: MeanVarianceSetup,
  varianceWeight: number,
  returnWeight: number,
  extraRows: readonly LinearRow[] = [],
  warmStart?: WarmStart,
  include?: readonly number[],
  termWeight = 1,
): MeanVarianceSolution {
  const { Q, c } = objectiveOf(setup, varianceWeight, returnWeight, termWeight);
  const qp = qpFromSystem(setup.system, Q, c, extraRows);
  const { x, workingSet, atUpper } = solvePortfolioQp(qp, {
    caller: setup.caller,
    maxHoldings: setup.system.maxHoldings,
    initialWorkingSet: warmStart?.workingSet,
    initialAtUpper: warmStart?.atUpper,
    include,
    ridgeOnFailure: setup.ridgeOnFailure,
  });
  const raw = Float64Array.from(x.subarray(0, setup.n));
  return { weights: weightsOf(setup, raw), raw, warmStart: { workingSet, atUpper } };
}

/**
 * The row `μᵀw ≥ target` over the setup's variables.
 *
 * @example
 * ```ts
 * solveMeanVariance(setup, 1, 0, [returnRow(setup, 0.2)]); // => efficient portfolio for a 20 % return
 * ```
 */
export function returnRow(setup: MeanVarianceSetup, target: number): LinearRow {
  return {
    indices: Array.from({ length: setup.n }, (_, i) => i),
    values: Array.from(setup.mu),
    lower: target,
    upper: Infinity,
    source: "target return",
    description: `expected return ≥ ${target}`,
  };
}

/**
 * The variables of a point that are off their lower bounds — with a target-return row, pass the maximum-return
 * portfolio's to {@link solveMeanVariance} as `include`, so that the first working set can reach the target.
 *
 * @example
 * ```ts
 * offLowerBounds(setup, maxReturnOver(setup.system, setup.mu).x); // => e.g. [3, 17]
 * ```
 */
export function offLowerBounds(setup: MeanVarianceSetup, x: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < x.length; i++) if (x[i]! > setup.system.lower[i]! + 1e-12) out.push(i);
  return out;
}
