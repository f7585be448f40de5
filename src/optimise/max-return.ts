/**
 * The maximum-return portfolio (an LP), as PyPortfolioOpt's `EfficientFrontier._max_return()`.
 */
import { InputError, type ExpectedReturns, type Weights } from "../core/index";
import type { LabelledVector } from "../core/index";
import type { ConstraintSystem } from "./constraints/constraint-system";
import { buildConstraintSystem } from "./constraints/build-constraint-system";
import { systemToLinearProgram } from "./constraints/diagnose-infeasibility";
import type { PortfolioConstraint } from "./constraints/portfolio-constraint";
import { solveLinearProgram } from "../optim/index";
import { cleanWeights, DEFAULT_WEIGHT_CUTOFF } from "./clean-weights";
import type { WeightBounds } from "./weight-bounds";

/** Options of {@link maxReturn}. */
export interface MaxReturnOptions {
  /** Weight bounds. Default `[0, 1]` (`[-1, 1]` when market neutral). */
  readonly bounds?: WeightBounds;
  /** Constraint objects; a `maxHoldings` limit is ignored (this is the LP relaxation). Default none. */
  readonly constraints?: readonly PortfolioConstraint[];
  /** Weights sum to 0 instead of 1. Default `false`. */
  readonly marketNeutral?: boolean;
}

/**
 * Weights of the portfolio with the highest expected return `μᵀw` under the bounds and constraints — a linear
 * program (PyPortfolioOpt uses it internally to cap `efficient_return` targets; it is rarely a sensible
 * portfolio). With bounds and a budget only, it is greedy (lower bounds, then the best assets up to their
 * upper bounds); otherwise a dense simplex. When several portfolios tie, one of them is returned.
 *
 * @param mu annualised expected returns labelled by ticker, length `n`.
 * @param options `{ bounds = [0, 1], constraints = [], marketNeutral = false }`.
 * @returns weights labelled like `mu` (weights below 1e-8 cleaned to 0).
 * @throws InputError when an expected return is not finite, or the return is unbounded (infinite bounds).
 * @throws InfeasibleError when the constraints admit no portfolio (diagnosed, naming the constraint).
 *
 * @example
 * ```ts
 * maxReturn({ labels: ["A", "B", "C"], values: Float64Array.of(0.1, 0.3, 0.2) }, { bounds: [0, 0.6] }).values;
 * // => Float64Array [0, 0.6, 0.4]
 * ```
 */
export function maxReturn(mu: ExpectedReturns, options: MaxReturnOptions = {}): Weights {
  const caller = "maxReturn";
  for (let i = 0; i < mu.values.length; i++) {
    if (!Number.isFinite(mu.values[i]!)) {
      throw new InputError("NON_FINITE_VALUE", `${caller}: expected return of ${mu.labels[i]} is ${mu.values[i]}; every expected return must be finite`, {
        label: mu.labels[i],
      });
    }
  }
  const system = buildConstraintSystem(mu.labels, caller, { bounds: options.bounds, constraints: options.constraints, budget: options.marketNeutral ? 0 : 1 });
  const { value, x } = maxReturnOver(system, mu.values);
  if (!Number.isFinite(value)) {
    throw new InputError("UNBOUNDED_RETURN", `${caller}: the expected return is unbounded under these bounds; give every asset finite bounds`, {});
  }
  const w = Float64Array.from(x.subarray(0, system.nAssets));
  return cleanWeights({ labels: [...mu.labels], values: w }, { cutoff: DEFAULT_WEIGHT_CUTOFF, renormalise: !options.marketNeutral });
}

/**
 * The highest `μᵀw` over a constraint system and a portfolio reaching it (all variables), or `Infinity` when
 * unbounded. Greedy for bounds and budget only; otherwise {@link solveLinearProgram}.
 *
 * @example
 * ```ts
 * maxReturnOver(system, mu.values).value; // => 0.31
 * ```
 */
export function maxReturnOver(system: ConstraintSystem, mu: ArrayLike<number>): { value: number; x: Float64Array } {
  const n = system.nAssets;
  if (system.isBoxAndBudget) {
    const x = Float64Array.from(system.lower.slice(0, n));
    let remaining = system.budget;
    for (let i = 0; i < n; i++) remaining -= x[i]!;
    if (x.some((v) => v === -Infinity)) return { value: Infinity, x };
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => mu[b]! - mu[a]!);
    for (const i of order) {
      if (remaining <= 0) break;
      const step = Math.min(system.upper[i]! - x[i]!, remaining);
      x[i] = x[i]! + step;
      remaining -= step;
    }
    let value = 0;
    for (let i = 0; i < n; i++) value += mu[i]! * x[i]!;
    return { value, x };
  }
  const c = new Float64Array(system.nVariables);
  for (let i = 0; i < n; i++) c[i] = -mu[i]!;
  const result = solveLinearProgram(systemToLinearProgram(system, c));
  if (result.status === "unbounded") return { value: Infinity, x: new Float64Array(system.nVariables) };
  if (result.status === "infeasible") return { value: -Infinity, x: new Float64Array(system.nVariables) };
  return { value: -result.objective, x: result.x };
}
