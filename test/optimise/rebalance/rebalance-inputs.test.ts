import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/index";
import { checkTaxRates, lotPieces, quadraticImpact, resolveCosts, resolveHoldings } from "../../../src/optimise/rebalance/index";

describe("resolveHoldings", () => {
  it("turns shares, prices and cash into weights in the prior's order (hand-computed)", () => {
    const h = resolveHoldings({ shares: { A: 100, B: 50 }, prices: { A: 50, B: 20, C: 7 }, cash: 4_000 }, ["C", "A", "B"], "t");
    expect(h.value).toBe(10_000);
    expect(Array.from(h.weights)).toEqual([0, 0.5, 0.1]);
  });
  it("refuses unknown tickers, missing prices, negative shares or cash", () => {
    expect(() => resolveHoldings({ weights: { Z: 0.1 } }, ["A"], "t")).toThrow(/Z/);
    expect(() => resolveHoldings({ weights: { Z: 0 } }, ["A"], "t")).not.toThrow();
    expect(() => resolveHoldings({ shares: { A: 1 }, prices: {} }, ["A"], "t")).toThrow(/price/);
    expect(() => resolveHoldings({ shares: { A: -1 }, prices: { A: 1 } }, ["A"], "t")).toThrow(InputError);
    expect(() => resolveHoldings({ shares: { A: 1 }, prices: { A: 1 }, cash: -5 }, ["A"], "t")).toThrow(/cash/);
  });
});

describe("resolveCosts and quadraticImpact", () => {
  it("converts basis points to fractions per unit traded, half the spread", () => {
    const c = resolveCosts({ commissionBps: 2, spreadBps: { B: 10 }, impact: 0.3 }, ["A", "B"], "t");
    expect(Array.from(c.commission)).toEqual([0.0002, 0.0002]);
    expect(Array.from(c.halfSpread)).toEqual([0, 0.0005]);
    expect(Array.from(c.impact)).toEqual([0.3, 0.3]);
  });
  it("refuses negative costs and unknown tickers", () => {
    expect(() => resolveCosts({ commissionBps: -1 }, ["A"], "t")).toThrow(/commissionBps/);
    expect(() => resolveCosts({ turnoverPenalty: -0.1 }, ["A"], "t")).toThrow(/turnoverPenalty/);
    expect(() => resolveCosts({ spreadBps: { Z: 1 } }, ["A"], "t")).toThrow(/Z/);
  });
  it("impact σ·V/ADV (hand-computed)", () => {
    expect(quadraticImpact({ dailyVolatility: { A: 0.02 }, averageDailyValue: { A: 1e7 }, portfolioValue: 1e6 }).get("A")).toBeCloseTo(0.002, 15);
    expect(() => quadraticImpact({ dailyVolatility: { A: 0.02 }, averageDailyValue: { A: 0 }, portfolioValue: 1e6 })).toThrow(InputError);
  });
});

describe("lotPieces", () => {
  it("taxes gains at the short- or long-term rate and losses at nothing (hand-computed)", () => {
    const lots = [
      { ticker: "A", shares: 10, costBasis: 80, acquired: "2025-01-02" },
      { ticker: "A", shares: 10, costBasis: 80, acquired: "2025-12-01" },
      { ticker: "A", shares: 10, costBasis: 120, acquired: "2025-12-01" },
    ];
    const p = lotPieces(lots, () => 100, 10_000, { rate: 0.4, longTermRate: 0.2, asOf: "2026-01-02" }, "t");
    expect(p.map((x) => x.weight)).toEqual([0.1, 0.1, 0.1]);
    expect(p[0]!.taxPerUnit).toBeCloseTo(0.04, 15); // long term: 0.2 × (1 − 80/100)
    expect(p[1]!.taxPerUnit).toBeCloseTo(0.08, 15); // short term: 0.4 × 0.2
    expect(p[2]!.taxPerUnit).toBe(0); // a loss
  });
  it("refuses negative rates, bad lots and sales before the purchase", () => {
    expect(() => checkTaxRates({ rate: -0.1 }, "t")).toThrow(/rate/);
    expect(() => checkTaxRates({ rate: 0.2, longTermRate: 1.5 }, "t")).toThrow(/longTermRate/);
    const lot = { ticker: "A", shares: 1, costBasis: 1, acquired: "2026-02-01" };
    expect(() => lotPieces([lot], () => 1, 1, { rate: 0.1, asOf: "2026-01-01" }, "t")).toThrow(/after the sale/);
    expect(() => lotPieces([{ ...lot, shares: 0 }], () => 1, 1, { rate: 0.1 }, "t")).toThrow(/shares/);
    expect(() => lotPieces([{ ...lot, costBasis: -1 }], () => 1, 1, { rate: 0.1 }, "t")).toThrow(/cost basis/);
    expect(() => lotPieces([{ ...lot, acquired: "1 Feb 2026" }], () => 1, 1, { rate: 0.1 }, "t")).toThrow(/ISO/);
  });
});
