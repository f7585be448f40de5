import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { runStressTest, runStressTests } from "../../src/stress/run-stress-test";
import type { Scenario } from "../../src/stress/scenario";
import { assetClassShock } from "../../src/stress/asset-class-shock";
import { bootstrapSimulation } from "../../src/stress/bootstrap-simulation";
import { correlationShock, volatilityShock } from "../../src/stress/covariance-stress";
import { historicalWindow } from "../../src/stress/historical-window";
import { marketShock } from "../../src/stress/market-shock";
import { rateShock } from "../../src/stress/rate-shock";
import { studentTSimulation } from "../../src/stress/student-t-simulation";
import { findWorstWindows, worstWindow } from "../../src/stress/worst-windows";
import { stressTable } from "../../src/stress/stress-table";
import { fixtureContext, fixturePortfolio } from "./helpers";

const minusFive: Scenario = {
  name: "everything −5 %",
  kind: "hypothetical",
  evaluate: (history) => ({ assetReturns: new Float64Array(history.tickers.length).fill(-0.05), description: "every holding falls 5 %" }),
};

describe("runStressTest", () => {
  it("puts a custom scenario in money: loss by asset −capital·wᵢ·rᵢ, summing to the total", () => {
    const r = runStressTest(minusFive, fixturePortfolio(), fixtureContext());
    expect(r.scenario).toBe("everything −5 %");
    expect(r.lossByAsset.labels).toEqual(["EQA", "EQB", "BND", "GLD"]);
    [15000, 10000, 20000, 5000].forEach((v, i) => expect(r.lossByAsset.values[i]).toBeCloseTo(v, 8));
    expect(r.totalLoss).toBeCloseTo(50000, 8);
    expect(r.lossFraction).toBeCloseTo(0.05, 14);
    expect(r.notes).toEqual([]);
  });

  it("reports only holdings (non-zero weights) and scales with capital", () => {
    const portfolio = { weights: { labels: ["EQA", "EQB", "BND", "GLD"], values: Float64Array.of(0.5, 0, 0.5, 0) }, capital: 2_000 };
    const r = runStressTest(minusFive, portfolio, fixtureContext());
    expect(r.lossByAsset.labels).toEqual(["EQA", "BND"]);
    expect(r.totalLoss).toBeCloseTo(100, 10);
  });

  it("rejects unknown tickers, weights not summing to 1, negative weights in a long-only book, and bad capital", () => {
    const ctx = fixtureContext();
    const w = (labels: string[], values: number[]) => ({ labels, values: Float64Array.from(values) });
    expect(() => runStressTest(minusFive, { weights: w(["EQA", "XYZ"], [0.5, 0.5]), capital: 1 }, ctx)).toThrowError(
      /XYZ is in the weights but not in the prices/,
    );
    expect(() => runStressTest(minusFive, { weights: w(["EQA", "BND"], [0.5, 0.4]), capital: 1 }, ctx)).toThrowError(/weights sum to 0.9, not 1/);
    expect(() => runStressTest(minusFive, { weights: w(["EQA", "BND"], [1.3, -0.3]), capital: 1 }, ctx)).toThrowError(/pass longShort: true/);
    expect(() => runStressTest(minusFive, { weights: w(["EQA"], [1]), capital: 0 }, ctx)).toThrowError(/capital 0 must be a positive amount/);
    expect(() => runStressTest(minusFive, { weights: w(["EQA", "EQA"], [0.5, 0.5]), capital: 1 }, ctx)).toThrowError(/EQA has two weights/);
    expect(() => runStressTest(minusFive, { weights: w(["EQA"], [0]), capital: 1, longShort: true }, ctx)).toThrowError(/every weight is 0/);
    expect(() => runStressTest(minusFive, { weights: w(["EQA"], [NaN]), capital: 1 }, ctx)).toThrowError(InputError);
  });

  it("accepts a long-short book marked as such: a short position gains when prices fall", () => {
    const portfolio = { weights: { labels: ["EQA", "EQB"], values: Float64Array.of(1, -1) }, capital: 1000, longShort: true };
    const r = runStressTest(minusFive, portfolio, fixtureContext());
    expect(Array.from(r.lossByAsset.values)).toEqual([50, -50]);
    expect(r.totalLoss).toBe(0);
  });

  it("rejects a scenario that returns the wrong number of returns or a NaN", () => {
    const bad: Scenario = { name: "bad", kind: "hypothetical", evaluate: () => ({ assetReturns: Float64Array.of(0), description: "" }) };
    const nan: Scenario = { name: "nan", kind: "hypothetical", evaluate: (h) => ({ assetReturns: new Float64Array(h.tickers.length).fill(NaN), description: "" }) };
    expect(() => runStressTest(bad, fixturePortfolio(), fixtureContext())).toThrowError(/returned 1 asset returns for 4 holdings/);
    expect(() => runStressTest(nan, fixturePortfolio(), fixtureContext())).toThrowError(/gave EQA a return of NaN/);
  });

  it("does not change the portfolio or the context", () => {
    const portfolio = fixturePortfolio();
    const context = fixtureContext();
    const prices = Array.from(context.prices.values);
    runStressTests([minusFive, rateShock({ basisPoints: 100 })], portfolio, context);
    expect(Array.from(context.prices.values)).toEqual(prices);
    expect(Array.from(portfolio.weights.values)).toEqual([0.3, 0.2, 0.4, 0.1]);
  });
});

