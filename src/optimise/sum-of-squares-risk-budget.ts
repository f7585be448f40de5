/**
 * Risk budgeting for the measures that are the root of a sum of squares of piecewise-linear functions of the
 * weights (semi-deviation, second lower partial moment, Ulcer index) or of a quadratic form (volatility): a
 * semismooth Newton method on `c·ρ(y)² − Σ bᵢ log yᵢ`, in plain TypeScript (no QP solver).
 */
import { NumericalError } from "../core/index";
import { tryCholesky, choleskySolve } from "../linalg/index";
import { solveQuadraticProgram } from "../optim/index";
import type { CvarSetup } from "./cvar-problem";
import type { MeasureSettings } from "./scenario-risk-programme";

/** The measures {@link sumOfSquaresRiskBudget} handles. */
export type SumOfSquaresMeasure = "semiDeviation" | "secondLowerPartialMoment" | "ulcerIndex" | "volatility";

const MAX_ITERATIONS = 200;

/**
 * Minimises `F(y) = c·ρ(y)² − Σ bᵢ log yᵢ` over `y > 0` for a sum-of-squares measure, where `ρ(y)² = κ Σₜ vₜ(y)²` with
 * each `vₜ` a maximum of linear functions of y (semi-deviation: `max(0, (μ − rₜ)ᵀy)`, κ = 1/(T − 1); SLPM:
 * `max(0, τΣy − rₜᵀy)`, κ = 1/(T − 1); Ulcer index: the uncompounded drawdown after t, κ = 1/T), or `ρ(y)² = yᵀΣy`.
 * F is convex and continuously differentiable with a piecewise-constant generalised Hessian
 * `2cκ Σ_{vₜ > 0} gₜgₜᵀ + diag(b / y²)` (positive definite), so Newton's method with a backtracking line search that
 * keeps y positive converges, superlinearly near the minimum. At the minimum `yᵢ·∂ρ²/∂yᵢ ∝ bᵢ`: the risk budgets.
 *
 * @param setup the (scaled) scenarios, row-major `T × n`, dates in order.
 * @param start a positive starting point; `c` the objective's multiplier.
 * @returns the minimiser y (not normalised) and the Newton steps taken.
 * @throws NumericalError NOT_CONVERGED.
 * @example
 * ```ts
 * const { y } = sumOfSquaresRiskBudget("ulcerIndex", setup, settings, b, start, c);
 * ```
 */
