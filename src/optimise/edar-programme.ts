/**
 * The entropic drawdown at risk (EDaR) as a smooth convex programme for the interior-point solver: the drawdowns
 * become variables held up by linear rows (Riskfolio-Lib's `U`), and EDaR's infimum over z joins the minimisation.
 */
import { NumericalError } from "../core/index";
import { choleskySolve, tryCholesky } from "../linalg/index";
import type { InteriorPointProblem } from "../optim/index";

/** Dense linear rows `A·w ≤ b` (or `= b`) over the weight block, `A` row-major `rows × nWeights`. */
export interface DenseRows {
  readonly A: Float64Array;
  readonly b: Float64Array;
}

/** What an {@link edarProgramme} minimises, and over what. */
export interface EdarProgrammeSpec {
  /** Scenario returns, row-major `T × n`, in date order (scaled to order 1 by the caller). */
  readonly R: Float64Array;
  readonly n: number;
  readonly T: number;
  /** Confidence β in (0, 1). */
  readonly beta: number;
  /** Variables of the weight block (the n weights, then any auxiliary variables of the constraints). Default n. */
  readonly nWeights?: number;
  /** Inequalities `A·w ≤ b` over the weight block. */
  readonly rows: DenseRows;
  /** Equalities `A·w = b` over the weight block. */
  readonly equalities: DenseRows;
  /** κ > 0 multiplying the EDaR term. Default 1. */
  readonly scale?: number;
  /** With budgets b (length n, positive), the objective gains `−Σ bᵢ log wᵢ` (risk budgeting). */
  readonly logBudgets?: Float64Array;
}

/**
 * The function inside EDaR's infimum, `G(d, z) = z·log(mean(exp(dₜ / z)) / (1 − β))` (drawdowns `d`, positive losses),
 * without overflow: its value, the softmax `p` of `d / z` (∂G/∂d), ∂G/∂z `= log(mean(exp(d / z)) / (1 − β)) − Σ pₜdₜ / z`
 * (computed from `d − max d`, so that no large terms cancel when z is small), and the p-weighted mean drawdown `d̄`.
 *
 * @example
 * ```ts
 * entropicTerm(Float64Array.of(0, 0.1, 0.3), 0.1, 0.95).value; // ≥ the EDaR of the path, equal at the best z
 * ```
 */
export function entropicTerm(d: ArrayLike<number>, z: number, beta: number): { readonly value: number; readonly p: Float64Array; readonly dz: number; readonly mean: number } {
  const T = d.length;
  let top = -Infinity;
  for (let t = 0; t < T; t++) top = Math.max(top, d[t]!);
  const p = new Float64Array(T);
  let total = 0;
  for (let t = 0; t < T; t++) total += p[t] = Math.exp((d[t]! - top) / z);
  let below = 0; // Σ pₜ(top − dₜ)/z ≥ 0
  let mean = 0;
  for (let t = 0; t < T; t++) {
    p[t] = p[t]! / total;
    below += (p[t]! * (top - d[t]!)) / z;
    mean += p[t]! * d[t]!;
  }
  const logRest = Math.log(total) - Math.log((1 - beta) * T); // log(mean(exp((d − top)/z)) / (1 − β))
  return { value: top + z * logRest, p, dz: logRest + below, mean };
}

