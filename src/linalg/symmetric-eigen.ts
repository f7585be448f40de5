/**
 * Eigendecomposition of a real symmetric matrix: Householder reduction to tridiagonal form
 * followed by the implicit QL algorithm (the EISPACK `tred2` / `tql2` pair, as in JAMA).
 * O(n³) time and O(n²) memory; handles n in the thousands.
 */
import { InputError, NumericalError } from "../core/index";

/**
 * Eigenvalues and eigenvectors of a symmetric matrix `A = V·diag(values)·Vᵀ`.
 */
export interface SymmetricEigen {
  /** Eigenvalues in ascending order (as numpy's `eigh`), length `n`. */
  readonly values: Float64Array;
  /**
   * Orthonormal eigenvectors, row-major `n × n`: column `k` (entries `vectors[i * n + k]`)
   * is the eigenvector of `values[k]`. The sign of each eigenvector is arbitrary.
   */
  readonly vectors: Float64Array;
}

/** Iterations allowed per eigenvalue before the QL sweep is declared non-convergent. */
const MAX_QL_ITERATIONS = 100;

/**
 * Eigendecomposition of a real symmetric `n × n` matrix (row-major).
 *
 * Only the lower triangle (`i >= j`) is read, as numpy's `eigh(a, UPLO="L")`; the input is not modified.
 * Eigenvalues are returned in ascending order with orthonormal eigenvectors as columns.
 *
 * @param a row-major `n × n` values; the lower triangle must be finite.
 * @param n the dimension.
 * @returns `{ values, vectors }` with `A = V·diag(values)·Vᵀ` to rounding error (≈ 1e-15·‖A‖).
 * @throws InputError when `a.length !== n * n`, `n` is not a non-negative integer, or the lower triangle holds NaN/±Infinity.
 * @throws NumericalError when the QL iteration does not converge (not seen on finite input).
 *
 * @example
 * ```ts
 * const { values, vectors } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
 * values;  // => Float64Array [1, 3]
 * vectors; // => ≈ [-0.7071, 0.7071, 0.7071, 0.7071] (columns [-1, 1]/√2 and [1, 1]/√2, up to sign)
 * ```
 */
export function symmetricEigen(a: Float64Array, n: number): SymmetricEigen {
  if (!Number.isInteger(n) || n < 0) {
    throw new InputError("BAD_DIMENSION", `symmetricEigen: dimension ${n} is not a non-negative integer; pass the matrix size`, { n });
  }
  if (a.length !== n * n) {
    throw new InputError(
      "NOT_SQUARE",
      `symmetricEigen: matrix has ${a.length} values but n = ${n} needs ${n * n}; pass a row-major n × n matrix`,
      { length: a.length, n },
    );
  }
  // Working storage is column-major: v[j * n + k] holds V[k][j], so the inner loops of
  // tred2/tql2 (which run down columns) touch contiguous memory.
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const x = a[i * n + j]!;
      if (!Number.isFinite(x)) {
        throw new InputError(
          "NON_FINITE_VALUE",
          `symmetricEigen: entry (${i}, ${j}) is ${x}; the matrix must be finite`,
          { row: i, column: j, value: x },
        );
      }
      v[j * n + i] = x; // V[i][j]
      v[i * n + j] = x; // V[j][i]
    }
  }
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  if (n === 0) return { values: d, vectors: new Float64Array(0) };
  tridiagonalise(v, d, e, n);
  diagonaliseTridiagonal(v, d, e, n);

  // Sort ascending and write row-major output (column k = eigenvector k).
  const order = Array.from({ length: n }, (_, k) => k).sort((p, q) => d[p]! - d[q]! || p - q);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const src = order[k]!;
    values[k] = d[src]!;
    const base = src * n;
    for (let i = 0; i < n; i++) vectors[i * n + k] = v[base + i]!;
  }
  return { values, vectors };
}

/** sqrt(x² + y²) without destructive overflow or underflow. */
function hypot(x: number, y: number): number {
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  if (ax > ay) {
    const r = ay / ax;
    return ax * Math.sqrt(1 + r * r);
  }
  if (ay !== 0) {
    const r = ax / ay;
    return ay * Math.sqrt(1 + r * r);
  }
  return 0;
}

/**
 * Householder reduction to tridiagonal form (EISPACK tred2). On entry `v` holds A (column-major);
 * on exit it holds the orthogonal transformation, `d` the diagonal and `e` the sub-diagonal (e[0] = 0).
 * Index helper: V[row][col] = v[col * n + row].
 */
