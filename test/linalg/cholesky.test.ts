import { describe, expect, it } from "vitest";
import { InputError, NumericalError } from "../../src/core/errors";
import { cholesky, tryCholesky } from "../../src/linalg/cholesky";
import { randomCovariance, randomSymmetric, seededRandom } from "../optimise/helpers/random";

/** The plain left-looking loop (one entry at a time), the reference for the blocked factorisation. */
function plainCholesky(a: Float64Array, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let diagonal = a[j * n + j]!;
    for (let k = 0; k < j; k++) diagonal -= l[j * n + k]! * l[j * n + k]!;
    if (!(diagonal > 0)) return null;
    const pivot = Math.sqrt(diagonal);
    l[j * n + j] = pivot;
    for (let i = j + 1; i < n; i++) {
      let sum = a[i * n + j]!;
      for (let k = 0; k < j; k++) sum -= l[i * n + k]! * l[j * n + k]!;
      l[i * n + j] = sum / pivot;
    }
  }
  return l;
}

describe("cholesky / tryCholesky", () => {
  it("factorises [[4, 2], [2, 10]] as [[2, 0], [1, 3]] (known answer)", () => {
    expect(Array.from(cholesky(Float64Array.of(4, 2, 2, 10), 2))).toEqual([2, 0, 1, 3]);
  });

  it("factorises the textbook 3 × 3 [[4,12,−16],[12,37,−43],[−16,−43,98]] as [[2,0,0],[6,1,0],[−8,5,3]]", () => {
    const l = cholesky(Float64Array.of(4, 12, -16, 12, 37, -43, -16, -43, 98), 3);
    expect(Array.from(l)).toEqual([2, 0, 0, 6, 1, 0, -8, 5, 3]);
  });

  it("reconstructs a random 60 × 60 covariance as L·Lᵀ", () => {
    const n = 60;
    const a = randomCovariance(n, seededRandom(11));
    const l = cholesky(a, n);
    let worst = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += l[i * n + k]! * l[j * n + k]!;
        worst = Math.max(worst, Math.abs(s - a[i * n + j]!));
      }
    }
    expect(worst).toBeLessThan(1e-14);
  });

  it("is bit for bit the plain loop, and fails exactly when it does, for every size 1…41", () => {
    const random = seededRandom(17);
    for (let n = 1; n <= 41; n++) {
      const a = randomCovariance(n, random);
      expect(Array.from(tryCholesky(a, n)!)).toEqual(Array.from(plainCholesky(a, n)!));
      // Indefinite: a random symmetric matrix (mostly), and the covariance with one pivot pushed below 0.
      const b = randomSymmetric(n, random);
      expect(tryCholesky(b, n) === null).toBe(plainCholesky(b, n) === null);
      const c = Float64Array.from(a);
      const k = Math.floor(random() * n);
      c[k * n + k] = -c[k * n + k]!;
      expect(tryCholesky(c, n)).toBeNull();
      expect(plainCholesky(c, n)).toBeNull();
    }
  });

  it("returns null for indefinite, singular or NaN matrices (LAPACK dpotrf's test)", () => {
    expect(tryCholesky(Float64Array.of(1, 2, 2, 1), 2)).toBeNull();
    expect(tryCholesky(Float64Array.of(1, 1, 1, 1), 2)).toBeNull(); // semidefinite, pivot exactly 0
    expect(tryCholesky(Float64Array.of(NaN, 0, 0, 1), 2)).toBeNull();
    expect(tryCholesky(Float64Array.of(-1), 1)).toBeNull();
  });

  it("cholesky throws NumericalError when not positive definite, InputError on a bad shape", () => {
    expect(() => cholesky(Float64Array.of(1, 2, 2, 1), 2)).toThrow(NumericalError);
    expect(() => cholesky(Float64Array.of(1, 2, 2), 2)).toThrow(InputError);
  });

  it("does not modify its input", () => {
    const a = Float64Array.of(4, 2, 2, 10);
    cholesky(a, 2);
    expect(Array.from(a)).toEqual([4, 2, 2, 10]);
  });
});
