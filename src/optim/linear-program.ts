/**
 * Small linear programs solved synchronously by a dense two-phase simplex method — the diagnosis LPs of the
 * mean–variance optimisers (maximum achievable return, feasibility of a set of constraints, smallest
 * feasible turnover), which must run inside synchronous functions. Large LPs (CVaR over thousands of
 * scenarios) go to HiGHS through `solveLinearProgramWithHighs`, which takes the same {@link LinearProgram}.
 */
import { InputError, NumericalError } from "../core/index";

/**
 * minimise `cᵀx` subject to `rowLower ≤ A·x ≤ rowUpper` and `lower ≤ x ≤ upper`.
 *
 * `A` is dense row-major `m × n`. Infinite bounds (`±Infinity`) mean "no bound"; a row with
 * `rowLower = rowUpper` is an equality.
 */
export interface LinearProgram {
  /** Objective coefficients, length `n`. */
  readonly c: Float64Array;
  /** Lower bounds of the variables, length `n` (`-Infinity` allowed). */
  readonly lower: Float64Array;
  /** Upper bounds of the variables, length `n` (`Infinity` allowed). */
  readonly upper: Float64Array;
  /** Constraint matrix, row-major `m × n` (may be empty). */
  readonly A: Float64Array;
  /** Lower bounds of the rows, length `m` (`-Infinity` allowed). */
  readonly rowLower: Float64Array;
  /** Upper bounds of the rows, length `m` (`Infinity` allowed). */
  readonly rowUpper: Float64Array;
}

/** The outcome of a {@link LinearProgram}: an optimal point, or a proof that none exists. */
export type LinearProgramResult =
  | { readonly status: "optimal"; readonly x: Float64Array; readonly objective: number }
  | { readonly status: "infeasible" }
  | { readonly status: "unbounded" };

/** Pivot, ratio-test and feasibility tolerance of the dense simplex (data are weights of order 1). */
const SIMPLEX_TOLERANCE = 1e-10;
/** Phase-one infeasibility above this (sum of artificial variables, scaled by 1 + ‖b‖∞) means "infeasible". */
const FEASIBILITY_TOLERANCE = 1e-9;
/** After this many pivots without progress, switch from Dantzig's rule to Bland's (no cycling). */
const DEGENERATE_PIVOTS_BEFORE_BLAND = 50;

/**
 * Checks the shapes of a {@link LinearProgram} and returns `[n, m]` (variables, rows).
 *
 * @throws InputError when lengths disagree, a coefficient is not finite or a bound is NaN, naming `caller`.
 *
 * @example
 * ```ts
 * linearProgramShape({ c: Float64Array.of(1, 2), lower: new Float64Array(2), upper: new Float64Array(2),
 *   A: Float64Array.of(1, 1), rowLower: Float64Array.of(0), rowUpper: Float64Array.of(1) }, "f"); // => [2, 1]
 * ```
 */
export function linearProgramShape(lp: LinearProgram, caller: string): [number, number] {
  const n = lp.c.length;
  const m = lp.rowLower.length;
  if (lp.lower.length !== n || lp.upper.length !== n || lp.rowUpper.length !== m || lp.A.length !== m * n) {
    throw new InputError(
      "SHAPE_MISMATCH",
      `${caller}: c has ${n} values, lower ${lp.lower.length}, upper ${lp.upper.length}, rowLower ${m}, rowUpper ${lp.rowUpper.length}, A ${lp.A.length}; pass A as m × n row-major with matching vectors`,
      { n, m },
    );
  }
  for (const [name, values] of [["c", lp.c], ["A", lp.A]] as const) {
    for (let k = 0; k < values.length; k++) {
      if (!Number.isFinite(values[k]!)) {
        throw new InputError("NON_FINITE_VALUE", `${caller}: ${name}[${k}] is ${values[k]}; every coefficient must be finite`, { name, index: k });
      }
    }
  }
  for (const [name, values] of [["lower", lp.lower], ["upper", lp.upper], ["rowLower", lp.rowLower], ["rowUpper", lp.rowUpper]] as const) {
    for (let k = 0; k < values.length; k++) {
      if (Number.isNaN(values[k]!)) {
        throw new InputError("NON_FINITE_VALUE", `${caller}: ${name}[${k}] is NaN; use ±Infinity for a missing bound`, { name, index: k });
      }
    }
  }
  return [n, m];
}

