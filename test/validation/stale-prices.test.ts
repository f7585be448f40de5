import { describe, expect, it } from "vitest";
import { checkStalePrices, resolveValidationSettings } from "../../src/validation";
import { businessDays, deepFreeze, series } from "../fixtures/validation/builders";

describe("checkStalePrices", () => {
  const days = businessDays("2011-05-09", 10);
  const prices = [10, 11, 11, 11, 11, 11, 11, 12, 12.5, 12];
  const volume = [5, 5, 0, 0, 0, 0, 0, 5, 5, 5];

  it("flags the repeated days of a run, not the genuine first one", () => {
    const input = deepFreeze([series("CMDX", days, prices, prices, volume)]);
    const [f, ...rest] = checkStalePrices(input);
    expect(rest).toEqual([]);
    expect(f).toEqual({
      id: "stale-price/CMDX/2011-05-11",
      check: "prices",
      rule: "stale-price",
      ticker: "CMDX",
      fiscalYear: null,
      date: "2011-05-11",
      severity: "warning",
      value: 11,
      message: "CMDX: the adjusted close repeats 11.00 (the price of 2011-05-10) on 5 market days, 2011-05-11 to 2011-05-17, with volume 0 on each",
      target: { kind: "price-days", from: "2011-05-11", to: "2011-05-17" },
      allowed: ["accept", "exclude"],
    });
  });

  it("needs at least staleDays repeats", () => {
    const input = [series("X", days, prices)];
    expect(checkStalePrices(input, resolveValidationSettings({ prices: { staleDays: 6 } }))).toEqual([]);
    expect(checkStalePrices(input, resolveValidationSettings({ prices: { staleDays: 5 } }))).toHaveLength(1);
  });
});