function tridiagonalise(v: Float64Array, d: Float64Array, e: Float64Array, n: number): void {
  for (let j = 0; j < n; j++) d[j] = v[j * n + (n - 1)]!;

  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k]!);
    if (scale === 0) {
      e[i] = d[i - 1]!;
      for (let j = 0; j < i; j++) {
        d[j] = v[j * n + (i - 1)]!;
        v[j * n + i] = 0; // V[i][j]
        v[i * n + j] = 0; // V[j][i]
      }
    } else {
      for (let k = 0; k < i; k++) {
        d[k] = d[k]! / scale;
        h += d[k]! * d[k]!;
      }
      let f = d[i - 1]!;
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;

      for (let j = 0; j < i; j++) {
        const colJ = j * n;
        f = d[j]!;
        v[i * n + j] = f; // V[j][i]
        g = e[j]! + v[colJ + j]! * f;
        for (let k = j + 1; k <= i - 1; k++) {
          const vkj = v[colJ + k]!;
          g += vkj * d[k]!;
          e[k] = e[k]! + vkj * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j] = e[j]! / h;
        f += e[j]! * d[j]!;
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j] = e[j]! - hh * d[j]!;
      for (let j = 0; j < i; j++) {
        const colJ = j * n;
        f = d[j]!;
        g = e[j]!;
        for (let k = j; k <= i - 1; k++) v[colJ + k] = v[colJ + k]! - (f * e[k]! + g * d[k]!);
        d[j] = v[colJ + (i - 1)]!;
        v[colJ + i] = 0; // V[i][j]
      }
    }
    d[i] = h;
  }

  // Accumulate the transformations.
  for (let i = 0; i < n - 1; i++) {
    const colI = i * n;
    const colI1 = (i + 1) * n;
    v[colI + (n - 1)] = v[colI + i]!; // V[n-1][i] = V[i][i]
    v[colI + i] = 1;
    const h = d[i + 1]!;
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = v[colI1 + k]! / h;
      for (let j = 0; j <= i; j++) {
        const colJ = j * n;
        let g = 0;
        for (let k = 0; k <= i; k++) g += v[colI1 + k]! * v[colJ + k]!;
        for (let k = 0; k <= i; k++) v[colJ + k] = v[colJ + k]! - g * d[k]!;
      }
    }
    for (let k = 0; k <= i; k++) v[colI1 + k] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = v[j * n + (n - 1)]!;
    v[j * n + (n - 1)] = 0;
  }
  v[(n - 1) * n + (n - 1)] = 1;
  e[0] = 0;
}

/**
 * Implicit QL iteration on the symmetric tridiagonal matrix (EISPACK tql2), accumulating the
 * rotations into `v` (column-major, so each rotation streams down two contiguous columns; rows would
 * chain every rotation through one register and run at latency, about twice as slow).
 * On exit `d` holds the (unsorted) eigenvalues and column j of V the matching eigenvector.
 */
function diagonaliseTridiagonal(v: Float64Array, d: Float64Array, e: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) e[i - 1] = e[i]!;
  e[n - 1] = 0;

  let f = 0;
  let tst1 = 0;
  const eps = Number.EPSILON;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]!) + Math.abs(e[l]!));
    let m = l;
    while (m < n) {
      if (Math.abs(e[m]!) <= eps * tst1) break;
      m++;
    }
    // e[n-1] is 0, so the loop always stops at m <= n-1.
    if (m > l) {
      let iteration = 0;
      do {
        iteration++;
        if (iteration > MAX_QL_ITERATIONS) {
          throw new NumericalError(
            "NO_CONVERGENCE",
            `symmetricEigen: QL iteration did not converge for eigenvalue ${l} after ${MAX_QL_ITERATIONS} sweeps; check the matrix for extreme scaling`,
            { index: l },
          );
        }
        // Compute implicit shift.
        let g = d[l]!;
        let p = (d[l + 1]! - g) / (2 * e[l]!);
        let r = hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l]! / (p + r);
        d[l + 1] = e[l]! * (p + r);
        const dl1 = d[l + 1]!;
        let h = g - d[l]!;
        for (let i = l + 2; i < n; i++) d[i] = d[i]! - h;
        f += h;

        // Implicit QL transformation.
        p = d[m]!;
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1]!;
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i]!;
          h = c * p;
          r = hypot(p, e[i]!);
          e[i + 1] = s * r;
          s = e[i]! / r;
          c = p / r;
          p = c * d[i]! - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]!);
          // Accumulate the rotation into columns i and i+1 of V.
          const colI = i * n;
          const colI1 = colI + n;
          for (let k = 0; k < n; k++) {
            const vk1 = v[colI1 + k]!;
            const vk = v[colI + k]!;
            v[colI1 + k] = s * vk + c * vk1;
            v[colI + k] = c * vk - s * vk1;
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]!) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]!) > eps * tst1);
    }
    d[l] = d[l]! + f;
    e[l] = 0;
  }
}
