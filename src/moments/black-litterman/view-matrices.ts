/**
 * Views in matrix form (`P`, `Q`), as PyPortfolioOpt's `BlackLittermanModel` holds them, and their checks.
 */
import { InputError } from "../../core/index";

/**
 * K views on N assets: view k says "the portfolio `P[k]` will return `Q[k]`".
 *
 * @example
 * ```ts
 * // "ACME will return 10 %" and "CRUX will beat BOLT by 2 %" on [ACME, BOLT, CRUX]
 * const views: ViewMatrices = { P: [[1, 0, 0], [0, -1, 1]], Q: [0.1, 0.02], names: ["ACME", "CRUX − BOLT"] };
 * ```
 */
export interface ViewMatrices {
  /** Picking matrix, `K × N`: row k holds view k's portfolio weights, in the order of the covariance labels. */
  readonly P: readonly (readonly number[])[];
  /** The views' returns, length `K` (fractions per year when the covariance is annual). */
  readonly Q: readonly number[];
  /** A short name per view, used in error messages (e.g. `"ACME"`, `"CRUX − BOLT"`). Optional. */
  readonly names?: readonly string[];
}

/** Validated views in row-major arrays (see {@link checkViewMatrices}). */
export interface CheckedViews {
  /** Number of views K. */
  readonly k: number;
  /** `P`, row-major `K × N`. */
  readonly p: Float64Array;
  /** `Q`, length `K`. */
  readonly q: Float64Array;
  /** A name per view for messages: the given name, or `"view k"` (1-based). */
  readonly names: readonly string[];
}

/**
 * Checks a picking matrix and its views and copies them row-major.
 *
 * @param P `K × N` picking matrix (rows of weights in the order of the covariance labels).
 * @param Q the `K` view returns.
 * @param n number of assets N.
 * @param caller the public function name used to prefix error messages.
 * @param names optional view names for messages.
 * @returns `{ k, p, q, names }`.
 * @throws InputError P_Q_MISMATCH when P has a different number of rows than Q has views, BAD_PICKING_ROW when a row
 *   does not have N entries or is all zero, NON_FINITE_VIEW when an entry of P or Q is not finite; each names the view.
 *
 * @example
 * ```ts
 * checkViewMatrices([[1, 0]], [0.1, 0.2], 2, "blackLitterman");
 * // => throws InputError P_Q_MISMATCH "blackLitterman: P has 1 row but Q has 2 views; …"
 * ```
 */
export function checkViewMatrices(
  P: ReadonlyArray<ArrayLike<number>>,
  Q: ArrayLike<number>,
  n: number,
  caller: string,
  names?: readonly string[],
): CheckedViews {
  const k = Q.length;
  if (P.length !== k) {
    throw new InputError(
      "P_Q_MISMATCH",
      `${caller}: P has ${P.length} row${P.length === 1 ? "" : "s"} but Q has ${k} view${k === 1 ? "" : "s"}; pass one row of P (N = ${n} weights) per view in Q`,
      { pRows: P.length, qLength: k },
    );
  }
  const viewNames = Array.from({ length: k }, (_, i) => names?.[i] ?? `view ${i + 1}`);
  const p = new Float64Array(k * n);
  const q = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const row = P[i]!;
    if (row.length !== n) {
      throw new InputError(
        "BAD_PICKING_ROW",
        `${caller}: row ${i + 1} of P (${viewNames[i]}) has ${row.length} entries but there are ${n} assets; give one weight per asset, in the covariance's order`,
        { view: i + 1, length: row.length, n },
      );
    }
    let any = false;
    for (let j = 0; j < n; j++) {
      const x = row[j]!;
      if (!Number.isFinite(x)) {
        throw new InputError("NON_FINITE_VIEW", `${caller}: P[${i + 1}][${j + 1}] (${viewNames[i]}) is ${x}; every weight must be finite`, {
          view: i + 1,
          asset: j + 1,
          value: x,
        });
      }
      if (x !== 0) any = true;
      p[i * n + j] = x;
    }
    if (!any) {
      throw new InputError(
        "BAD_PICKING_ROW",
        `${caller}: row ${i + 1} of P (${viewNames[i]}) is all zero, so the view is about no asset; drop it or give it weights`,
        { view: i + 1 },
      );
    }
    const value = Q[i]!;
    if (!Number.isFinite(value)) {
      throw new InputError("NON_FINITE_VIEW", `${caller}: Q[${i + 1}] (${viewNames[i]}) is ${value}; every view return must be finite`, {
        view: i + 1,
        value,
      });
    }
    q[i] = value;
  }
  return { k, p, q, names: viewNames };
}