export function sumOfSquaresRiskBudget(
  measure: SumOfSquaresMeasure,
  setup: CvarSetup,
  settings: MeasureSettings,
  b: Float64Array,
  start: Float64Array,
  c: number,
  covariance?: ArrayLike<number>,
): { readonly y: Float64Array; readonly iterations: number } {
  const { n, T, scenarios } = setup;
  const row = (t: number) => scenarios.subarray(t * n, (t + 1) * n);
  const mean = new Float64Array(n);
  for (let t = 0; t < T; t++) for (let j = 0; j < n; j++) mean[j] = (mean[j] as number) + (scenarios[t * n + j] as number) / T;
  const cumulative = new Float64Array((T + 1) * n); // Σ_{k < t} r_k, row t (row 0 = 0)
  for (let t = 0; t < T; t++) for (let j = 0; j < n; j++) cumulative[(t + 1) * n + j] = (cumulative[t * n + j] as number) + (scenarios[t * n + j] as number);
  const kappa = measure === "ulcerIndex" ? 1 / T : 1 / (T - 1);
  const tau = settings.minimumAcceptableReturn;

  /** The active pieces at y: each `vₜ > 0` with its gradient `gₜ`. */
  const pieces = (y: Float64Array): { v: number; g: Float64Array }[] => {
    const out: { v: number; g: Float64Array }[] = [];
    if (measure === "ulcerIndex") {
      let peak = 0;
      let peakRow = 0;
      for (let t = 1; t <= T; t++) {
        let level = 0;
        for (let j = 0; j < n; j++) level += (cumulative[t * n + j] as number) * (y[j] as number);
        if (level > peak) {
          peak = level;
          peakRow = t;
        }
        const v = peak - level;
        if (v > 0) out.push({ v, g: Float64Array.from({ length: n }, (_, j) => (cumulative[peakRow * n + j] as number) - (cumulative[t * n + j] as number)) });
      }
      return out;
    }
    for (let t = 0; t < T; t++) {
      const r = row(t);
      const g = measure === "semiDeviation" ? Float64Array.from(r, (x, j) => (mean[j] as number) - x) : Float64Array.from(r, (x) => tau - x);
      let v = 0;
      for (let j = 0; j < n; j++) v += (g[j] as number) * (y[j] as number);
      if (v > 0) out.push({ v, g });
    }
    return out;
  };
  const squaredRisk = (y: Float64Array): number => {
    if (measure === "volatility") {
      let q = 0;
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) q += (y[i] as number) * (covariance?.[i * n + j] as number) * (y[j] as number);
      return q;
    }
    return kappa * pieces(y).reduce((s, p) => s + p.v * p.v, 0);
  };
  const objective = (y: Float64Array): number => {
    let f = c * squaredRisk(y);
    for (let j = 0; j < n; j++) f -= (b[j] as number) * Math.log(y[j] as number);
    return f;
  };
  let y = Float64Array.from(start);
  let f = objective(y);
  if (measure === "ulcerIndex") return ulcerNewton();
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
    const grad = new Float64Array(n);
    const hessian = new Float64Array(n * n);
    if (measure === "volatility") {
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const s = 2 * c * (covariance?.[i * n + j] as number);
          hessian[i * n + j] = s;
          grad[i] = (grad[i] as number) + s * (y[j] as number);
        }
      }
    } else {
      for (const { v, g } of pieces(y)) {
        const s = 2 * c * kappa;
        for (let i = 0; i < n; i++) {
          grad[i] = (grad[i] as number) + s * v * (g[i] as number);
          for (let j = 0; j < n; j++) hessian[i * n + j] = (hessian[i * n + j] as number) + s * (g[i] as number) * (g[j] as number);
        }
      }
    }
    let optimality = 0;
    for (let i = 0; i < n; i++) {
      const yi = y[i] as number;
      const bi = b[i] as number;
      grad[i] = (grad[i] as number) - bi / yi;
      hessian[i * n + i] = (hessian[i * n + i] as number) + bi / (yi * yi);
      optimality = Math.max(optimality, Math.abs((grad[i] as number) * yi));
    }
    if (optimality < 1e-13) return { y, iterations: iteration };
    const factor = tryCholesky(hessian, n);
    if (factor === null) throw new NumericalError("NOT_CONVERGED", "sumOfSquaresRiskBudget: the Newton system is not positive definite; check the returns for non-finite values", {});
    const d = choleskySolve(factor, Float64Array.from(grad, (x) => -x), n);
    let slope = 0;
    let t = 1;
    for (let i = 0; i < n; i++) {
      slope += (grad[i] as number) * (d[i] as number);
      if ((d[i] as number) < 0) t = Math.min(t, (-0.95 * (y[i] as number)) / (d[i] as number)); // stay positive
    }
    let trial = Float64Array.from(y, (v, i) => v + t * (d[i] as number));
    let ft = objective(trial);
    while (!(ft <= f + 1e-4 * t * slope) && t > 1e-12) {
      t /= 2;
      trial = Float64Array.from(y, (v, i) => v + t * (d[i] as number));
      ft = objective(trial);
    }
    if (!(ft <= f)) return { y, iterations: iteration }; // round-off level: no further decrease to be had
    const moved = Math.max(...Array.from(d, (x, i) => Math.abs(t * x) / (y[i] as number)));
    y = trial;
    f = ft;
    if (moved < 1e-14) return { y, iterations: iteration };
  }
  throw new NumericalError("NOT_CONVERGED", `sumOfSquaresRiskBudget: Newton's method did not settle in ${MAX_ITERATIONS} steps; rescale the returns`, {});

  /**
   * The Ulcer index's squared drawdowns are not differentiable where two peaks tie, so its steps are proximal
   * Newton steps: each a strictly convex QP (quadprog) in y and the drawdowns U, with `Uₜ ≥ Uₜ₋₁ − rₜᵀy`, `Uₜ ≥ 0`,
   * `U₀ = 0` exact and `−Σ bᵢ log yᵢ` replaced by its second-order expansion; then a line search on F.
   */
  function ulcerNewton(): { readonly y: Float64Array; readonly iterations: number } {
    const N = n + T;
    const rows = 2 * T + n;
    for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
      const Q = new Float64Array(N * N);
      const lin = new Float64Array(N);
      for (let i = 0; i < n; i++) {
        const yi = y[i] as number;
        Q[i * N + i] = (b[i] as number) / (yi * yi);
        lin[i] = (-2 * (b[i] as number)) / yi;
      }
      for (let t = 0; t < T; t++) Q[(n + t) * N + n + t] = 2 * c * kappa;
      const A = new Float64Array(rows * N);
      for (let t = 0; t < T; t++) {
        // −(Uₜ − Uₜ₋₁ + rₜᵀy) ≤ 0 and −Uₜ ≤ 0
        for (let j = 0; j < n; j++) A[t * N + j] = -(scenarios[t * n + j] as number);
        A[t * N + n + t] = -1;
        if (t > 0) A[t * N + n + t - 1] = 1;
        A[(T + t) * N + n + t] = -1;
      }
      for (let i = 0; i < n; i++) A[(2 * T + i) * N + i] = -1;
      const x = solveQuadraticProgram({ Q, c: lin, Aineq: A, bineq: new Float64Array(rows) }).x;
      const d = Float64Array.from({ length: n }, (_, i) => (x[i] as number) - (y[i] as number));
      let decrease = c * (squaredRisk(x.subarray(0, n) as Float64Array) - squaredRisk(y));
      let size = 0;
      let t = 1;
      for (let i = 0; i < n; i++) {
        decrease -= ((b[i] as number) * (d[i] as number)) / (y[i] as number);
        size = Math.max(size, Math.abs(d[i] as number) / (y[i] as number));
        if ((d[i] as number) < 0) t = Math.min(t, (-0.95 * (y[i] as number)) / (d[i] as number));
      }
      if (size < 1e-12 || decrease > -1e-16) return { y, iterations: iteration };
      let trial = Float64Array.from(y, (v, i) => v + t * (d[i] as number));
      let ft = objective(trial);
      while (!(ft <= f + 1e-4 * t * decrease) && t > 1e-12) {
        t /= 2;
        trial = Float64Array.from(y, (v, i) => v + t * (d[i] as number));
        ft = objective(trial);
      }
      if (!(ft <= f)) return { y, iterations: iteration };
      y = trial;
      f = ft;
      if (t * size < 1e-12) return { y, iterations: iteration };
    }
    throw new NumericalError("NOT_CONVERGED", `sumOfSquaresRiskBudget: the Ulcer index's Newton steps did not settle in ${MAX_ITERATIONS} steps; rescale the returns`, {});
  }
}
