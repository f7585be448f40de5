import { describe, expect, it } from "vitest";
import { forwardGrowthTarget, forwardReturnTarget, type FeatureFrame, type PointInTimeFundamentals } from "../../src/features/index";

const prices = { dates: ["d1", "d2", "d3", "d4"], tickers: ["A", "B"], values: Float64Array.of(10, 20, 11, NaN, 12, 22, 13, 24) };
const frame: FeatureFrame = { names: [], columns: [], dates: ["d1", "d1", "d3", "d3"], tickers: ["A", "B", "A", "B"] };

describe("forwardReturnTarget", () => {
  it("is the return over the next horizon days, known on its last day", () => {
    const y = forwardReturnTarget(prices, frame, 2);
    expect(y.name).toBe("forward_return_2d");
    expect(y.values[0]).toBeCloseTo(0.2, 14);
    expect(y.values[1]).toBeCloseTo(0.1, 14);
    expect(y.knownAt.slice(0, 2)).toEqual(["d3", "d3"]);
    expect(y.values[2]).toBeNaN(); // past the end of the data
    expect(y.knownAt[2]).toBe("");
    expect(forwardReturnTarget(prices, frame, 1).values[1]).toBeNaN(); // a missing price
  });
  it("rejects unknown dates and tickers and bad horizons", () => {
    expect(() => forwardReturnTarget(prices, { ...frame, tickers: ["A", "C", "A", "B"] }, 1)).toThrowError(/C, which is not a column/);
    expect(() => forwardReturnTarget(prices, { ...frame, dates: ["d0", "d1", "d3", "d3"] }, 1)).toThrowError(/d0, which is not a date/);
    expect(() => forwardReturnTarget(prices, frame, 0)).toThrowError(/horizon 0/);
  });
});

describe("forwardGrowthTarget", () => {
  const f = (fiscalYear: number, filedDate: string, netIncomeGrowth: number | null): PointInTimeFundamentals => ({
    ticker: "A", fiscalYear, filedDate, netIncomeGrowth, revenueGrowth: null, netMargin: null, operatingMargin: null, returnOnEquity: null,
  });
  const filings = [f(2019, "2020-02-20", 0.1), f(2020, "2021-02-22", -0.05), f(2021, "2022-02-18", null)];
  const rows: FeatureFrame = { names: [], columns: [], dates: ["2020-01-31", "2020-03-31", "2021-03-31", "2022-03-31"], tickers: ["A", "A", "A", "A"] };

  it("is the growth of the fiscal year after the latest one filed, known on its filing date", () => {
    const y = forwardGrowthTarget(filings, rows);
    expect(y.values[0]).toBeNaN(); // nothing filed yet: no "latest year" to follow
    expect(y.values[1]).toBe(-0.05);
    expect(y.knownAt.slice(0, 2)).toEqual(["", "2021-02-22"]);
    expect(y.values[2]).toBeNaN(); // 2021 was filed without a growth figure
    expect(y.values[3]).toBeNaN(); // 2022 is not filed within the data
    expect(y.knownAt[3]).toBe("");
  });
});
