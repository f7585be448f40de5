import { describe, expect, it } from "vitest";
import { applyDecisionsToFundamentals, applyDecisionsToPrices, withDerivedMetrics } from "../../src/validation";
import { deepFreeze, fundamentalsRow } from "../fixtures/validation/builders";

const rows = deepFreeze(withDerivedMetrics([2018, 2019, 2020].map((y) => fundamentalsRow("A", y, { revenue: 1000 + 100 * (y - 2018), netIncome: 100 }))));

describe("withDerivedMetrics", () => {
  it("recomputes ratios and growth as the SQL build does", () => {
    expect(rows[1]!.revenueGrowth).toBeCloseTo(0.1, 12);
    expect(rows[1]!.netIncomeGrowth).toBe(0);
    expect(rows[0]!.revenueGrowth).toBeNull();
    expect(rows[2]!.netMargin).toBeCloseTo(100 / 1200, 12);
  });
});

describe("applyDecisionsToFundamentals", () => {
  it("removes excluded years (the next year's growth becomes null) and replaces adjusted figures", () => {
    const out = applyDecisionsToFundamentals(rows, [
      { ticker: "A", decision: "exclude", newValue: null, target: { kind: "company-year", fiscalYear: 2019, field: "revenue" } },
      { ticker: "A", decision: "adjust", newValue: 240, target: { kind: "company-year", fiscalYear: 2020, field: "netIncome" } },
      { ticker: "A", decision: "accept", newValue: null, target: { kind: "company-year", fiscalYear: 2018, field: "revenue" } },
    ]);
    expect(out.map((r) => r.fiscalYear)).toEqual([2018, 2020]);
    expect(out[1]!.netIncome).toBe(240);
    expect(out[1]!.netMargin).toBeCloseTo(0.2, 12);
    expect(out[1]!.revenueGrowth).toBeNull();
    expect(rows[2]!.netIncome).toBe(100);
  });

  it("lets an exclusion win over an adjustment of the same year", () => {
    const out = applyDecisionsToFundamentals(rows, [
      { ticker: "A", decision: "adjust", newValue: 5, target: { kind: "company-year", fiscalYear: 2020, field: "revenue" } },
      { ticker: "A", decision: "exclude", newValue: null, target: { kind: "company-year", fiscalYear: 2020, field: "netIncome" } },
    ]);
    expect(out.map((r) => r.fiscalYear)).toEqual([2018, 2019]);
  });
});

describe("applyDecisionsToPrices", () => {
  const table = deepFreeze({ dates: ["2024-01-02", "2024-01-03", "2024-01-05"], tickers: ["A", "B"], values: Float64Array.from([10, 20, 11, Number.NaN, 12, 22]) });

  it("blanks excluded days, sets adjusted ones (adding a missing date), and leaves the input alone", () => {
    const out = applyDecisionsToPrices(table, [
      { ticker: "A", decision: "exclude", newValue: null, target: { kind: "price-days", from: "2024-01-03", to: "2024-01-05" } },
      { ticker: "B", decision: "adjust", newValue: 21, target: { kind: "price-days", from: "2024-01-03", to: "2024-01-03" } },
      { ticker: "B", decision: "adjust", newValue: 21.5, target: { kind: "price-days", from: "2024-01-04", to: "2024-01-04" } },
      { ticker: "Z", decision: "exclude", newValue: null, target: { kind: "price-days", from: "2024-01-02", to: "2024-01-05" } },
    ]);
    expect(out.dates).toEqual(["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"]);
    expect(Array.from(out.values)).toEqual([10, 20, Number.NaN, 21, Number.NaN, 21.5, Number.NaN, 22]);
    expect(Array.from(table.values)).toEqual([10, 20, 11, Number.NaN, 12, 22]);
  });
});
