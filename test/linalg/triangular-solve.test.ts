import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { cholesky } from "../../src/linalg/cholesky";
import { choleskySolve, forwardSubstitution, transposedBackSubstitution } from "../../src/linalg/triangular-solve";
import { randomCovariance, seededRandom } from "../optimise/helpers/random";

describe("forwardSubstitution / transposedBackSubstitution", () => {
  it("solve L·z = b and Lᵀ·x = z for L = [[2, 0], [1, 3]] (known answers)", () => {
    const l = Float64Array.of(2, 0, 1, 3);
    expect(Array.from(forwardSubstitution(l, Float64Array.of(4, 5), 2))).toEqual([2, 1]);
    const x = transposedBackSubstitution(l, Float64Array.of(2, 1), 2);
    expect(x[1]).toBeCloseTo(1 / 3, 15);
    expect(x[0]).toBeCloseTo((2 - 1 / 3) / 2, 15);
  });

  it("ignore the upper triangle", () => {
    const l = Float64Array.of(2, 99, 1, 3);
    expect(Array.from(forwardSubstitution(l, Float64Array.of(4, 5), 2))).toEqual([2, 1]);
  });

  it("throw when the lengths do not match n", () => {
    expect(() => forwardSubstitution(Float64Array.of(1, 0, 0, 1), Float64Array.of(1), 2)).toThrow(InputError);
    expect(() => transposedBackSubstitution(Float64Array.of(1, 0, 0), Float64Array.of(1, 1), 2)).toThrowError(/n × n factor/);
  });
});

describe("choleskySolve", () => {
  it("solves [[4, 2], [2, 3]]·x = [2, 1] as [0.5, 0] (the TSDoc example)", () => {
    expect(Array.from(choleskySolve(cholesky(Float64Array.of(4, 2, 2, 3), 2), Float64Array.of(2, 1), 2))).toEqual([0.5, 0]);
  });

  it("gives A·x = b to round-off on random covariance matrices", () => {
    const random = seededRandom(5);
    for (const n of [1, 3, 8, 17]) {
      const a = randomCovariance(n, random);
      const b = Float64Array.from({ length: n }, () => random() - 0.5);
      const x = choleskySolve(cholesky(a, n), b, n);
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += a[i * n + j]! * x[j]!;
        expect(s).toBeCloseTo(b[i]!, 9);
      }
    }
  });

  it("does not change its inputs", () => {
    const l = Float64Array.of(2, 0, 1, 3);
    const b = Float64Array.of(2, 1);
    choleskySolve(l, b, 2);
    expect(Array.from(l)).toEqual([2, 0, 1, 3]);
    expect(Array.from(b)).toEqual([2, 1]);
  });
});