/**
 * Solves a small {@link LinearProgram} exactly with a dense two-phase primal simplex (Dantzig's rule,
 * falling back to Bland's rule after degenerate pivots, so it cannot cycle).
 *
 * Every variable is shifted to a non-negative one (finite upper bounds become rows), every row gets a slack,
 * and phase one minimises the sum of artificial variables. Cost is O(rows × columns) per pivot: meant for
 * diagnosis LPs over a few hundred assets, not for scenario LPs (use `solveLinearProgramWithHighs`).
 *
 * @param lp `{ c, lower, upper, A, rowLower, rowUpper }`; the input is not modified.
 * @returns `{ status: "optimal", x, objective }`, `{ status: "infeasible" }` or `{ status: "unbounded" }`.
 * @throws InputError when shapes disagree or a coefficient is not finite.
 * @throws NumericalError when the pivoting does not terminate (not seen on well-scaled data).
 *
 * @example
 * ```ts
 * // maximise x₀ + 2x₁ (minimise the negative) subject to x₀ + x₁ ≤ 1, 0 ≤ x ≤ 0.7
 * solveLinearProgram({ c: Float64Array.of(-1, -2), lower: Float64Array.of(0, 0), upper: Float64Array.of(0.7, 0.7),
 *   A: Float64Array.of(1, 1), rowLower: Float64Array.of(-Infinity), rowUpper: Float64Array.of(1) });
 * // => { status: "optimal", x: ≈ Float64Array [0.3, 0.7], objective: ≈ -1.7 }
 * ```
 */