describe("stressTable", () => {
  it("gives one row per result with the largest single loss", () => {
    const rows = stressTable(runStressTests([minusFive, rateShock({ basisPoints: 100 })], fixturePortfolio(), fixtureContext()));
    expect(rows[0]).toMatchObject({ scenario: "everything −5 %", kind: "hypothetical", period: "instant", largestLoss: "BND 20,000" });
    expect(rows[1]!.loss).toBeCloseTo(1_000_000 * 0.4 * 7 * 0.01, 6);
  });
});

describe("typed errors", () => {
  const codeOf = (fn: () => unknown): string => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      return (error as InputError).code;
    }
    throw new Error("expected an InputError");
  };

  it("carry a stable code for each problem", () => {
    const ctx = fixtureContext();
    const w = (labels: string[], values: number[]) => ({ labels, values: Float64Array.from(values) });
    expect(codeOf(() => runStressTest(minusFive, { weights: w(["EQA", "XYZ"], [0.5, 0.5]), capital: 1 }, ctx))).toBe("UNKNOWN_TICKER");
    expect(codeOf(() => runStressTest(minusFive, { weights: w(["EQA"], [0.9]), capital: 1 }, ctx))).toBe("WEIGHTS_NOT_SUMMING_TO_ONE");
    expect(codeOf(() => runStressTest(minusFive, { weights: w(["EQA", "BND"], [1.2, -0.2]), capital: 1 }, ctx))).toBe("NEGATIVE_WEIGHT");
    expect(codeOf(() => runStressTest(rateShock({ basisPoints: 1 }), fixturePortfolio(), { prices: ctx.prices }))).toBe("MISSING_INSTRUMENTS");
    expect(codeOf(() => runStressTest(rateShock({ basisPoints: 1 }), fixturePortfolio(), { ...ctx, instruments: [] }))).toBe("MISSING_INSTRUMENT");
  });
});

describe("inputs are not changed by any kind of scenario", () => {
  it("leaves prices, instruments, proxies and weights as they were", () => {
    const portfolio = fixturePortfolio();
    const context = fixtureContext({ proxies: { GLD: "BND" } });
    const snapshot = JSON.stringify({ p: Array.from(context.prices.values), d: context.prices.dates, i: context.instruments, x: context.proxies, w: Array.from(portfolio.weights.values) });
    runStressTests(
      [
        historicalWindow({ start: "2023-02-01", end: "2023-02-20" }),
        worstWindow({ days: 5 }),
        assetClassShock({ shocks: { equity: -0.2 } }),
        marketShock({ benchmark: "EQA", shock: -0.1 }),
        rateShock({ basisPoints: 200 }),
        volatilityShock(),
        correlationShock(),
        bootstrapSimulation({ seed: 1, simulations: 100 }),
        studentTSimulation({ seed: 1, simulations: 100 }),
      ],
      portfolio,
      context,
    );
    findWorstWindows(portfolio, context, { days: 5 });
    expect(JSON.stringify({ p: Array.from(context.prices.values), d: context.prices.dates, i: context.instruments, x: context.proxies, w: Array.from(portfolio.weights.values) })).toBe(snapshot);
  });
});
