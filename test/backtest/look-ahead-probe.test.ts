import { describe, expect, it } from "vitest";
import { calendarRebalance, lookAheadProbe, runBacktest } from "../../src/backtest/index";
import { InputError } from "../../src/core/errors";
import { randomPrices } from "./helpers";

describe("lookAheadProbe", () => {
  const prices = randomPrices(["A", "B"], 60, 3);

  it("sees the rebalance date as its last row and nothing after it", async () => {
    const probe = lookAheadProbe();
    await runBacktest(prices, probe, { end: prices.dates[45], rebalance: calendarRebalance("monthly") });
    const rows = probe.peeks().toRows();
    expect(rows.length).toBe(3); // January, February and March 2020 (the first business days of each)
    for (const r of rows) {
      expect(r.lastRow).toBe(r.date);
      expect(r.nextRow).toBe("nothing");
    }
    expect(rows[0]!.date).toBe(prices.dates[0]);
  });

  it("has nothing to show before it runs", () => {
    expect(() => lookAheadProbe().peeks()).toThrow(InputError);
  });
});
