/**
 * An approximate minimiser of a QP over one linear equality and bounds, by accelerated projected gradient —
 * cheap (O(n × support) per step), used to guess which variables an exact solver should work on.
 */
import { InputError } from "../core/index";
import { projectOntoHyperplaneBox } from "./project-onto-hyperplane-box";
import { symmetricTimesVector } from "../linalg/index";

/** Stop once the support has not changed for this many consecutive steps… */
const STABLE_SUPPORT_STEPS = 10;
/** …after at least this many steps. */
const MIN_STEPS = 20;
/** A variable is in the support when it is above its lower bound by more than this times the largest such gap. */
const SUPPORT_TOLERANCE = 1e-6;
/** Largest number of power-iteration steps for `λmax(Q)`; they stop earlier once the estimate settles to 1e-3. */
const POWER_STEPS = 30;

/**
 * minimise `½ xᵀQx + cᵀx` subject to `aᵀx = b` and `lower ≤ x ≤ upper`.
 */
export interface SingleEqualityQuadraticProgram {
  /** `n × n` symmetric positive-semidefinite matrix, row-major. */
  readonly Q: Float64Array;
  /** Linear term, length `n`. */
  readonly c: Float64Array;
  /** Coefficients of the equality, length `n` (e.g. all ones for a budget, excess returns for max Sharpe). */
  readonly a: Float64Array;
  /** Right-hand side of the equality. */
  readonly b: number;
  /** Finite lower bounds, length `n`. */
  readonly lower: Float64Array;
  /** Upper bounds, length `n` (`Infinity` allowed). */
  readonly upper: Float64Array;
}

/**
 * Up to a few hundred steps of FISTA (accelerated projected gradient, step `1/(1.1·λmax(Q))` by power iteration)
 * on a {@link SingleEqualityQuadraticProgram}, from the projection of the origin. Each step projects onto
 * `{aᵀx = b, lower ≤ x ≤ upper}` exactly with {@link projectOntoHyperplaneBox} (warm-started from the previous
 * step's multiplier) and multiplies by `Q` only over the variables off their lower bounds
 * ({@link symmetricTimesVector}), so a step costs O(n·support) once the support has shrunk. It stops early once
 * the support (variables above their lower bounds by more than 1e-6 of the largest gap) has not changed for
 * 10 steps (after at least 20). The result is approximate — its support is a good
 * first working set for `solveWorkingSetQp` or `solveBoxBudgetQp`, whose KKT rounds make the answer exact.
 *
 * @param problem `{ Q, c, a, b, lower, upper }`; `Q` symmetric; the set should be non-empty (otherwise the result
 *   is the box point closest to the hyperplane).
 * @param iterations largest number of FISTA steps. Default 200.
 * @returns an approximate minimiser (feasible up to round-off), length `n`.
 * @throws InputError when lengths disagree, a lower bound is not finite, or `a`, `b`, `c` hold a non-finite value.
 *
 * @example
 * ```ts
 * projectedGradientGuess({ Q: Float64Array.of(2, 0, 0, 2), c: new Float64Array(2), a: Float64Array.of(1, 1), b: 1,
 *   lower: new Float64Array(2), upper: Float64Array.of(0.3, 1) });
 * // => ≈ Float64Array [0.3, 0.7]
 * ```
 */
export function projectedGradientGuess(problem: SingleEqualityQuadraticProgram, iterations = 200): Float64Array {
  const { Q, c, a, b, lower, upper } = problem;
  const n = lower.length;
  if (Q.length !== n * n || c.length !== n || a.length !== n || upper.length !== n) {
    throw new InputError("SHAPE_MISMATCH", `projectedGradientGuess: Q has ${Q.length} values for n = ${n}, c ${c.length}, a ${a.length}, upper ${upper.length}`, { n });
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(lower[i]!)) throw new InputError("BAD_BOUNDS", `projectedGradientGuess: lower bound ${i} is ${lower[i]}; pass finite lower bounds`, { index: i });
    if (!Number.isFinite(a[i]!) || !Number.isFinite(c[i]!)) {
      throw new InputError("NON_FINITE_VALUE", `projectedGradientGuess: a[${i}] is ${a[i]} and c[${i}] ${c[i]}; pass finite coefficients`, { index: i });
    }
  }
  if (!Number.isFinite(b)) throw new InputError("NON_FINITE_VALUE", `projectedGradientGuess: b is ${b}; pass a finite right-hand side`, { b });
  const scratch = new Int32Array(n);

  // λmax(Q) by power iteration, overestimated by 10 %.
  const u = new Float64Array(n).fill(1 / Math.sqrt(n));
  const w = new Float64Array(n);
  let lambda = 0;
  for (let k = 0; k < POWER_STEPS; k++) {
    symmetricTimesVector(Q, u, w, scratch);
    let norm = 0;
    for (let i = 0; i < n; i++) norm += w[i]! * w[i]!;
    norm = Math.sqrt(norm);
    if (!(norm > 0)) break;
    const settled = Math.abs(norm - lambda) <= 1e-3 * norm;
    lambda = norm;
    for (let i = 0; i < n; i++) u[i] = w[i]! / norm;
    if (settled) break;
  }
  const step = 1 / (1.1 * Math.max(lambda, Number.MIN_VALUE));

  // The gradient at y is Q(y − lower) + (Q·lower + c): y − lower is zero off the support.
  const offset = Float64Array.from(c);
  if (lower.some((l) => l !== 0)) {
    symmetricTimesVector(Q, lower, w, scratch);
    for (let i = 0; i < n; i++) offset[i] = offset[i]! + w[i]!;
  }
  const x = new Float64Array(n);
  let tau = projectOntoHyperplaneBox(new Float64Array(n), a, b, lower, upper, x);
  const y = Float64Array.from(x);
  const gap = new Float64Array(n);
  const g = new Float64Array(n);
  const trial = new Float64Array(n);
  const next = new Float64Array(n);
  const inSupport = new Uint8Array(n);
  let t = 1;
  let stable = 0;
  for (let k = 0; k < iterations; k++) {
    for (let i = 0; i < n; i++) gap[i] = y[i]! - lower[i]!;
    symmetricTimesVector(Q, gap, g, scratch);
    let check = 0;
    for (let i = 0; i < n; i++) {
      const value = y[i]! - step * (g[i]! + offset[i]!);
      trial[i] = value;
      check += value;
    }
    if (!Number.isFinite(check)) break; // a diverging step (a badly estimated λmax): keep the last point
    tau = projectOntoHyperplaneBox(trial, a, b, lower, upper, next, tau);
    const tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
    const momentum = (t - 1) / tNext;
    for (let i = 0; i < n; i++) y[i] = next[i]! + momentum * (next[i]! - x[i]!);
    x.set(next);
    t = tNext;
    // Stop once the variables off their lower bounds have stayed the same for a while.
    let largest = 0;
    for (let i = 0; i < n; i++) largest = Math.max(largest, x[i]! - lower[i]!);
    const threshold = SUPPORT_TOLERANCE * largest;
    let changed = false;
    for (let i = 0; i < n; i++) {
      const now = x[i]! - lower[i]! > threshold ? 1 : 0;
      if (now !== inSupport[i]) {
        inSupport[i] = now;
        changed = true;
      }
    }
    stable = changed ? 0 : stable + 1;
    if (stable >= STABLE_SUPPORT_STEPS && k + 1 >= MIN_STEPS) break;
  }
  return x;
}
