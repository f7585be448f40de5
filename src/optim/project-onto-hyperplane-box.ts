/**
 * Euclidean projection onto the intersection of a hyperplane and a box, `{x : aᵀx = b, lower ≤ x ≤ upper}` —
 * the feasible set of a budget (or max-Sharpe) constraint with per-variable bounds.
 */
import { InputError } from "../core/index";

/** Largest number of evaluations of `aᵀclip(v − τa)` (a guard; a warm-started projection takes 1–5). */
const MAX_EVALUATIONS = 200;

/**
 * Projects `v` onto `{x : aᵀx = b, lower ≤ x ≤ upper}` exactly (up to round-off): the projection is
 * `x(τ) = clip(v − τa, lower, upper)` for the multiplier `τ` where the non-increasing, piecewise-linear function
 * `s(τ) = aᵀx(τ)` equals `b`. `τ` is found by safeguarded Newton steps on `s` — each step solves the linear piece
 * at the current `τ` exactly, so the search ends as soon as it lands on the right piece — inside a shrinking
 * bracket (bisection when a step leaves it; on a flat piece, a step from the next breakpoint). Started from the
 * previous `τ` of an iterative method, it takes 1–5 passes over the `n` values instead of the ~50 of bisection.
 *
 * When the set is empty (`b` beyond the range of `s`), `out` is the point of the box whose `aᵀx` is closest
 * to `b` (every variable at the bound that pushes `aᵀx` towards `b`).
 *
 * @param v the point to project, length `n`.
 * @param a the hyperplane's normal, length `n` (e.g. all ones for a budget).
 * @param b the hyperplane's offset.
 * @param lower lower bounds, length `n` (`-Infinity` allowed).
 * @param upper upper bounds, length `n`, each ≥ its lower bound (`Infinity` allowed).
 * @param out receives the projection, length `n` (may be `v` itself).
 * @param tauGuess starting multiplier, e.g. the previous call's result. Default 0.
 * @returns the multiplier `τ` (finite; feed it back as `tauGuess` for a nearby `v`).
 * @throws InputError when lengths disagree or `v`, `a`, `b` or `tauGuess` is not finite.
 *
 * @example
 * ```ts
 * const out = new Float64Array(3);
 * projectOntoHyperplaneBox(Float64Array.of(0.5, 0.2, -0.4), Float64Array.of(1, 1, 1), 1,
 *   new Float64Array(3), Float64Array.of(0.6, 1, 1), out); // => ≈ -0.2 (τ)
 * out; // => ≈ Float64Array [0.6, 0.4, 0]   (v + 0.2, clipped: x₀ at its cap, x₂ at 0)
 * ```
 */