/**
 * Minimum EDaR as an {@link InteriorPointProblem} over `x = [w (nWeights), d (T), z]` (Riskfolio-Lib's formulation
 * with its `U` as the drawdowns d): minimise `κ·G(d, z)` (− Σ bᵢ log wᵢ with log budgets) subject to
 * `dₜ ≥ dₜ₋₁ − rₜᵀw` (d₀ = 0: the start a peak), `dₜ ≥ 0`, `z ≥ 1e-6` and the spec's rows and equalities. G is increasing
 * in every dₜ, so at the optimum d is the uncompounded drawdown path of w and `G(d, z)` its EDaR. The floor on z keeps G
 * smooth and its Hessian bounded where EDaR's infimum is its limit z → 0 (the worst drawdown: when T·(1 − β) ≤ 1, or
 * when a portfolio never draws down); only there can it matter, by at most 1e-6·|log(T·(1 − β))| in the drawdowns'
 * units (the caller scales them to order 1); on such problems the weights match the maximum-drawdown LP's to 1e-12.
 *
 * Each Newton system, `T + nWeights + 1` unknowns, is solved in O(T·n²): the Hessian is tridiagonal in d (the rows'
 * barrier terms and the softmax's diagonal), minus a rank-one term of G (carried as one extra unknown), bordered by
 * the weights and z; d is eliminated by a tridiagonal LDLᵀ, leaving a dense Schur complement of `nWeights + 2` unknowns,
 * then the equalities by their own Schur complement.
 *
 * @example
 * ```ts
 * const problem = edarProgramme({ R, n, T, beta: 0.95, rows, equalities });
 * solveInteriorPoint(problem, x0).x.subarray(0, n); // the weights
 * ```
 */
