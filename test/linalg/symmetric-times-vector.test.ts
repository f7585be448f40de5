import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { symmetricTimesVector } from "../../src/linalg/symmetric-times-vector";
import { randomSymmetric, seededRandom } from "../optimise/helpers/random";

/** The plain row-by-row product. */
function dense(Q: Float64Array, x: Float64Array): Float64Array {
  const n = x.length;
  return Float64Array.from({ length: n }, (_, i) => {
    let s = 0;
    for (let j = 0; j < n; j++) s += Q[i * n + j]! * x[j]!;
    return s;
  });
}

describe("symmetricTimesVector", () => {
  it("solves the TSDoc example", () => {
    expect(Array.from(symmetricTimesVector(Float64Array.of(2, 1, 1, 3), Float64Array.of(0, 1), new Float64Array(2)))).toEqual([1, 3]);
  });

  it("agrees with the dense product on random symmetric matrices and mostly-zero vectors of every size 1…40", () => {
    const random = seededRandom(31);
    const scratch = new Int32Array(40);
    for (let n = 1; n <= 40; n++) {
      const Q = randomSymmetric(n, random);
      for (const density of [0, 0.1, 0.5, 1]) {
        const x = Float64Array.from({ length: n }, () => (random() < density ? 2 * random() - 1 : 0));
        const expected = dense(Q, x);
        const out = symmetricTimesVector(Q, x, new Float64Array(n), n % 2 === 0 ? scratch : undefined);
        out.forEach((value, i) => expect(Math.abs(value - expected[i]!)).toBeLessThan(1e-13));
      }
    }
  });

  it("overwrites out and lets NaN through to it instead of skipping it", () => {
    const out = Float64Array.of(7, 7);
    expect(Array.from(symmetricTimesVector(Float64Array.of(1, 0, 0, 1), new Float64Array(2), out))).toEqual([0, 0]);
    expect(symmetricTimesVector(Float64Array.of(1, 0, 0, 1), Float64Array.of(NaN, 0), out)[0]).toBeNaN();
  });

  it("throws InputError on mismatched shapes, a short scratch buffer or out aliasing x", () => {
    const x = new Float64Array(2);
    expect(() => symmetricTimesVector(new Float64Array(3), x, new Float64Array(2))).toThrow(InputError);
    expect(() => symmetricTimesVector(new Float64Array(4), x, new Float64Array(3))).toThrow(InputError);
    expect(() => symmetricTimesVector(new Float64Array(4), x, new Float64Array(2), new Int32Array(1))).toThrow(InputError);
    expect(() => symmetricTimesVector(new Float64Array(4), x, x)).toThrow(/the same array as x/);
  });

  it("does not modify Q or x", () => {
    const Q = Float64Array.of(2, 1, 1, 3);
    const x = Float64Array.of(1, -1);
    symmetricTimesVector(Q, x, new Float64Array(2));
    expect(Array.from(Q)).toEqual([2, 1, 1, 3]);
    expect(Array.from(x)).toEqual([1, -1]);
  });
});
