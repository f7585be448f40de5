import { describe, expect, it } from "vitest";
import { prior } from "../../src/moments/prior";
import * as portfolios from "../../src/optimise/portfolios/index";
import { minOwaRisk } from "../../src/optimise/min-owa-risk";
import { compareRisks } from "../../src/optimise/compare-risks";
import { measureName } from "../../src/optimise/portfolios/index";
import { owaValue, owaWeights, type OwaMeasure } from "../../src/measures/index";
import { createRng } from "../../src/core/random";
import { readPricesCsv } from "./helpers/fixtures";

const full = readPricesCsv("prices.csv");
const m = full.tickers.length;
const last = 251;
const prices = { dates: full.dates.slice(-last), tickers: full.tickers, values: full.values.slice(-last * m) };
const p = prior(prices);

describe("portfolios.minRisk: one call for every measure", () => {
  it("volatility is minVolatility's, an OWA measure is minOwaRisk's", async () => {
    const v = await portfolios.minRisk(p, { measure: "volatility" });
    expect(v.weights.values).toEqual(portfolios.minVolatility(p).weights.values);
    expect(v.details.risk).toBeCloseTo(v.volatility, 15);
    const g = await portfolios.minRisk(p, { measure: "giniMeanDifference" });
    expect(g.weights.values).toEqual((await minOwaRisk(p.returns, { measure: "giniMeanDifference" })).weights.values);
    expect(g.name).toBe("min Gini mean difference");
  });
  it("is never beaten by random long-only portfolios on its own measure", async () => {
    const rng = createRng(7);
    // The scenarios the optimisers use: the dates on which every ticker has a return.
    const rows = Array.from({ length: p.returns.length }, (_, t) => Array.from(p.returns.values.subarray(t * m, (t + 1) * m)));
    const complete = rows.filter((r) => r.every((x) => !Number.isNaN(x)));
    const T = complete.length;
    for (const measure of ["cvar", "tailGini", "cvarRange", "worstRealisation"] as OwaMeasure[]) {
      const best = await portfolios.minRisk(p, { measure });
      const omega = owaWeights(measure, T);
      const riskOf = (w: ArrayLike<number>) =>
        owaValue(complete.map((r) => r.reduce((s, x, i) => s + x * w[i]!, 0)), omega);
      for (let k = 0; k < 200; k++) {
        const raw = Array.from({ length: m }, () => -Math.log(1 - rng.next()));
        const total = raw.reduce((s, x) => s + x, 0);
        expect(riskOf(raw.map((x) => x / total))).toBeGreaterThanOrEqual(best.details.risk - 1e-10);
      }
    }
  });
  it("compareRisks: each minimum-risk portfolio is the lowest of its own measure's column", async () => {
    const measures = ["volatility", "cdar", "cvar", "giniMeanDifference", "range"] as const;
    const list = await portfolios.minRiskByMeasure(p, measures);
    const t = compareRisks(list, measures);
    measures.forEach((measure, k) => {
      const col = t.column(measureName(measure));
      expect(col.get(list[k]!.name)).toBeCloseTo(list[k]!.details.risk, 9);
      expect(col.min()).toBeGreaterThanOrEqual(list[k]!.details.risk - 1e-9);
    });
  });
  it("names an unknown measure with the list", async () => {
    await expect(portfolios.minRisk(p, { measure: "entropy" as "cvar" })).rejects.toThrow(/unknown measure entropy; choose one of volatility, cdar, cvar/);
  });
});
