/**
 * Linear programs solved with HiGHS (the `highs` package: HiGHS compiled to WebAssembly), and its loader, which
 * `highs-quadratic-program.ts` and the integer allocation share. Loading the WebAssembly runtime is asynchronous, so these functions return promises;
 * solving itself is synchronous once loaded.
 */
import highsLoader, { type Highs } from "highs";
import { InputError, NumericalError } from "../core/index";
import { linearProgramShape, type LinearProgram, type LinearProgramResult } from "./linear-program";

/** Constraint rows in compressed sparse row form: row `i` holds `indices/values[starts[i] … starts[i+1])`. */
export interface SparseRows {
  readonly starts: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float64Array;
}

/** A {@link LinearProgram} whose matrix is sparse (`rows`, CSR) instead of dense — for scenario LPs. */
export interface SparseLinearProgram {
  readonly c: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly rows: SparseRows;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
}

/**
 * HiGHS's algorithm for an LP: `"simplex"` (its default, dual simplex) or `"interior-point"` (HiGHS's IPX with
 * crossover to a vertex). The interior point wins on large LPs with many more rows than columns, such as the
 * ordered-weighted-average programmes' `T²` rows (about 2× on 252 days: min Gini mean difference).
 */
export type LinearProgramAlgorithm = "simplex" | "interior-point";

/** Options of {@link solveLinearProgramWithHighs}. */
export interface HighsOptions {
  /** The algorithm (default `"simplex"`). */
  readonly algorithm?: LinearProgramAlgorithm;
}

let loading: Promise<Highs> | undefined;

/**
 * Loads the HiGHS WebAssembly runtime once and returns it (later calls reuse the same instance).
 *
 * @returns the loaded runtime.
 * @throws NumericalError when the WebAssembly module cannot be loaded (the message carries the cause).
 *
 * @example
 * ```ts
 * const highs = await loadHighs();
 * highs.version.string; // => "1.15.3" (or similar)
 * ```
 */
export function loadHighs(): Promise<Highs> {
  loading ??= highsLoader().catch((error: unknown) => {
    loading = undefined;
    throw new NumericalError("HIGHS_LOAD_FAILED", `loadHighs: could not load the HiGHS WebAssembly runtime (${String(error)}); check that node_modules/highs/build/highs.wasm exists`, {}, { cause: error });
  });
  return loading;
}

/**
 * Solves a {@link LinearProgram} (`min cᵀx` s.t. `rowLower ≤ Ax ≤ rowUpper`, `lower ≤ x ≤ upper`) with HiGHS
 * (its default: dual simplex). A dense `A` is passed to HiGHS as a sparse row-wise matrix (zeros dropped); pass
 * a {@link SparseLinearProgram} to skip the dense matrix altogether.
 *
 * @param lp the problem, dense or sparse; not modified.
 * @param options the algorithm (default HiGHS's dual simplex; `"interior-point"` for large LPs with many rows).
 * @returns a promise of `{ status: "optimal", x, objective }`, `{ status: "infeasible" }` or `{ status: "unbounded" }`.
 * @throws InputError when shapes disagree or a coefficient is not finite.
 * @throws NumericalError when HiGHS stops for another reason (time or iteration limit, numerical trouble).
 *
 * @example
 * ```ts
 * await solveLinearProgramWithHighs({ c: Float64Array.of(-1, -2), lower: Float64Array.of(0, 0),
 *   upper: Float64Array.of(0.7, 0.7), A: Float64Array.of(1, 1), rowLower: Float64Array.of(-Infinity),
 *   rowUpper: Float64Array.of(1) });
 * // => { status: "optimal", x: ≈ Float64Array [0.3, 0.7], objective: ≈ -1.7 }
 * ```
 */
export async function solveLinearProgramWithHighs(lp: LinearProgram | SparseLinearProgram, options: HighsOptions = {}): Promise<LinearProgramResult> {
  const session = await openLinearProgram(lp, options);
  try {
    return session.solve();
  } finally {
    session.dispose();
  }
}

/**
 * An LP kept open in HiGHS, to which rows can be added and which can be solved again from the last basis (dual
 * simplex's warm start): cutting-plane methods add a few rows per round to a large LP.
 */
