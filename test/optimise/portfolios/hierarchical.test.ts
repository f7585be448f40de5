import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { prior } from "../../../src/moments/prior";
import * as portfolios from "../../../src/optimise/portfolios/index";
import { hierarchicalEqualRiskContribution, hierarchicalRiskParity, nestedClustersOptimisation, wardLinkage } from "../../../src/optimise/hrp/index";
import { HIERARCHICAL_FIXTURE_DIR } from "../hrp/hierarchical-fixture";

// skfolio's S&P 500 sample prices, the last 500 days.
const all = gunzipSync(readFileSync(join(HIERARCHICAL_FIXTURE_DIR, "sp500-prices-2014.csv.gz"))).toString("utf8").trim().split("\n");
const header = all[0]!;
const lines = all.slice(-501);
const prices = {
  dates: lines.map((l) => l.slice(0, 10)),
  tickers: header.split(",").slice(1),
  values: Float64Array.from(lines.flatMap((l) => l.split(",").slice(1).map(Number))),
};
const p = prior(prices);

describe("portfolios.hrp, herc and nco on a prior", () => {
  it("hrp forwards the new options: a measure on the prior's returns, optimal ordering, bounds", () => {
    const h = portfolios.hrp(p, { riskMeasure: "cvar", optimalOrdering: true, linkage: wardLinkage, bounds: [0.01, 0.1] });
    const direct = hierarchicalRiskParity({ cov: p.covariance }, { riskReturns: p.returns, riskMeasure: "cvar", optimalOrdering: true, linkage: wardLinkage, bounds: [0.01, 0.1] });
    expect(Array.from(h.weights.values)).toEqual(Array.from(direct.weights.values));
    expect(h.details.order).toEqual(direct.order);
    expect(h.name).toBe("HRP (cvar)");
    expect(h.weights.max()).toBeLessThanOrEqual(0.1 + 1e-12);
    // No new option: the same portfolio as before.
    expect(Array.from(portfolios.hrp(p).weights.values)).toEqual(Array.from(hierarchicalRiskParity({ cov: p.covariance }).weights.values));
  });

  it("herc clusters the prior's returns and reports the clusters", () => {
    const h = portfolios.herc(p, { riskMeasure: "cdar", bounds: [0, 0.2] });
    const direct = hierarchicalEqualRiskContribution({ returns: p.returns, cov: p.covariance }, { riskMeasure: "cdar", bounds: [0, 0.2] });
    expect(Array.from(h.weights.values)).toEqual(Array.from(direct.weights.values));
    expect(h.details.clusters).toEqual(direct.clusters);
    expect(h.details.clusters.flat().sort()).toEqual([...prices.tickers].sort());
    expect(h.weights.max()).toBeLessThanOrEqual(0.2 + 1e-12);
    expect(h.name).toBe("HERC (cdar)");
    expect(portfolios.herc(p, { from: "covariance" }).name).toBe("HERC");
  });

  it("nco takes optimisers as functions of a prior and reports clusters and outer weights", async () => {
    const n = await portfolios.nco(p, { inner: (q) => portfolios.minVolatility(q), outer: (q) => portfolios.riskParity(q), cv: "ignore" });
    const direct = await nestedClustersOptimisation(p, { inner: (q) => portfolios.minVolatility(q), outer: (q) => portfolios.riskParity(q), cv: "ignore" });
    expect(Array.from(n.weights.values)).toEqual(Array.from(direct.weights.values));
    expect(n.details.clusters).toEqual(direct.clusters);
    expect(n.details.outerWeights.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 9);
    expect(n.name).toBe("NCO");
  });
});
