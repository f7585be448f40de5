import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import type { LabelledMatrix } from "../../../src/core/frame";
import { fixNonpositiveSemidefinite } from "../../../src/moments/risk-models/fix-nonpositive-semidefinite";
import { symmetricEigen } from "../../../src/linalg/symmetric-eigen";
import { flat, labelledMatrix, maxRelativeError, readExpected } from "../../optimise/helpers/fixtures";
import { randomCovariance, randomSymmetric, seededRandom } from "../../optimise/helpers/random";

const m = (labels: string[], values: number[]): LabelledMatrix => ({ labels, values: Float64Array.from(values) });

describe("fixNonpositiveSemidefinite", () => {
  it("clips the negative eigenvalue of [[1, 2], [2, 1]] (eigenvalues 3, −1) to get 1.5·𝟙𝟙ᵀ (hand-computed)", () => {
    const fixed = fixNonpositiveSemidefinite(m(["A", "B"], [1, 2, 2, 1]));
    expect(fixed.repaired).toBe(true);
    expect(fixed.minEigenvalue).toBeCloseTo(-1, 14);
    expect(fixed.labels).toEqual(["A", "B"]);
    for (const x of fixed.values) expect(x).toBeCloseTo(1.5, 14);
  });

  it("repairs a known indefinite 3 × 3 correlation-like matrix (ρ = 0.8, 0.7, −0.7) into a semidefinite one", () => {
    const input = m(["A", "B", "C"], [1, 0.8, 0.7, 0.8, 1, -0.7, 0.7, -0.7, 1]);
    const fixed = fixNonpositiveSemidefinite(input);
    expect(fixed.repaired).toBe(true);
    expect(fixed.minEigenvalue!).toBeLessThan(0);
    const before = symmetricEigen(input.values, 3).values;
    const after = symmetricEigen(fixed.values, 3).values;
    expect(after[0]).toBeCloseTo(0, 14); // the negative eigenvalue is now 0 …
    expect(after[1]).toBeCloseTo(before[1]!, 13); // … the others unchanged
    expect(after[2]).toBeCloseTo(before[2]!, 13);
  });

  it("matches numpy's V·diag(max(q, 0))·Vᵀ on the indefinite fixture to 1e-10", () => {
    const expected = readExpected();
    const fixed = fixNonpositiveSemidefinite(labelledMatrix(expected.indefinite.tickers, expected.indefinite.rawCovariance));
    expect(fixed.repaired).toBe(true);
    expect(fixed.minEigenvalue!).toBeCloseTo(expected.indefinite.rawMinEigenvalue, 12);
    expect(maxRelativeError(fixed.values, flat(expected.indefinite.covariance))).toBeLessThan(1e-10);
  });

  it("returns a positive-definite matrix unchanged (a copy) with repaired = false", () => {
    const input = m(["A", "B"], [0.04, 0.01, 0.01, 0.09]);
    const fixed = fixNonpositiveSemidefinite(input);
    expect(fixed.repaired).toBe(false);
    expect(fixed.minEigenvalue).toBeNull();
    expect(fixed.values).toEqual(input.values);
    expect(fixed.values).not.toBe(input.values);
  });

  it("leaves every random indefinite matrix semidefinite and exactly symmetric", () => {
    const random = seededRandom(17);
    for (const n of [3, 10, 40]) {
      const a = randomSymmetric(n, random);
      const fixed = fixNonpositiveSemidefinite({ labels: Array.from({ length: n }, (_, i) => `T${i}`), values: a });
      expect(fixed.repaired).toBe(true);
      expect(symmetricEigen(fixed.values, n).values[0]!).toBeGreaterThan(-1e-12);
      for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) expect(fixed.values[i * n + j]).toBe(fixed.values[j * n + i]);
    }
    const pd = randomCovariance(30, random);
    expect(fixNonpositiveSemidefinite({ labels: Array.from({ length: 30 }, (_, i) => `T${i}`), values: pd }).repaired).toBe(false);
  });

  it("does not modify its input", () => {
    const input = m(["A", "B"], [1, 2, 2, 1]);
    fixNonpositiveSemidefinite(input);
    expect(Array.from(input.values)).toEqual([1, 2, 2, 1]);
  });

  it("throws InputError for NaN, asymmetric or non-square input", () => {
    expect(() => fixNonpositiveSemidefinite(m(["A", "B"], [1, NaN, NaN, 1]))).toThrow(/covariance\(A, B\) is NaN/);
    expect(() => fixNonpositiveSemidefinite(m(["A", "B"], [1, 0.5, 0.4, 1]))).toThrow(/not symmetric/);
    expect(() => fixNonpositiveSemidefinite(m(["A", "B"], [1, 0, 0]))).toThrow(InputError);
  });
});
