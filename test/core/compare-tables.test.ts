import { describe, expect, it } from "vitest";
import { compareTables } from "../../src/core/compare-tables";

describe("compareTables", () => {
  it("counts equal, different and one-sided cells on shared dates and tickers", () => {
    const a = { dates: ["d1", "d2", "d3"], tickers: ["X", "Y"], values: Float64Array.from([1, 5, 2, NaN, 3, 7]) };
    const b = { dates: ["d2", "d3", "d4"], tickers: ["Y", "X", "Z"], values: Float64Array.from([6, 2, 0, 7, NaN, 0, 1, 1, 1]) };
    const c = compareTables(a, b);
    expect(c).toEqual({ same: 2, different: 0, onlyInA: 1, onlyInB: 1, examples: [] });
  });
  it("lists differing cells", () => {
    const a = { dates: ["d1"], tickers: ["X"], values: Float64Array.from([1]) };
    const b = { dates: ["d1"], tickers: ["X"], values: Float64Array.from([1.5]) };
    expect(compareTables(a, b)).toMatchObject({ different: 1, examples: [{ date: "d1", ticker: "X", a: 1, b: 1.5 }] });
  });
});
