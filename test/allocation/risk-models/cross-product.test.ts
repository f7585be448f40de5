import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import { crossProduct } from "../../../src/allocation/risk-models/cross-product";
import { normal, seededRandom } from "../helpers/random";

describe("crossProduct", () => {
  it("is XᵀX of a column-major matrix (hand example)", () => {
    expect(Array.from(crossProduct(Float64Array.from([1, 3, 2, 4]), 2, 2))).toEqual([10, 14, 14, 20]);
  });

  it.each([1, 2, 3, 4, 5, 7, 8, 10])("matches pairwise dot products for %i columns (blocks and remainders), exactly symmetric", (n) => {
    const gauss = normal(seededRandom(n));
    const t = 1100; // more than two row chunks
    const x = Float64Array.from({ length: n * t }, gauss);
    const g = crossProduct(x, t, n);
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        let s = 0;
        for (let i = 0; i < t; i++) s += x[a * t + i]! * x[b * t + i]!;
        expect(Math.abs(g[a * n + b]! - s)).toBeLessThan(1e-11 * Math.max(1, Math.abs(s)));
        expect(g[a * n + b]).toBe(g[b * n + a]);
      }
    }
  });

  it("handles empty shapes and throws InputError on a length mismatch", () => {
    expect(crossProduct(new Float64Array(0), 0, 3)).toEqual(new Float64Array(9));
    expect(crossProduct(new Float64Array(0), 5, 0)).toEqual(new Float64Array(0));
    expect(() => crossProduct(new Float64Array(5), 2, 3)).toThrow(InputError);
  });
});