export function edarProgramme(spec: EdarProgrammeSpec): InteriorPointProblem {
  const { R, n, T, beta, rows, equalities } = spec;
  const V = spec.nWeights ?? n;
  const kappa = spec.scale ?? 1;
  const budgets = spec.logBudgets;
  const mw = rows.b.length;
  const me = equalities.b.length;
  const N = V + T + 1;
  const iz = V + T;
  const m = 2 * T + 1 + mw;
  const h = new Float64Array(m);
  h[2 * T] = -EDAR_Z_FLOOR; // z ≥ the floor
  h.set(rows.b, 2 * T + 1);

  /** rₜᵀw for every t. */
  const scenarioValues = (x: Float64Array) => {
    const y = new Float64Array(T);
    for (let t = 0; t < T; t++) {
      let sum = 0;
      for (let j = 0; j < n; j++) sum += R[t * n + j]! * x[j]!;
      y[t] = sum;
    }
    return y;
  };

  const problem: InteriorPointProblem = {
    nVariables: N,
    h,
    e: Float64Array.from(equalities.b),
    value(x) {
      const z = x[iz]!;
      if (!(z > 0)) return Infinity;
      let value = kappa * entropicTerm(x.subarray(V, V + T), z, beta).value;
      if (budgets !== undefined) {
        for (let j = 0; j < n; j++) {
          if (!(x[j]! > 0)) return Infinity;
          value -= budgets[j]! * Math.log(x[j]!);
        }
      }
      return value;
    },
    gradient(x) {
      const z = x[iz]!;
      const term = entropicTerm(x.subarray(V, V + T), z, beta);
      const g = new Float64Array(N);
      for (let t = 0; t < T; t++) g[V + t] = kappa * term.p[t]!;
      g[iz] = kappa * term.dz;
      if (budgets !== undefined) for (let j = 0; j < n; j++) g[j] = -budgets[j]! / x[j]!;
      return g;
    },
    inequalityProduct(x) {
      const out = new Float64Array(m);
      const y = scenarioValues(x);
      for (let t = 0; t < T; t++) {
        out[t] = -y[t]! - x[V + t]! + (t > 0 ? x[V + t - 1]! : 0); // dₜ₋₁ − rₜᵀw − dₜ ≤ 0
        out[T + t] = -x[V + t]!; // −dₜ ≤ 0
      }
      out[2 * T] = -x[iz]!;
      for (let k = 0; k < mw; k++) {
        let sum = 0;
        for (let j = 0; j < V; j++) sum += rows.A[k * V + j]! * x[j]!;
        out[2 * T + 1 + k] = sum;
      }
      return out;
    },
    inequalityTransposeProduct(lambda) {
      const out = new Float64Array(N);
      for (let t = 0; t < T; t++) {
        const l = lambda[t]!;
        for (let j = 0; j < n; j++) out[j] = out[j]! - l * R[t * n + j]!;
        out[V + t] = out[V + t]! - l - lambda[T + t]!;
        if (t > 0) out[V + t - 1] = out[V + t - 1]! + l;
      }
      out[iz] = -lambda[2 * T]!;
      for (let k = 0; k < mw; k++) {
        const l = lambda[2 * T + 1 + k]!;
        for (let j = 0; j < V; j++) out[j] = out[j]! + l * rows.A[k * V + j]!;
      }
      return out;
    },
    equalityProduct(x) {
      return Float64Array.from({ length: me }, (_, k) => {
        let sum = 0;
        for (let j = 0; j < V; j++) sum += equalities.A[k * V + j]! * x[j]!;
        return sum;
      });
    },
    equalityTransposeProduct(nu) {
      const out = new Float64Array(N);
      for (let k = 0; k < me; k++) for (let j = 0; j < V; j++) out[j] = out[j]! + nu[k]! * equalities.A[k * V + j]!;
      return out;
    },
    newtonSystem(x, D) {
      return edarNewtonSystem(x, D);
    },
  };
  return problem;

  /**
   * The Newton system's solver. G's Hessian is `(κ/z)·Jᵀ(diag(p) − ppᵀ)J` with `J = [I, −(d − d̄)/z]` (centred: the
   * middle matrix annihilates constants, and centring keeps the z entries free of cancelling terms of order (d/z)²), so
   * its rank-one part is `−(κ/z)·ppᵀ` on the drawdowns alone. With `σ = (κ/z)·pᵀdd` as an extra unknown, the unknowns
   * are `y = (dw, dz, σ)` and dd, and the matrix `[A_yy, Vᵀ; V, K]` is symmetric positive definite, K tridiagonal.
   */
  function edarNewtonSystem(x: Float64Array, D: Float64Array) {
    const z = x[iz]!;
    const term = entropicTerm(x.subarray(V, V + T), z, beta);
    const { p } = term;
    // K: the drawdown rows' and dₜ ≥ 0 rows' barrier terms, plus G's diagonal κ·p/z; factorised as LDLᵀ.
    const diag = new Float64Array(T);
    const off = new Float64Array(T); // off[t] = K[t][t − 1]
    for (let t = 0; t < T; t++) {
      diag[t] = D[t]! + (t + 1 < T ? D[t + 1]! : 0) + D[T + t]! + (kappa * p[t]!) / z;
      if (t > 0) off[t] = -D[t]!;
    }
    const pivots = new Float64Array(T);
    const lower = new Float64Array(T);
    for (let t = 0; t < T; t++) {
      lower[t] = t > 0 ? off[t]! / pivots[t - 1]! : 0;
      pivots[t] = diag[t]! - (t > 0 ? lower[t]! * off[t]! : 0);
    }
    const solveK = (v: Float64Array, at: number) => {
      for (let t = 1; t < T; t++) v[at + t] = v[at + t]! - lower[t]! * v[at + t - 1]!;
      for (let t = 0; t < T; t++) v[at + t] = v[at + t]! / pivots[t]!;
      for (let t = T - 2; t >= 0; t--) v[at + t] = v[at + t]! - lower[t + 1]! * v[at + t + 1]!;
    };
    // The border V (T × (n + 2), by column): the weights' columns, z's column, σ's column; X = K⁻¹V.
    const nc = n + 2;
    const border = new Float64Array(nc * T);
    for (let t = 0; t < T; t++) {
      const next = t + 1 < T ? D[t + 1]! : 0;
      for (let j = 0; j < n; j++) border[j * T + t] = D[t]! * R[t * n + j]! - (next === 0 ? 0 : next * R[(t + 1) * n + j]!);
      border[n * T + t] = (-kappa * p[t]! * (x[V + t]! - term.mean)) / (z * z);
      border[(n + 1) * T + t] = -p[t]!;
    }
    const X = Float64Array.from(border);
    for (let c = 0; c < nc; c++) solveK(X, c * T);
    // S = A_yy − VᵀX over y = (w (V), z, σ).
    const Y = V + 2;
    const S = new Float64Array(Y * Y);
    for (let t = 0; t < T; t++) {
      const dt = D[t]!;
      if (dt === 0) continue;
      for (let i = 0; i < n; i++) {
        const ri = dt * R[t * n + i]!;
        for (let j = 0; j <= i; j++) S[i * Y + j] = S[i * Y + j]! + ri * R[t * n + j]!;
      }
    }
    for (let k = 0; k < mw; k++) {
      const dk = D[2 * T + 1 + k]!;
      for (let i = 0; i < V; i++) {
        const ai = dk * rows.A[k * V + i]!;
        if (ai === 0) continue;
        for (let j = 0; j <= i; j++) S[i * Y + j] = S[i * Y + j]! + ai * rows.A[k * V + j]!;
      }
    }
    if (budgets !== undefined) for (let j = 0; j < n; j++) S[j * Y + j] = S[j * Y + j]! + budgets[j]! / (x[j]! * x[j]!);
    let zz = 0;
    for (let t = 0; t < T; t++) zz += p[t]! * ((x[V + t]! - term.mean) / z) ** 2;
    const yz = V;
    const ys = V + 1;
    S[yz * Y + yz] = (kappa * zz) / z + D[2 * T]!;
    S[ys * Y + ys] = z / kappa;
    const index = (c: number) => (c < n ? c : c === n ? yz : ys); // border column → y position
    for (let a = 0; a < nc; a++) {
      for (let b = 0; b <= a; b++) {
        let sum = 0;
        for (let t = 0; t < T; t++) sum += border[a * T + t]! * X[b * T + t]!;
        const i = Math.max(index(a), index(b));
        const j = Math.min(index(a), index(b));
        S[i * Y + j] = S[i * Y + j]! - sum;
      }
    }
    for (let i = 0; i < Y; i++) for (let j = 0; j < i; j++) S[j * Y + i] = S[i * Y + j]!;
    const L = factorWithRidge(S, Y);
    // The equalities' Schur complement M = E·S⁻¹·Eᵀ (E over the weights: zero on z and σ).
    const SinvEt = Array.from({ length: me }, (_, k) => {
      const col = new Float64Array(Y);
      col.set(equalities.A.subarray(k * V, (k + 1) * V));
      return choleskySolve(L, col, Y);
    });
    const M = new Float64Array(me * me);
    for (let a = 0; a < me; a++) for (let b = 0; b < me; b++) M[a * me + b] = dotRow(equalities.A, a, V, SinvEt[b]!);
    const LM = me > 0 ? factorWithRidge(M, me) : new Float64Array(0);

    const solveOnce = (rx: Float64Array, re: Float64Array) => {
      const Kd = new Float64Array(T);
      Kd.set(rx.subarray(V, V + T));
      solveK(Kd, 0);
      const ry = new Float64Array(Y);
      ry.set(rx.subarray(0, V));
      ry[yz] = rx[iz]!;
      for (let c = 0; c < nc; c++) {
        let sum = 0;
        for (let t = 0; t < T; t++) sum += border[c * T + t]! * Kd[t]!;
        ry[index(c)] = ry[index(c)]! - sum;
      }
      const Sry = choleskySolve(L, ry, Y);
      let dnu: Float64Array = new Float64Array(me);
      if (me > 0) {
        const rhs = Float64Array.from({ length: me }, (_, k) => dotRow(equalities.A, k, V, Sry) - re[k]!);
        dnu = choleskySolve(LM, rhs, me);
      }
      const y = Float64Array.from(Sry);
      for (let k = 0; k < me; k++) for (let i = 0; i < Y; i++) y[i] = y[i]! - dnu[k]! * SinvEt[k]![i]!;
      const dx = new Float64Array(N);
      dx.set(y.subarray(0, V));
      dx[iz] = y[yz]!;
      for (let t = 0; t < T; t++) {
        let sum = Kd[t]!;
        for (let c = 0; c < nc; c++) sum -= X[c * T + t]! * y[index(c)]!;
        dx[V + t] = sum;
      }
      return { dx, dnu };
    };
    // The Newton matrix times (dx, dν), for iterative refinement: the Schur complements lose digits to cancellation
    // when the barrier weights D span many orders of magnitude (late iterations).
    const multiply = (dx: Float64Array, dnu: Float64Array) => {
      const CdX = problem.inequalityProduct(dx);
      for (let i = 0; i < m; i++) CdX[i] = CdX[i]! * D[i]!;
      const top = problem.inequalityTransposeProduct(CdX);
      const back = problem.equalityTransposeProduct(dnu);
      const v = new Float64Array(T);
      let pv = 0;
      for (let t = 0; t < T; t++) {
        v[t] = dx[V + t]! - ((x[V + t]! - term.mean) / z) * dx[iz]!;
        pv += p[t]! * v[t]!;
      }
      let zPart = 0;
      for (let t = 0; t < T; t++) {
        const Mv = (kappa / z) * p[t]! * (v[t]! - pv);
        top[V + t] = top[V + t]! + Mv;
        zPart -= ((x[V + t]! - term.mean) / z) * Mv;
      }
      top[iz] = top[iz]! + zPart;
      if (budgets !== undefined) for (let j = 0; j < n; j++) top[j] = top[j]! + (budgets[j]! / (x[j]! * x[j]!)) * dx[j]!;
      for (let j = 0; j < N; j++) top[j] = top[j]! + back[j]!;
      return { top, bottom: problem.equalityProduct(dx) };
    };
    return (rx: Float64Array, re: Float64Array) => {
      const first = solveOnce(rx, re);
      const { dx, dnu } = first;
      for (let round = 0; round < REFINEMENTS; round++) {
        const { top, bottom } = multiply(dx, dnu);
        const fix = solveOnce(Float64Array.from(rx, (r, j) => r - top[j]!), Float64Array.from(re, (r, k) => r - bottom[k]!));
        for (let j = 0; j < N; j++) dx[j] = dx[j]! + fix.dx[j]!;
        for (let k = 0; k < me; k++) dnu[k] = dnu[k]! + fix.dnu[k]!;
      }
      return { dx, dnu };
    };
  }
}

