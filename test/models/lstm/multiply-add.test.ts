// C += A·B with strides: known answers, the transposed form, and every blocking remainder.
import { describe, expect, it } from "vitest";
import { createRng } from "../../../src/core/random";
import { multiplyAdd } from "../../../src/models/lstm/multiply-add";

function naive(m: number, k: number, n: number, a: Float64Array, aRow: number, aCol: number, b: Float64Array, c: Float64Array): Float64Array {
  const out = c.slice();
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) for (let p = 0; p < k; p++) out[i * n + j] += a[i * aRow + p * aCol]! * b[p * n + j]!;
  return out;
}

describe("multiplyAdd", () => {
  it("adds a 2 × 2 product to C (hand-computed)", () => {
    const c = Float64Array.of(1, 1, 1, 1);
    multiplyAdd(2, 2, 2, Float64Array.of(1, 2, 3, 4), 0, 2, 1, Float64Array.of(5, 6, 7, 8), 0, 2, c, 0, 2);
    expect(c).toEqual(Float64Array.of(20, 23, 44, 51));
  });

  it("agrees with a triple loop for every size around the 4 × 4 blocks, row-major and transposed A", () => {
    const rng = createRng(3);
    for (const m of [1, 3, 4, 5, 9]) {
      for (const k of [1, 2, 4, 7, 8]) {
        for (const n of [1, 6]) {
          const a = Float64Array.from({ length: m * k }, () => rng.normal());
          const b = Float64Array.from({ length: k * n }, () => rng.normal());
          const c = Float64Array.from({ length: m * n }, () => rng.normal());
          for (const [aRow, aCol] of [[k, 1], [1, m]] as const) {
            const got = c.slice();
            multiplyAdd(m, k, n, a, 0, aRow, aCol, b, 0, n, got, 0, n);
            const want = naive(m, k, n, a, aRow, aCol, b, c);
            got.forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 12));
          }
        }
      }
    }
  });

  it("reads and writes only inside its offsets", () => {
    const a = Float64Array.of(9, 2, 9);
    const b = Float64Array.of(9, 9, 3, 4);
    const c = Float64Array.of(5, 0, 0, 5);
    multiplyAdd(1, 1, 2, a, 1, 1, 1, b, 2, 2, c, 1, 2);
    expect(c).toEqual(Float64Array.of(5, 6, 8, 5));
  });
});
