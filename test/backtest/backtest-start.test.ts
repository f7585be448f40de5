import { describe, expect, it } from "vitest";
import { backtestStart } from "../../src/backtest/index";
import { InputError } from "../../src/core/errors";
import { businessDays } from "./helpers";

describe("backtestStart", () => {
  const prices = { dates: Object.freeze(businessDays("2020-01-01", 600)) };

  it("takes the latest of the warm-up, the day after a date and the last years", () => {
    expect(backtestStart(prices)).toBe(prices.dates[0]);
    expect(backtestStart(prices, { warmUpDays: 252 })).toBe(prices.dates[252]);
    // the first date strictly after 2021-06-30 is later than row 252
    const after = prices.dates.findIndex((d) => d > "2021-06-30");
    expect(after).toBeGreaterThan(252);
    expect(backtestStart(prices, { warmUpDays: 252, after: "2021-06-30" })).toBe(prices.dates[after]);
    expect(backtestStart(prices, { warmUpDays: 10, after: "2019-01-01" })).toBe(prices.dates[10]);
    // notebook 08: max(lookback, n − 252·years)
    expect(backtestStart(prices, { warmUpDays: 100, years: 1 })).toBe(prices.dates[600 - 252]);
    expect(backtestStart(prices, { warmUpDays: 500, years: 1 })).toBe(prices.dates[500]);
  });

  it("names what cannot be met", () => {
    expect(() => backtestStart(prices, { warmUpDays: 600 })).toThrow(/no date satisfies/);
    expect(() => backtestStart(prices, { after: prices.dates[599] })).toThrow(InputError);
    expect(() => backtestStart(prices, { warmUpDays: -1 })).toThrow(/warmUpDays/);
    expect(() => backtestStart(prices, { years: 0 })).toThrow(/years/);
  });
});
