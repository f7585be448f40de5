import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import type { ColumnPanelWriter } from "../../../src/linalg/index";
import { crossProduct, crossProductOfPanels, scalarCrossProduct } from "../../../src/moments/risk-models/cross-product";
import { normal, seededRandom } from "../../optimise/helpers/random";

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

  it.each([
    [1, 1],
    [7, 5],
    [513, 37],
    [2000, 130],
  ])("agrees with the JavaScript kernel (scalarCrossProduct) to 1e-13 relative for %i × %i", (t, n) => {
    const x = Float64Array.from({ length: t * n }, normal(seededRandom(t + n)));
    const copy = x.slice();
    const g = crossProduct(x, t, n);
    const h = scalarCrossProduct(x, t, n);
    // relative to √(GₐₐG_bb) ≥ Σᵢ|X[i][a]·X[i][b]|, the scale of the rounding errors of either summation order
    let worst = 0;
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) worst = Math.max(worst, Math.abs(g[a * n + b]! - h[a * n + b]!) / Math.sqrt(h[a * n + a]! * h[b * n + b]!));
    }
    expect(worst).toBeLessThan(1e-13);
    expect(x.every((v, k) => v === copy[k])).toBe(true); // input unchanged (toEqual is slow on 260,000 values)
  });

  it("propagates NaN to its column's row and column of G (both kernels)", () => {
    const x = Float64Array.from({ length: 40 }, normal(seededRandom(9)));
    x[13] = NaN; // column 1 of 10 rows × 4 columns
    for (const g of [crossProduct(x, 10, 4), scalarCrossProduct(x, 10, 4)]) {
      for (let a = 0; a < 4; a++) {
        for (let b = 0; b < 4; b++) expect(Number.isNaN(g[a * 4 + b]!)).toBe(a === 1 || b === 1);
      }
    }
  });

  it("scalarCrossProduct handles the hand example and throws InputError on a length mismatch", () => {
    expect(Array.from(scalarCrossProduct(Float64Array.from([1, 3, 2, 4]), 2, 2))).toEqual([10, 14, 14, 20]);
    expect(() => scalarCrossProduct(new Float64Array(5), 2, 3)).toThrow(InputError);
  });
});

describe("crossProductOfPanels", () => {
  it("is XᵀX of the matrix its writer describes (the TSDoc example)", () => {
    const write: ColumnPanelWriter = (target, stride, firstRow, rows) => {
      for (let j = 0; j < 2; j++) for (let i = 0; i < rows; i++) target[j * stride + i] = 1 + j + 2 * (firstRow + i);
    };
    expect(Array.from(crossProductOfPanels(write, 2, 2))).toEqual([10, 14, 14, 20]);
  });

  it.each([
    [1, 1],
    [513, 37],
    [2000, 130],
  ])("gives the bits of crossProduct of the same matrix for %i × %i", (t, n) => {
    const x = Float64Array.from({ length: t * n }, normal(seededRandom(3 * t + n)));
    const write: ColumnPanelWriter = (target, stride, firstRow, rows) => {
      for (let j = 0; j < n; j++) target.set(x.subarray(j * t + firstRow, j * t + firstRow + rows), j * stride);
    };
    expect(crossProductOfPanels(write, t, n)).toEqual(crossProduct(x, t, n));
  });

  it("gives zeros for no rows and throws InputError for a shape that is not whole numbers", () => {
    expect(crossProductOfPanels(() => undefined, 0, 3)).toEqual(new Float64Array(9));
    expect(() => crossProductOfPanels(() => undefined, 2.5, 3)).toThrow(InputError);
    expect(() => crossProductOfPanels(() => undefined, 2, -1)).toThrow(InputError);
  });
});