/** The least z of {@link edarProgramme}, in the drawdowns' units (of order 1). */
export const EDAR_Z_FLOOR = 1e-6;

/** Rounds of iterative refinement of each Newton solve. */
const REFINEMENTS = 1;

function dotRow(A: Float64Array, row: number, V: number, v: Float64Array): number {
  let sum = 0;
  for (let j = 0; j < V; j++) sum += A[row * V + j]! * v[j]!;
  return sum;
}

/** Cholesky of a matrix positive definite in exact arithmetic; a growing ridge when round-off makes a pivot ≤ 0. */
function factorWithRidge(S: Float64Array, Y: number): Float64Array {
  let top = 0;
  for (let i = 0; i < Y; i++) top = Math.max(top, Math.abs(S[i * Y + i]!));
  for (let ridge = 0; ridge <= 1e-4; ridge = ridge === 0 ? 1e-14 : ridge * 100) {
    const A = Float64Array.from(S);
    for (let i = 0; i < Y; i++) A[i * Y + i] = A[i * Y + i]! + ridge * Math.max(top, 1e-300);
    const L = tryCholesky(A, Y);
    if (L !== null) return L;
  }
  throw new NumericalError("NOT_POSITIVE_DEFINITE", "edarProgramme: a Newton system is not positive definite; rescale the returns or relax the constraints", {});
}
