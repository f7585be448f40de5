// portfolios.riskBudget and the deviation and drawdown measures wired into portfolios.minRisk, maxRatio, riskOf and
// compareRisks, on a prior of the allocation fixture's prices (late listings: the scenario measures use the dates on
// which every ticker has a return).
import { describe, expect, it } from "vitest";
import { prior } from "../../src/moments/prior";
import * as portfolios from "../../src/optimise/portfolios/index";
import { compareRisks, riskOf } from "../../src/optimise/compare-risks";
import { measureName, RISK_MEASURES, type RiskMeasure } from "../../src/optimise/portfolios/index";
import { minScenarioRisk } from "../../src/optimise/min-scenario-risk";
import { riskBudgeting } from "../../src/optimise/risk-budgeting";
import { readPricesCsv } from "./helpers/fixtures";

const full = readPricesCsv("prices.csv");
const m = full.tickers.length;
const last = 251;
const prices = { dates: full.dates.slice(-last), tickers: full.tickers, values: full.values.slice(-last * m) };
const p = prior(prices);
const gap = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.max(...Array.from(a, (x, i) => Math.abs(x - b[i]!)));

describe("portfolios.minRisk and maxRatio on the deviation and drawdown measures", () => {
  const added = ["meanAbsoluteDeviation", "semiDeviation", "firstLowerPartialMoment", "secondLowerPartialMoment", "maxDrawdown", "averageDrawdown", "ulcerIndex", "entropicValueAtRisk", "entropicDrawdownAtRisk"] as const;
  it("lists every measure once, the new ones after the old, each with a name", () => {
    expect(RISK_MEASURES.slice(0, 2)).toEqual(["volatility", "cdar"]);
    expect(RISK_MEASURES.slice(-added.length)).toEqual([...added]);
    expect(new Set(RISK_MEASURES.map(measureName)).size).toBe(RISK_MEASURES.length);
  });
  it("minRisk is minScenarioRisk's portfolio, and compareRisks puts it lowest in its own column", async () => {
    const measures: RiskMeasure[] = ["meanAbsoluteDeviation", "ulcerIndex", "maxDrawdown", "entropicValueAtRisk", "entropicDrawdownAtRisk"];
    const list = await portfolios.minRiskByMeasure(p, measures, { bounds: [0, 0.2] });
    const direct = await minScenarioRisk(p.returns, { measure: "ulcerIndex", bounds: [0, 0.2] });
    expect(gap(list[1]!.weights.values, direct.weights.values)).toBe(0);
    const t = compareRisks(list, measures);
    measures.forEach((measure, k) => {
      const col = t.column(measureName(measure));
      expect(col.get(list[k]!.name)).toBeCloseTo(list[k]!.details.risk, 12);
      expect(riskOf(list[k]!, measure)).toBeCloseTo(list[k]!.details.risk, 12);
      expect(col.min()).toBeGreaterThanOrEqual(list[k]!.details.risk - 1e-12);
    });
  });
  it("maxRatio on CDaR (new) and on the Sortino measure beats equal weight on its own ratio", async () => {
    const rf = 0.02 / p.frequency;
    const equal = portfolios.equalWeight(p);
    for (const measure of ["cdar", "secondLowerPartialMoment", "entropicValueAtRisk", "entropicDrawdownAtRisk"] as const) {
      const best = await portfolios.maxRatio(p, { measure, riskFreeRate: 0.02 });
      const ratio = (q: typeof equal) => {
        const returns = Array.from({ length: p.returns.dates.length }, (_, t) => Array.from(q.weights.values).reduce((s, w, j) => s + w * p.returns.values[t * m + j]!, 0)).filter((x) => !Number.isNaN(x));
        const mean = returns.reduce((s, x) => s + x, 0) / returns.length;
        return (mean - rf) / riskOf(q, measure, { minimumAcceptableReturn: rf });
      };
      expect(best.details.ratio).toBeCloseTo(ratio(best), 9);
      expect(best.details.ratio).toBeGreaterThan(ratio(equal));
    }
  });
});

describe("portfolios.riskBudget", () => {
  it("volatility: the variance risk parity of portfolios.riskParity", async () => {
    const ours = await portfolios.riskBudget(p);
    expect(gap(ours.weights.values, riskBudgeting(p.covariance).values)).toBeLessThan(1e-7);
    expect(ours.name).toBe("risk parity (volatility)");
  });
  it("CDaR with budgets: named, long only, fully invested, and the details carry the normalised budgets", async () => {
    const budgets = Object.fromEntries(p.returns.tickers.map((t, i) => [t, i === 0 ? 3 : 1]));
    const q = await portfolios.riskBudget(p, { measure: "cdar", budgets });
    expect(q.name).toBe("risk budgeting (CDaR)");
    expect(q.weights.values.every((w) => w > 0)).toBe(true);
    expect(q.weights.values.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
    expect(q.details.budgets[0]).toBeCloseTo(3 / (m + 2), 14);
    expect(q.details.risk).toBeCloseTo(riskOf(q, "cdar"), 12);
  });
  it("EVaR: long only, fully invested, its EVaR in the details", async () => {
    const q = await portfolios.riskBudget(p, { measure: "entropicValueAtRisk" });
    expect(q.name).toBe("risk parity (EVaR)");
    expect(q.weights.values.every((w) => w > 0)).toBe(true);
    expect(q.details.risk).toBeCloseTo(riskOf(q, "entropicValueAtRisk"), 12);
  });
  it("EDaR: long only, fully invested, its EDaR in the details", async () => {
    const q = await portfolios.riskBudget(p, { measure: "entropicDrawdownAtRisk" });
    expect(q.name).toBe("risk parity (EDaR)");
    expect(q.weights.values.every((w) => w > 0)).toBe(true);
    expect(q.details.risk).toBeCloseTo(riskOf(q, "entropicDrawdownAtRisk"), 12);
  });
  it("names an unknown measure", async () => {
    await expect(portfolios.riskBudget(p, { measure: "entropy" as RiskMeasure })).rejects.toMatchObject({ code: "UNKNOWN_MEASURE" });
  });
});
