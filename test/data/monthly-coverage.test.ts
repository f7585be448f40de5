import { describe, expect, it } from "vitest";
import { coverageChart } from "../../src/report/coverage-chart";
import { monthlyCoverage } from "../../src/data/monthly-coverage";

const table = Object.freeze({
  dates: ["2024-01-30", "2024-01-31", "2024-02-01", "2024-02-02"],
  tickers: ["A", "B"],
  values: Float64Array.from([NaN, 10, 1, 11, 1, NaN, 1, 12]),
});

describe("monthlyCoverage", () => {
  it("gives the share of each month's dates with a value, per ticker", () => {
    const c = monthlyCoverage(table);
    expect(c.months).toEqual(["2024-01", "2024-02"]);
    expect(Array.from(c.fraction)).toEqual([0.5, 1, 1, 0.5]);
  });
  it("refuses an empty table", () => {
    expect(() => monthlyCoverage({ dates: [], tickers: ["A"], values: new Float64Array(0) })).toThrowError(/no dates/);
  });
  it("feeds a heatmap with tickers down and months across", () => {
    const fig = coverageChart(monthlyCoverage(table));
    expect(fig.data[0]).toMatchObject({ type: "heatmap", y: ["A", "B"], x: ["2024-01", "2024-02"], z: [[0.5, 1], [1, 0.5]] });
  });
});
