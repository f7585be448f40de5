import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { symmetricEigen } from "../../src/linalg/symmetric-eigen";
import { randomSymmetric, seededRandom } from "../optimise/helpers/random";

/** max |A − V·diag(λ)·Vᵀ| and max |VᵀV − I|. */
function residuals(a: Float64Array, n: number, values: Float64Array, vectors: Float64Array) {
  let reconstruction = 0;
  let orthogonality = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      let o = 0;
      for (let k = 0; k < n; k++) {
        s += vectors[i * n + k]! * values[k]! * vectors[j * n + k]!;
        o += vectors[k * n + i]! * vectors[k * n + j]!;
      }
      reconstruction = Math.max(reconstruction, Math.abs(s - a[i * n + j]!));
      orthogonality = Math.max(orthogonality, Math.abs(o - (i === j ? 1 : 0)));
    }
  }
  return { reconstruction, orthogonality };
}

describe("symmetricEigen", () => {
  it("diagonalises [[2, 1], [1, 2]] (known answer: eigenvalues 1 and 3, eigenvectors (∓1, 1)/√2)", () => {
    const { values, vectors } = symmetricEigen(Float64Array.of(2, 1, 1, 2), 2);
    expect(values[0]).toBeCloseTo(1, 14);
    expect(values[1]).toBeCloseTo(3, 14);
    expect(Math.abs(vectors[0]!)).toBeCloseTo(Math.SQRT1_2, 14);
    expect(vectors[0]! * vectors[2]!).toBeCloseTo(-0.5, 14); // first column ∝ (1, −1)
    expect(vectors[1]! * vectors[3]!).toBeCloseTo(0.5, 14); // second column ∝ (1, 1)
  });

  it("returns a diagonal matrix's diagonal in ascending order", () => {
    const { values } = symmetricEigen(Float64Array.of(5, 0, 0, 0, -2, 0, 0, 0, 3), 3);
    expect(Array.from(values)).toEqual([-2, 3, 5]);
  });

  it("handles the known 3 × 3 tridiagonal [[2,−1,0],[−1,2,−1],[0,−1,2]] (eigenvalues 2 − √2, 2, 2 + √2)", () => {
    const { values } = symmetricEigen(Float64Array.of(2, -1, 0, -1, 2, -1, 0, -1, 2), 3);
    expect(values[0]).toBeCloseTo(2 - Math.SQRT2, 14);
    expect(values[1]).toBeCloseTo(2, 14);
    expect(values[2]).toBeCloseTo(2 + Math.SQRT2, 14);
  });

  it("handles repeated and zero eigenvalues (rank-one matrix 𝟙𝟙ᵀ, the zero matrix)", () => {
    const n = 4;
    const ones = new Float64Array(n * n).fill(1);
    const r1 = symmetricEigen(ones, n);
    expect(Array.from(r1.values.slice(0, 3)).every((x) => Math.abs(x) < 1e-14)).toBe(true);
    expect(r1.values[3]).toBeCloseTo(4, 14);
    expect(residuals(ones, n, r1.values, r1.vectors).reconstruction).toBeLessThan(1e-14);
    const zero = symmetricEigen(new Float64Array(9), 3);
    expect(Array.from(zero.values)).toEqual([0, 0, 0]);
    expect(residuals(new Float64Array(9), 3, zero.values, zero.vectors).orthogonality).toBeLessThan(1e-15);
  });

  it("handles n = 0 and n = 1", () => {
    expect(symmetricEigen(new Float64Array(0), 0).values.length).toBe(0);
    const one = symmetricEigen(Float64Array.of(-7), 1);
    expect(Array.from(one.values)).toEqual([-7]);
    expect(Array.from(one.vectors)).toEqual([1]);
  });

  it.each([2, 3, 5, 10, 50, 120, 200])("reconstructs A = VΛVᵀ to 1e-10 on a random symmetric %i × %i matrix", (n) => {
    const a = randomSymmetric(n, seededRandom(1000 + n));
    const { values, vectors } = symmetricEigen(a, n);
    const { reconstruction, orthogonality } = residuals(a, n, values, vectors);
    expect(reconstruction).toBeLessThan(1e-10);
    expect(orthogonality).toBeLessThan(1e-10);
    for (let k = 1; k < n; k++) expect(values[k]!).toBeGreaterThanOrEqual(values[k - 1]!);
    let trace = 0;
    for (let i = 0; i < n; i++) trace += a[i * n + i]!;
    expect(values.reduce((s, x) => s + x, 0)).toBeCloseTo(trace, 10);
  });

  it("reads only the lower triangle, as numpy eigh(UPLO='L')", () => {
    const n = 6;
    const a = randomSymmetric(n, seededRandom(3));
    const garbled = Float64Array.from(a);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) garbled[i * n + j] = 99;
    expect(Array.from(symmetricEigen(garbled, n).values)).toEqual(Array.from(symmetricEigen(a, n).values));
  });

  it("copes with badly scaled matrices (entries from 1e-8 to 1e4)", () => {
    const n = 5;
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) a[i * n + i] = 10 ** (4 - 3 * i);
    a[1] = a[n] = 1e-3;
    const { values, vectors } = symmetricEigen(a, n);
    expect(residuals(a, n, values, vectors).reconstruction).toBeLessThan(1e-10);
  });

  it("does not modify its input", () => {
    const a = randomSymmetric(8, seededRandom(5));
    const before = Float64Array.from(a);
    symmetricEigen(a, 8);
    expect(a).toEqual(before);
  });

  it("throws InputError for a wrong length, a bad dimension or a non-finite entry", () => {
    expect(() => symmetricEigen(new Float64Array(5), 2)).toThrow(InputError);
    expect(() => symmetricEigen(new Float64Array(4), 1.5)).toThrow(InputError);
    expect(() => symmetricEigen(Float64Array.of(1, 0, NaN, 1), 2)).toThrow(/entry \(1, 0\) is NaN/);
    expect(() => symmetricEigen(Float64Array.of(Infinity), 1)).toThrow(InputError);
  });
});
