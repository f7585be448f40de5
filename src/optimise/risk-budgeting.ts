/**
 * Long-only risk budgeting portfolios (Spinu's convex formulation, Newton's method).
 */
import { InputError, NumericalError } from "../core/index";
import type { LabelledMatrix, LabelledVector } from "../core/index";
import { cholesky, choleskySolve } from "../linalg/index";
import { checkCovariance } from "../linalg/index";
import { checkPositiveSemidefinite } from "../linalg/index";

/** Options of {@link riskBudgeting}. */
export interface RiskBudgetingOptions {
  /**
   * Target share of portfolio variance per ticker (every asset, each > 0); normalised to sum to 1.
   * A labelled vector in the covariance's order or a record by ticker. Default: equal (equal risk contribution).
   */
  readonly budgets?: LabelledVector | Readonly<Record<string, number>>;
  /** Largest allowed `max |RCᵢ − bᵢ|` at the solution. Default {@link RISK_BUDGET_TOLERANCE} (1e-10). */
  readonly tolerance?: number;
}

/** Default accuracy of the risk contributions: `max |RCᵢ − bᵢ| ≤ 1e-10`. */
export const RISK_BUDGET_TOLERANCE = 1e-10;
const MAX_ITERATIONS = 100;

/**
 * The long-only, fully invested portfolio whose relative risk contributions `wᵢ(Σw)ᵢ / wᵀΣw` equal the budgets
 * `bᵢ`. It is unique (Roncalli), and found through Spinu's (2013) strictly convex problem
 * `min ½ yᵀΣy − Σ bᵢ ln yᵢ` over `y > 0`, whose minimiser satisfies `yᵢ(Σy)ᵢ = bᵢ`; `w = y / Σy`. Newton's method
 * with a backtracking line search (keeping `y > 0`) converges quadratically; it stops when every contribution
 * is within `tolerance` (1e-10) of its budget.
 *
 * @param cov covariance `n × n`, labelled (any scale; annualised from the risk models); positive semidefinite
 *   with positive variances.
 * @param options `{ budgets = equal, tolerance = 1e-10 }`.
 * @returns weights (all > 0, summing to 1) labelled like `cov`.
 * @throws InputError for a malformed covariance, a missing, unknown, non-positive or non-finite budget, or a
 *   non-positive variance.
 * @throws NumericalError when Newton's method does not reach the tolerance in 100 iterations.
 *
 * @example
 * ```ts
 * const labels = ["A", "B"];
 * riskBudgeting({ labels, values: Float64Array.of(0.01, 0, 0, 0.04) }, { budgets: { A: 0.8, B: 0.2 } }).values;
 * // => ≈ Float64Array [0.8, 0.2]   (uncorrelated: wᵢ ∝ √bᵢ / σᵢ = (8.944, 2.236), normalised)
 * ```
 */