export function solveLinearProgram(lp: LinearProgram): LinearProgramResult {
  const caller = "solveLinearProgram";
  const [n, m] = linearProgramShape(lp, caller);
  for (let j = 0; j < n; j++) {
    if (lp.lower[j]! > lp.upper[j]!) return { status: "infeasible" };
  }
  for (let i = 0; i < m; i++) {
    if (lp.rowLower[i]! > lp.rowUpper[i]!) return { status: "infeasible" };
  }

  // ---- variables z ≥ 0:  x_j = shift_j + sign_j·z_a  (− z_b for free variables)
  const shift = new Float64Array(n);
  const positive = new Int32Array(n).fill(-1); // column of z_a
  const negative = new Int32Array(n).fill(-1); // column of z_b (free variables only)
  const signOf = new Float64Array(n);
  let nz = 0;
  for (let j = 0; j < n; j++) {
    const lo = lp.lower[j]!;
    const hi = lp.upper[j]!;
    if (lo > -Infinity) {
      shift[j] = lo;
      signOf[j] = 1;
      positive[j] = nz++;
    } else if (hi < Infinity) {
      shift[j] = hi;
      signOf[j] = -1;
      positive[j] = nz++;
    } else {
      signOf[j] = 1;
      positive[j] = nz++;
      negative[j] = nz++;
    }
  }

  // ---- rows in z:  Σ coef·z  (+ slack·s)  = b
  interface Row {
    coef: Float64Array;
    slack: number; // +1, −1 or 0 (equality)
    b: number;
  }
  const rows: Row[] = [];
  const inZ = (i: number): [Float64Array, number] => {
    const coef = new Float64Array(nz);
    let constant = 0;
    for (let j = 0; j < n; j++) {
      const a = lp.A[i * n + j]!;
      if (a === 0) continue;
      constant += a * shift[j]!;
      coef[positive[j]!] = a * signOf[j]!;
      if (negative[j]! >= 0) coef[negative[j]!] = -a;
    }
    return [coef, constant];
  };
  for (let i = 0; i < m; i++) {
    const lo = lp.rowLower[i]!;
    const hi = lp.rowUpper[i]!;
    if (lo === -Infinity && hi === Infinity) continue;
    const [coef, constant] = inZ(i);
    if (lo === hi) {
      rows.push({ coef, slack: 0, b: hi - constant });
      continue;
    }
    if (hi < Infinity) rows.push({ coef, slack: 1, b: hi - constant });
    if (lo > -Infinity) rows.push({ coef: lo === -Infinity || hi === Infinity ? coef : Float64Array.from(coef), slack: -1, b: lo - constant });
  }
  for (let j = 0; j < n; j++) {
    if (lp.lower[j]! > -Infinity && lp.upper[j]! < Infinity) {
      const coef = new Float64Array(nz);
      coef[positive[j]!] = 1;
      rows.push({ coef, slack: 1, b: lp.upper[j]! - lp.lower[j]! });
    }
  }

  // ---- tableau: columns z (nz) | slacks (one per inequality row) | artificials | rhs
  const nRows = rows.length;
  let nSlack = 0;
  for (const row of rows) if (row.slack !== 0) nSlack++;
  const artificialOf = new Int32Array(nRows).fill(-1);
  let nArt = 0;
  for (let r = 0; r < nRows; r++) {
    const row = rows[r]!;
    const slackSign = row.b < 0 ? -row.slack : row.slack;
    if (slackSign !== 1) artificialOf[r] = nArt++;
  }
  const nCols = nz + nSlack + nArt;
  const width = nCols + 1;
  const T = new Float64Array(nRows * width);
  const basis = new Int32Array(nRows);
  let slackColumn = nz;
  let bNorm = 0;
  for (let r = 0; r < nRows; r++) {
    const row = rows[r]!;
    const flip = row.b < 0 ? -1 : 1;
    const base = r * width;
    for (let k = 0; k < nz; k++) T[base + k] = flip * row.coef[k]!;
    let slackCol = -1;
    if (row.slack !== 0) {
      slackCol = slackColumn++;
      T[base + slackCol] = flip * row.slack;
    }
    T[base + nCols] = flip * row.b;
    bNorm = Math.max(bNorm, Math.abs(row.b));
    if (artificialOf[r]! >= 0) {
      const a = nz + nSlack + artificialOf[r]!;
      T[base + a] = 1;
      basis[r] = a;
    } else {
      basis[r] = slackCol;
    }
  }
  const firstArtificial = nz + nSlack;
  const active = new Uint8Array(nRows).fill(1);

  const pivot = (pr: number, pc: number) => {
    const pBase = pr * width;
    const inv = 1 / T[pBase + pc]!;
    for (let k = 0; k < width; k++) T[pBase + k] = T[pBase + k]! * inv;
    T[pBase + pc] = 1;
    for (let r = 0; r < nRows; r++) {
      if (r === pr) continue;
      const base = r * width;
      const factor = T[base + pc]!;
      if (factor === 0) continue;
      for (let k = 0; k < width; k++) {
        const v = T[pBase + k]!;
        if (v !== 0) T[base + k] = T[base + k]! - factor * v;
      }
      T[base + pc] = 0;
    }
    basis[pr] = pc;
  };

  /** Runs the simplex on cost `cost` (length nCols) over the columns `< allowed`. */
  const run = (cost: Float64Array, allowed: number): "optimal" | "unbounded" => {
    const maxPivots = 50 * (nRows + nCols) + 1000;
    let degenerate = 0;
    const reduced = new Float64Array(nCols);
    for (let iteration = 0; iteration < maxPivots; iteration++) {
      // Reduced costs r = cost − c_Bᵀ T.
      reduced.set(cost);
      for (let r = 0; r < nRows; r++) {
        if (!active[r]) continue;
        const cb = cost[basis[r]!]!;
        if (cb === 0) continue;
        const base = r * width;
        for (let k = 0; k < nCols; k++) {
          const v = T[base + k]!;
          if (v !== 0) reduced[k] = reduced[k]! - cb * v;
        }
      }
      const bland = degenerate >= DEGENERATE_PIVOTS_BEFORE_BLAND;
      let entering = -1;
      let best = -SIMPLEX_TOLERANCE;
      for (let k = 0; k < allowed; k++) {
        if (reduced[k]! < best) {
          entering = k;
          if (bland) break;
          best = reduced[k]!;
        }
      }
      if (entering < 0) return "optimal";
      let leaving = -1;
      let ratio = Infinity;
      for (let r = 0; r < nRows; r++) {
        if (!active[r]) continue;
        const a = T[r * width + entering]!;
        if (a <= SIMPLEX_TOLERANCE) continue;
        const q = Math.max(0, T[r * width + nCols]!) / a;
        if (q < ratio - 1e-14 || (Math.abs(q - ratio) <= 1e-14 && leaving >= 0 && basis[r]! < basis[leaving]!)) {
          ratio = q;
          leaving = r;
        }
      }
      if (leaving < 0) return "unbounded";
      degenerate = ratio <= 1e-14 ? degenerate + 1 : 0;
      pivot(leaving, entering);
    }
    throw new NumericalError("SIMPLEX_NO_TERMINATION", `${caller}: the simplex method did not terminate after ${maxPivots} pivots; the LP is probably badly scaled`, {
      rows: nRows,
      columns: nCols,
    });
  };

  // ---- phase one
  if (nArt > 0) {
    const cost = new Float64Array(nCols);
    for (let k = firstArtificial; k < nCols; k++) cost[k] = 1;
    run(cost, nCols);
    let infeasibility = 0;
    for (let r = 0; r < nRows; r++) if (basis[r]! >= firstArtificial) infeasibility += T[r * width + nCols]!;
    if (infeasibility > FEASIBILITY_TOLERANCE * (1 + bNorm)) return { status: "infeasible" };
    // Drive artificial variables (at zero) out of the basis; a row where none can leave is redundant.
    for (let r = 0; r < nRows; r++) {
      if (basis[r]! < firstArtificial) continue;
      let column = -1;
      let size = SIMPLEX_TOLERANCE;
      for (let k = 0; k < firstArtificial; k++) {
        const v = Math.abs(T[r * width + k]!);
        if (v > size) {
          size = v;
          column = k;
        }
      }
      if (column >= 0) pivot(r, column);
      else active[r] = 0;
    }
  }

  // ---- phase two: the original costs on z
  const cost = new Float64Array(nCols);
  for (let j = 0; j < n; j++) {
    const cj = lp.c[j]!;
    cost[positive[j]!] = cj * signOf[j]!;
    if (negative[j]! >= 0) cost[negative[j]!] = -cj;
  }
  if (run(cost, firstArtificial) === "unbounded") return { status: "unbounded" };

  const z = new Float64Array(nCols);
  for (let r = 0; r < nRows; r++) if (active[r]) z[basis[r]!] = Math.max(0, T[r * width + nCols]!);
  const x = new Float64Array(n);
  let objective = 0;
  for (let j = 0; j < n; j++) {
    let value = shift[j]! + signOf[j]! * z[positive[j]!]!;
    if (negative[j]! >= 0) value -= z[negative[j]!]!;
    value = Math.min(lp.upper[j]!, Math.max(lp.lower[j]!, value));
    x[j] = value;
    objective += lp.c[j]! * value;
  }
  return { status: "optimal", x, objective };
}
