import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import { dateTableToDataFrame, rowsToDataFrame } from "../../../src/data/sql";

describe("danfo DataFrames for display", () => {
  it("turns a DateTable into a DataFrame indexed by date, NaN kept", async () => {
    const t0 = performance.now();
    const table = { dates: ["2024-01-02", "2024-01-03"], tickers: ["A", "B"], values: Float64Array.from([10, Number.NaN, 11, 19]) };
    const df = await dateTableToDataFrame(table);
    expect(performance.now() - t0).toBeLessThan(10_000); // danfo loads in ~1 s here
    expect(df.shape).toEqual([2, 2]);
    expect(df.columns).toEqual(["A", "B"]);
    expect(df.index).toEqual(["2024-01-02", "2024-01-03"]);
    expect(df.values).toEqual([
      [10, Number.NaN],
      [11, 19],
    ]);
    expect(table.values[1]).toBeNaN(); // input untouched
  });

  it("turns typed rows into a DataFrame, null as NaN", async () => {
    const df = await rowsToDataFrame([
      { ticker: "A", fiscalYear: 2020, revenueGrowth: null },
      { ticker: "A", fiscalYear: 2021, revenueGrowth: 0.1 },
    ]);
    expect(df.columns).toEqual(["ticker", "fiscalYear", "revenueGrowth"]);
    expect(df.shape).toEqual([2, 3]);
    await expect(rowsToDataFrame([])).rejects.toBeInstanceOf(InputError);
    await expect(dateTableToDataFrame({ dates: ["x"], tickers: ["A", "B"], values: new Float64Array(1) })).rejects.toBeInstanceOf(InputError);
  });
});
