import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import { returnColumns } from "../../../src/allocation/expected-returns/return-columns";

describe("returnColumns", () => {
  const prices = { dates: ["d1", "d2", "d3"], tickers: ["A", "B"], values: Float64Array.from([10, NaN, 11, 20, 12.1, 22]) };

  it("lays out the returns by column with their counts", () => {
    const r = returnColumns(prices, "f", { minObservations: 1 });
    expect(r.nRows).toBe(2);
    expect(r.nColumns).toBe(2);
    expect(r.complete).toBe(false);
    expect(Array.from(r.counts)).toEqual([2, 1]);
    expect(r.columns[0]).toBeCloseTo(0.1, 15);
    expect(r.columns[2]).toBeNaN();
    expect(r.columns[3]).toBeCloseTo(0.1, 15);
    expect(r.returns.dates).toEqual(["d2", "d3"]);
  });

  it("checks the observation count per column, naming the ticker and the caller", () => {
    expect(() => returnColumns(prices, "myEstimator")).toThrow(/myEstimator: column B has 1 return observation; pass at least 2/);
    expect(returnColumns(prices, "f", { minObservations: 1 }).counts[1]).toBe(1);
  });

  it("re-labels price errors with the caller", () => {
    const bad = { dates: ["d1", "d2"], tickers: ["A"], values: Float64Array.from([1, -2]) };
    expect(() => returnColumns(bad, "myEstimator")).toThrow(/^myEstimator: price of A on d2 is -2/);
    expect(() => returnColumns(bad, "myEstimator")).toThrow(InputError);
  });
});
