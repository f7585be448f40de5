import { describe, expect, it } from "vitest";
import { InputError, NumericalError } from "../../../src/core/errors";
import { cholesky, tryCholesky } from "../../../src/allocation/linear-algebra/cholesky";
import { randomCovariance, seededRandom } from "../helpers/random";

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