export function riskBudgeting(cov: LabelledMatrix, options: RiskBudgetingOptions = {}): LabelledVector {
  const caller = "riskBudgeting";
  const n = checkCovariance(cov, caller);
  checkPositiveSemidefinite(cov, caller);
  const S = cov.values;
  for (let i = 0; i < n; i++) {
    if (!(S[i * n + i]! > 0)) {
      throw new InputError("NON_POSITIVE_VARIANCE", `${caller}: variance of ${cov.labels[i]} is ${S[i * n + i]}; risk budgeting needs positive variances (drop the asset)`, {
        label: cov.labels[i],
      });
    }
  }
  const tolerance = options.tolerance ?? RISK_BUDGET_TOLERANCE;
  if (!(tolerance > 0) || !Number.isFinite(tolerance)) {
    throw new InputError("BAD_TOLERANCE", `${caller}: tolerance ${tolerance} must be a small positive number, e.g. 1e-10`, { tolerance });
  }
  const b = resolveBudgets(options.budgets, cov.labels, caller);

  // Start at y ∝ b/σ, scaled so that yᵀΣy = Σb = 1 (true at the optimum).
  let y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = b[i]! / Math.sqrt(S[i * n + i]!);
  const Sy = (v: Float64Array) => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += S[i * n + j]! * v[j]!;
      out[i] = s;
    }
    return out;
  };
  const scale0 = 1 / Math.sqrt(dot(y, Sy(y)));
  for (let i = 0; i < n; i++) y[i] = y[i]! * scale0;
  const objective = (v: Float64Array, sv: Float64Array) => {
    let f = 0.5 * dot(v, sv);
    for (let i = 0; i < n; i++) f -= b[i]! * Math.log(v[i]!);
    return f;
  };

  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const sy = Sy(y);
    // Converged when the risk contributions of w = y/Σy are within tolerance of the budgets.
    const variance = dot(y, sy);
    let worst = 0;
    for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs((y[i]! * sy[i]!) / variance - b[i]!));
    if (worst <= tolerance) {
      let total = 0;
      for (let i = 0; i < n; i++) total += y[i]!;
      return { labels: [...cov.labels], values: Float64Array.from(y, (v) => v / total) };
    }
    // Newton step: (Σ + diag(b/y²)) d = Σy − b/y.
    const gradient = new Float64Array(n);
    const H = Float64Array.from(S);
    for (let i = 0; i < n; i++) {
      gradient[i] = sy[i]! - b[i]! / y[i]!;
      H[i * n + i] = H[i * n + i]! + b[i]! / (y[i]! * y[i]!);
    }
    const step = choleskySolve(cholesky(H, n), gradient, n);
    const f0 = objective(y, sy);
    const slope = -dot(gradient, step);
    // Stagnation: the Newton step no longer moves any weight beyond round-off, so this is the optimum in double
    // precision; for an ill-conditioned covariance the contributions cannot get closer to the budgets than this.
    let largestMove = 0;
    for (let i = 0; i < n; i++) largestMove = Math.max(largestMove, Math.abs(step[i]!) / y[i]!);
    if (largestMove <= 64 * Number.EPSILON) {
      let total = 0;
      for (let i = 0; i < n; i++) total += y[i]!;
      return { labels: [...cov.labels], values: Float64Array.from(y, (v) => v / total) };
    }
    let t = 1;
    for (let i = 0; i < n; i++) if (step[i]! > 0) t = Math.min(t, (0.99 * y[i]!) / step[i]!);
    let next = new Float64Array(n);
    // Near the optimum the predicted decrease is below what f can resolve in double precision, so Armijo's
    // test cannot tell a good step from a bad one; there the full (positivity-capped) Newton step is taken,
    // which converges quadratically on this strictly convex problem.
    const resolvable = -slope > 1e3 * Number.EPSILON * Math.max(1, Math.abs(f0));
    for (let trial = 0; trial < 60; trial++) {
      for (let i = 0; i < n; i++) next[i] = y[i]! - t * step[i]!;
      if (!resolvable) break;
      // Armijo's test, with slack for round-off in f so that a step is not refused for noise.
      if (objective(next, Sy(next)) <= f0 + 1e-4 * t * slope + 4 * Number.EPSILON * Math.abs(f0) || t < 1e-12) break;
      t /= 2;
    }
    y = next;
  }
  throw new NumericalError(
    "NO_CONVERGENCE",
    `${caller}: Newton's method did not bring the risk contributions within ${tolerance} of the budgets in ${MAX_ITERATIONS} iterations; the covariance may be badly conditioned (very different variances, or near-duplicate assets): rescale it or drop near-duplicates`,
    { tolerance },
  );
}

/**
 * The equal risk contribution (ERC) portfolio: {@link riskBudgeting} with equal budgets `1/n`, long only.
 *
 * @param cov covariance `n × n`, labelled.
 * @returns weights (all > 0, summing to 1) labelled like `cov`.
 * @throws InputError / NumericalError as {@link riskBudgeting}.
 *
 * @example
 * ```ts
 * equalRiskContribution({ labels: ["A", "B", "C", "D"], values: Float64Array.of(
 *   0.01, 0, 0, 0, 0, 0.04, 0, 0, 0, 0, 0.09, 0, 0, 0, 0, 0.16) }).values;
 * // => ≈ Float64Array [0.48, 0.24, 0.16, 0.12]   (uncorrelated: wᵢ ∝ 1/σᵢ)
 * ```
 */
export function equalRiskContribution(cov: LabelledMatrix): LabelledVector {
  return riskBudgeting(cov);
}

function resolveBudgets(budgets: RiskBudgetingOptions["budgets"], labels: readonly string[], caller: string): Float64Array {
  const n = labels.length;
  const b = new Float64Array(n);
  if (budgets === undefined) return b.fill(1 / n);
  if ("labels" in budgets && "values" in budgets && ArrayBuffer.isView((budgets as LabelledVector).values)) {
    const vector = budgets as LabelledVector;
    if (vector.labels.length !== n || vector.labels.some((label, i) => label !== labels[i]) || vector.values.length !== n) {
      throw new InputError("LABEL_MISMATCH", `${caller}: budgets must be labelled like the covariance (${labels.slice(0, 5).join(", ")}…) in the same order`, {});
    }
    b.set(vector.values);
  } else {
    const record = budgets as Readonly<Record<string, number>>;
    for (const key of Object.keys(record)) {
      if (!labels.includes(key)) throw new InputError("UNKNOWN_TICKER", `${caller}: budgets name ${key}, which is not in the covariance; check the spelling`, { label: key });
    }
    labels.forEach((label, i) => {
      if (!(label in record)) {
        throw new InputError("MISSING_BUDGET", `${caller}: no budget for ${label}; give every asset a positive budget (long-only risk budgeting needs all of them)`, { label });
      }
      b[i] = record[label]!;
    });
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (!(b[i]! > 0) || !Number.isFinite(b[i]!)) {
      throw new InputError("BAD_BUDGET", `${caller}: budget of ${labels[i]} is ${b[i]}; every budget must be a positive finite number`, { label: labels[i], value: b[i] });
    }
    total += b[i]!;
  }
  for (let i = 0; i < n; i++) b[i] = b[i]! / total;
  return b;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
