import { describe, expect, it } from "vitest";
import { frame } from "../../src/core/wide-frame";
import { returnsFromPrices } from "../../src/core/returns-from-prices";
import { inspect } from "node:util";

const prices = frame({
  dates: ["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"],
  tickers: ["A", "B"],
  values: Float64Array.from([10, 20, 11, 19, 12.1, 19, 11, 20.9]),
});

describe("Frame", () => {
  it("takes rows by position and by date range, both ends included", () => {
    expect(prices.tail(2).dates).toEqual(["2024-01-04", "2024-01-05"]);
    expect(prices.head(1).values).toEqual(Float64Array.from([10, 20]));
    expect(prices.between("2024-01-03", "2024-01-04").dates).toEqual(["2024-01-03", "2024-01-04"]);
    expect(() => prices.between("2025-01-01")).toThrow(/no date in 2025-01-01 … end; the frame spans 2024-01-02 … 2024-01-05/);
  });
  it("selects columns and reads rows and columns", () => {
    expect(prices.select(["B"]).values).toEqual(Float64Array.from([20, 19, 19, 20.9]));
    expect(prices.column("A")).toEqual(Float64Array.from([10, 11, 12.1, 11]));
    expect(prices.at("2024-01-03").get("B")).toBe(19);
    expect(prices.asOf("2024-01-06").get("A")).toBe(11);
    expect(prices.last().labels).toEqual(["A", "B"]);
    expect(() => prices.at("2024-02-01")).toThrow(/no row dated 2024-02-01/);
    expect(() => prices.select(["Z"])).toThrow(/no column Z/);
  });
  it("keeps the columns listed from the first to the last date, gaps in between kept", () => {
    const late = frame({ dates: ["d1", "d2", "d3"], tickers: ["A", "B", "C", "D"], values: Float64Array.from([1, NaN, 5, 7, NaN, 3, 6, 8, 3, 4, NaN, 9]) });
    expect(late.listedThroughout().columns).toEqual(["A", "D"]);
    expect(late.tail(2).listedThroughout().columns).toEqual(["B", "D"]);
    expect(late.listedThroughout().column("D")).toEqual(Float64Array.from([7, 8, 9]));
  });
  it("computes returns exactly as returnsFromPrices, in the fraction unit", () => {
    const r = prices.returns();
    expect(r.values).toEqual(returnsFromPrices(prices).values);
    expect(r.dates).toEqual(returnsFromPrices(prices).dates);
    expect(r.unit).toBe("fraction");
    expect(r.at("2024-01-03").get("A")).toBeCloseTo(0.1, 15);
  });
  it("is rejected when malformed", () => {
    expect(() => frame({ dates: ["2024-01-02", "2024-01-01"], tickers: ["A"], values: Float64Array.from([1, 2]) })).toThrow();
  });
  it("prints its last rows with a caption", () => {
    const text = inspect(prices.returns());
    expect(text.split("\n")[0]).toBe("3 dates × 2 columns, 2024-01-03 … 2024-01-05");
    expect(text).toContain("10.00 %");
  });
});
