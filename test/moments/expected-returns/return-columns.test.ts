import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import { columnMajorReturns, returnColumns } from "../../../src/moments/expected-returns/return-columns";

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

describe("columnMajorReturns", () => {
  it("copies column-major and counts the observed returns (the TSDoc example)", () => {
    const r = columnMajorReturns({ dates: ["d1", "d2"], tickers: ["A", "B"], values: Float64Array.of(0.1, NaN, 0.2, 0.3) }, "f");
    expect(Array.from(r.columns)).toEqual([0.1, 0.2, NaN, 0.3]);
    expect(Array.from(r.counts)).toEqual([2, 1]);
  });

  it("equals a plain transpose across several blocks of rows", () => {
    const nRows = 150;
    const nColumns = 7;
    const values = Float64Array.from({ length: nRows * nColumns }, (_, k) => (k % 11 === 0 ? NaN : Math.sin(k)));
    const dates = Array.from({ length: nRows }, (_, i) => `d${i}`);
    const r = columnMajorReturns({ dates, tickers: ["A", "B", "C", "D", "E", "F", "G"], values }, "f");
    for (let i = 0; i < nRows; i++) for (let j = 0; j < nColumns; j++) expect(Object.is(r.columns[j * nRows + i], values[i * nColumns + j])).toBe(true);
    for (let j = 0; j < nColumns; j++) {
      let observed = 0;
      for (let i = 0; i < nRows; i++) if (!Number.isNaN(values[i * nColumns + j]!)) observed++;
      expect(r.counts[j]).toBe(observed);
    }
  });

  it("refuses an infinite return, naming the caller, ticker and date", () => {
    const bad = { dates: ["d1", "d2"], tickers: ["A", "B"], values: Float64Array.of(0.1, 0.2, -Infinity, 0.3) };
    expect(() => columnMajorReturns(bad, "myEstimator")).toThrow(/myEstimator: return of A on d2 is -Infinity/);
    expect(() => columnMajorReturns(bad, "f")).toThrow(InputError);
  });
});