export interface LinearProgramSession {
  /** Rows in the model now. */
  readonly rowCount: number;
  /**
   * Appends rows `rowLower ≤ A·x ≤ rowUpper` (`rows` in CSR over the model's columns).
   *
   * @throws InputError when the shapes disagree or an index is not a column.
   */
  addRows(rows: SparseRows, rowLower: Float64Array, rowUpper: Float64Array): void;
  /** Solves the current LP, from the last basis when there is one; `objective` is `cᵀx`. */
  solve(): LinearProgramResult;
  /** Frees the model (HiGHS's WebAssembly memory); the session cannot be used after. */
  dispose(): void;
}

/**
 * Opens an LP in HiGHS for repeated solves with rows added in between (see {@link LinearProgramSession}).
 *
 * @param lp the first LP, dense or sparse; not modified.
 * @param options the algorithm (`"interior-point"` runs crossover, so later solves still start from a basis).
 * @example
 * ```ts
 * const session = await openLinearProgram(lp);
 * session.solve();                                          // the LP
 * session.addRows(cutRows, cutLower, cutUpper);
 * session.solve();                                          // the LP with the cuts, from the last basis
 * session.dispose();
 * ```
 * @throws InputError when shapes disagree, a coefficient is not finite or the algorithm is unknown.
 */
export async function openLinearProgram(lp: LinearProgram | SparseLinearProgram, options: HighsOptions = {}): Promise<LinearProgramSession> {
  const caller = "solveLinearProgramWithHighs";
  const { n, m, rows } = "rows" in lp ? checkSparse(lp, caller) : { ...dims(linearProgramShape(lp, caller)), rows: toSparse(lp) };
  const algorithm = options.algorithm ?? "simplex";
  if (algorithm !== "simplex" && algorithm !== "interior-point") {
    throw new InputError("UNKNOWN_ALGORITHM", `${caller}: unknown algorithm ${String(algorithm)}; choose "simplex" or "interior-point"`, { algorithm });
  }
  const highs = await loadHighs();
  const clampInfinity = (values: Float64Array) => withHighsInfinity(highs, values);
  const model = highsModel(highs, { ...lp, rows }, caller, { options: algorithm === "interior-point" ? { solver: "ipm", run_crossover: "on" } : {} });
  const status = highs.constants.modelStatus;
  let rowCount = m;
  const run = (): number => {
    try {
      return model.run().modelStatus;
    } catch (error) {
      throw new NumericalError("HIGHS_FAILED", `${caller}: HiGHS failed: ${String(error)}`, {}, { cause: error });
    }
  };
  return {
    get rowCount() {
      return rowCount;
    },
    addRows(added: SparseRows, rowLower: Float64Array, rowUpper: Float64Array): void {
      const k = rowLower.length;
      checkSparse({ c: new Float64Array(n), lower: new Float64Array(n), upper: new Float64Array(n), rows: added, rowLower, rowUpper }, `${caller} (added rows)`);
      if (k === 0) return;
      model.addRows({ lower: clampInfinity(rowLower), upper: clampInfinity(rowUpper), matrix: { format: "csr", numRows: k, numCols: n, starts: added.starts, indices: added.indices, values: added.values } });
      rowCount += k;
    },
    solve(): LinearProgramResult {
      const modelStatus = run();
      if (modelStatus === status.optimal) {
        const x = Float64Array.from(model.getSolution().colValue);
        let objective = 0;
        for (let j = 0; j < n; j++) objective += lp.c[j]! * x[j]!;
        return { status: "optimal", x, objective };
      }
      if (modelStatus === status.infeasible) return { status: "infeasible" };
      if (modelStatus === status.unbounded || modelStatus === status.unboundedOrInfeasible) {
        // HiGHS may not separate the two without a phase one: solve again without the objective to decide.
        if (modelStatus === status.unboundedOrInfeasible) {
          model.changeColsCost({ kind: "range", from: 0, to: n - 1 }, new Float64Array(n));
          const feasibility = run();
          model.changeColsCost({ kind: "range", from: 0, to: n - 1 }, lp.c);
          if (feasibility === status.infeasible) return { status: "infeasible" };
        }
        return { status: "unbounded" };
      }
      throw new NumericalError("HIGHS_FAILED", `${caller}: HiGHS stopped with model status ${modelStatus}; the LP may be badly scaled`, { modelStatus });
    },
    dispose(): void {
      model.dispose();
    },
  };
}

