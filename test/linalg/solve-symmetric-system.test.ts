import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { solveSymmetricSystem } from "../../src/linalg/solve-symmetric-system";
import { randomCovariance, seededRandom } from "../optimise/helpers/random";

describe("solveSymmetricSystem", () => {
  it("solves A·X = B by LU with partial pivoting (hand example, several right-hand sides)", () => {
    const { x, leastSquares } = solveSymmetricSystem(Float64Array.from([4, 2, 2, 3]), 2, Float64Array.from([2, 6, 1, 7]), 2);
    expect(leastSquares).toBe(false);
    expect(Array.from(x).map((v) => Math.round(v * 1e12) / 1e12)).toEqual([0.5, 0.5, 0, 2]);
  });

  it("solves an indefinite system that needs pivoting", () => {
    const a = Float64Array.from([0, 1, 1, 0]);
    expect(Array.from(solveSymmetricSystem(a, 2, Float64Array.from([3, 5]), 1).x)).toEqual([5, 3]);
  });

  it("recovers A·x for a random 30 × 30 covariance to 1e-10", () => {
    const random = seededRandom(11);
    const a = randomCovariance(30, random);
    const truth = Float64Array.from({ length: 30 }, () => random() - 0.5);
    const b = new Float64Array(30);
    for (let i = 0; i < 30; i++) for (let j = 0; j < 30; j++) b[i] = b[i]! + a[i * 30 + j]! * truth[j]!;
    const { x } = solveSymmetricSystem(a, 30, b, 1);
    x.forEach((v, i) => expect(v).toBeCloseTo(truth[i]!, 10));
  });

  it("falls back to the minimum-norm least-squares solution when A is exactly singular (numpy lstsq)", () => {
    const { x, leastSquares } = solveSymmetricSystem(Float64Array.from([1, 1, 1, 1]), 2, Float64Array.from([2, 2]), 1);
    expect(leastSquares).toBe(true);
    expect(x[0]).toBeCloseTo(1, 14);
    expect(x[1]).toBeCloseTo(1, 14);
    expect(solveSymmetricSystem(new Float64Array(4), 2, Float64Array.from([1, 2]), 1).x).toEqual(new Float64Array(2));
  });

  it("does not modify its inputs, handles n = 0 and throws InputError on a shape mismatch", () => {
    const a = Float64Array.from([4, 2, 2, 3]);
    const b = Float64Array.from([2, 1]);
    solveSymmetricSystem(a, 2, b, 1);
    expect(Array.from(a)).toEqual([4, 2, 2, 3]);
    expect(Array.from(b)).toEqual([2, 1]);
    expect(solveSymmetricSystem(new Float64Array(0), 0, new Float64Array(0), 3).x.length).toBe(0);
    expect(() => solveSymmetricSystem(a, 2, b, 2)).toThrow(InputError);
  });
});
