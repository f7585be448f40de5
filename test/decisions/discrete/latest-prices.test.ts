import { describe, expect, it } from "vitest";
import { DataError } from "../../../src/core/errors";
import { latestPrices } from "../../../src/decisions/discrete/latest-prices";

describe("latestPrices", () => {
  it("takes the last non-missing price of each ticker", () => {
    const p = latestPrices({ dates: ["2024-01-02", "2024-01-03"], tickers: ["A", "B"], values: Float64Array.of(10, 20, 11, NaN) });
    expect(p.labels).toEqual(["A", "B"]);
    expect(Array.from(p.values)).toEqual([11, 20]);
  });
  it("names tickers without any price", () => {
    expect(() => latestPrices({ dates: ["2024-01-02"], tickers: ["A", "B"], values: Float64Array.of(NaN, 1) })).toThrowError(DataError);
    expect(() => latestPrices({ dates: ["2024-01-02"], tickers: ["A", "B"], values: Float64Array.of(NaN, 1) })).toThrowError(/no price at all for A/);
  });
});