/** `values` with ±Infinity as HiGHS's ±infinity (its bounds' "none"). */
export function withHighsInfinity(highs: Highs, values: Float64Array): Float64Array {
  return Float64Array.from(values, (v) => (v === Infinity ? highs.infinity : v === -Infinity ? -highs.infinity : v));
}

/**
 * A programme's model in HiGHS, shared by the LP and QP solvers of this folder: rows as CSR, infinite bounds as
 * HiGHS's, the feasibility tolerances every solve here uses (1e-10), the caller's other options, and a Hessian (its
 * lower triangle by column) for a QP.
 *
 * @throws NumericalError HIGHS_FAILED when HiGHS refuses the model.
 * @example
 * ```ts
 * const model = highsModel(await loadHighs(), lp, "solveLinearProgramWithHighs");
 * ```
 */
export function highsModel(
  highs: Highs,
  lp: SparseLinearProgram,
  caller: string,
  extra: { readonly hessian?: { readonly starts: Int32Array; readonly indices: Int32Array; readonly values: Float64Array }; readonly options?: Readonly<Record<string, string | number | boolean>> } = {},
): ReturnType<Highs["createModel"]> {
  const n = lp.c.length;
  const m = lp.rowLower.length;
  let model: ReturnType<Highs["createModel"]>;
  try {
    model = highs.createModel({
      numCols: n,
      numRows: m,
      colCost: lp.c,
      colLower: withHighsInfinity(highs, lp.lower),
      colUpper: withHighsInfinity(highs, lp.upper),
      rowLower: withHighsInfinity(highs, lp.rowLower),
      rowUpper: withHighsInfinity(highs, lp.rowUpper),
      matrix: { format: "csr", numRows: m, numCols: n, starts: lp.rows.starts, indices: lp.rows.indices, values: lp.rows.values },
      ...(extra.hessian === undefined || extra.hessian.indices.length === 0 ? {} : { hessian: { format: "triangular", dimension: n, ...extra.hessian } }),
    });
  } catch (error) {
    throw new NumericalError("HIGHS_FAILED", `${caller}: HiGHS refused the model: ${String(error)}`, {}, { cause: error });
  }
  model.options.set({ output_flag: false, primal_feasibility_tolerance: 1e-10, dual_feasibility_tolerance: 1e-10, ...extra.options });
  return model;
}

function dims([n, m]: [number, number]): { n: number; m: number } {
  return { n, m };
}

function toSparse(lp: LinearProgram): SparseRows {
  const n = lp.c.length;
  const m = lp.rowLower.length;
  const starts = new Int32Array(m + 1);
  const indices: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const a = lp.A[i * n + j]!;
      if (a !== 0) {
        indices.push(j);
        values.push(a);
      }
    }
    starts[i + 1] = indices.length;
  }
  return { starts, indices: Int32Array.from(indices), values: Float64Array.from(values) };
}

function checkSparse(lp: SparseLinearProgram, caller: string): { n: number; m: number; rows: SparseRows } {
  const n = lp.c.length;
  const m = lp.rowLower.length;
  const { starts, indices, values } = lp.rows;
  const ok =
    lp.lower.length === n &&
    lp.upper.length === n &&
    lp.rowUpper.length === m &&
    starts.length === m + 1 &&
    starts[0] === 0 &&
    starts[m] === indices.length &&
    indices.length === values.length;
  if (!ok) {
    throw new InputError("SHAPE_MISMATCH", `${caller}: the sparse rows do not match ${m} rows × ${n} columns; starts needs m + 1 offsets ending at the number of entries`, {
      n,
      m,
    });
  }
  for (let k = 0; k < indices.length; k++) {
    if (!(indices[k]! >= 0 && indices[k]! < n) || !Number.isFinite(values[k]!)) {
      throw new InputError("BAD_SPARSE_ENTRY", `${caller}: sparse entry ${k} has column ${indices[k]} and value ${values[k]}; columns must be in 0…${n - 1} and values finite`, {
        index: k,
      });
    }
  }
  for (let j = 0; j < n; j++) {
    if (!Number.isFinite(lp.c[j]!)) throw new InputError("NON_FINITE_VALUE", `${caller}: c[${j}] is ${lp.c[j]}; every coefficient must be finite`, { index: j });
  }
  return { n, m, rows: lp.rows };
}