export function projectOntoHyperplaneBox(
  v: Float64Array,
  a: Float64Array,
  b: number,
  lower: Float64Array,
  upper: Float64Array,
  out: Float64Array,
  tauGuess = 0,
): number {
  const n = v.length;
  if (a.length !== n || lower.length !== n || upper.length !== n || out.length !== n) {
    throw new InputError(
      "SHAPE_MISMATCH",
      `projectOntoHyperplaneBox: v has ${n} values, a ${a.length}, lower ${lower.length}, upper ${upper.length}, out ${out.length}; pass vectors of one length`,
      { n },
    );
  }
  if (!Number.isFinite(b) || !Number.isFinite(tauGuess)) {
    throw new InputError("NON_FINITE_VALUE", `projectOntoHyperplaneBox: b is ${b} and tauGuess ${tauGuess}; pass finite numbers`, { b, tauGuess });
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(v[i]!) || !Number.isFinite(a[i]!)) {
      throw new InputError("NON_FINITE_VALUE", `projectOntoHyperplaneBox: v[${i}] is ${v[i]} and a[${i}] ${a[i]}; pass finite values`, { index: i });
    }
  }

  // Bracket [lo, hi] with s(lo) ≥ b ≥ s(hi), grown from ±Infinity as evaluations come in.
  let lo = -Infinity;
  let hi = Infinity;
  let tau = tauGuess;
  for (let evaluation = 0; evaluation < MAX_EVALUATIONS; evaluation++) {
    // s(τ) and its one-sided slopes −Σ aᵢ² over the variables that move when τ rises (`curvatureUp`) or falls
    // (`curvatureDown`): a variable strictly between its bounds moves both ways, one sitting exactly on a bound
    // only the way that takes it inside.
    let s = 0;
    let scale = Math.abs(b);
    let curvatureUp = 0;
    let curvatureDown = 0;
    for (let i = 0; i < n; i++) {
      const ai = a[i]!;
      const t = v[i]! - tau * ai;
      const lo_i = lower[i]!;
      const hi_i = upper[i]!;
      let xi: number;
      if (t < lo_i) xi = lo_i;
      else if (t > hi_i) xi = hi_i;
      else {
        xi = t;
        const squared = ai * ai;
        if (t > lo_i && t < hi_i) {
          curvatureUp += squared;
          curvatureDown += squared;
        } else if (lo_i < hi_i) {
          // On a bound: xᵢ = vᵢ − τaᵢ rises as τ falls when aᵢ > 0.
          if ((t === lo_i) === ai > 0) curvatureDown += squared;
          else curvatureUp += squared;
        }
      }
      const term = ai * xi;
      s += term;
      scale += Math.abs(term);
    }
    const residual = s - b;
    if (Math.abs(residual) <= 4 * Number.EPSILON * scale) break;
    // s too large: τ must rise; too small: τ must fall.
    const up = residual > 0;
    if (up) lo = tau;
    else hi = tau;
    // Newton's step solves the linear piece on that side of τ. On a flat piece (every variable at a bound) it
    // starts from the next breakpoint, on the piece where the variables that reach it become free — computed from
    // the breakpoint rather than by evaluating there, where round-off may still leave them clipped.
    const curvature = up ? curvatureUp : curvatureDown;
    let next: number;
    if (curvature > 0) {
      const step = residual / curvature;
      if (Math.abs(step) <= Number.EPSILON * Math.abs(tau)) break; // a step below round-off: converged
      next = tau + step;
    } else {
      const breakpoint = nextBreakpoint(v, a, lower, upper, tau, up);
      if (breakpoint.entering === 0) break; // b is beyond the range of s: every variable already at its bound
      next = breakpoint.tau + residual / breakpoint.entering;
    }
    if (!(next > lo && next < hi)) {
      // The step left the bracket (s is not convex): bisect.
      if (!(Number.isFinite(lo) && Number.isFinite(hi))) break;
      next = 0.5 * (lo + hi);
      if (!(next > lo && next < hi)) break; // the bracket has shrunk to neighbouring numbers
    }
    tau = next;
  }
  for (let i = 0; i < n; i++) out[i] = Math.min(upper[i]!, Math.max(lower[i]!, v[i]! - tau * a[i]!));
  return tau;
}

/**
 * On a flat piece of `s` (every variable at a bound), the nearest `τ` above (`up`) or below the given one where a
 * variable `xᵢ = clip(vᵢ − τaᵢ)` leaves its bound, and `Σ aᵢ²` over the variables that leave there (0 if none does).
 */
function nextBreakpoint(v: Float64Array, a: Float64Array, lower: Float64Array, upper: Float64Array, tau: number, up: boolean): { tau: number; entering: number } {
  let best = up ? Infinity : -Infinity;
  let entering = 0;
  for (let i = 0; i < v.length; i++) {
    const ai = a[i]!;
    if (ai === 0 || !(lower[i]! < upper[i]!)) continue;
    // From a bound, xᵢ leaves at the nearer of its two breakpoints in the direction of travel.
    const p = (v[i]! - lower[i]!) / ai;
    const q = (v[i]! - upper[i]!) / ai;
    const point = up ? Math.min(p > tau ? p : Infinity, q > tau ? q : Infinity) : Math.max(p < tau ? p : -Infinity, q < tau ? q : -Infinity);
    if (!Number.isFinite(point)) continue;
    if (point === best) entering += ai * ai;
    else if (up ? point < best : point > best) {
      best = point;
      entering = ai * ai;
    }
  }
  return { tau: best, entering };
}
