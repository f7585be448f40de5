import { describe, expect, it } from "vitest";
import * as moments from "../../../src/moments/index";
import { minVolatility } from "../../../src/optimise/index";
import { readEstimatorsPrices } from "../../fixtures/allocation/estimators/read-expected";

describe("moments barrel: the estimators of issue 6", () => {
  it("exposes the new estimators through the namespaces", () => {
    const { expectedReturns, riskModels, blackLitterman } = moments;
    for (const f of [expectedReturns.emaHistoricalReturn, expectedReturns.capmReturn, expectedReturns.returnsFromForecasts]) expect(typeof f).toBe("function");
    for (const f of [
      riskModels.semicovariance,
      riskModels.exponentialCovariance,
      riskModels.ledoitWolfConstantVariance,
      riskModels.ledoitWolfSingleFactor,
      riskModels.ledoitWolfConstantCorrelation,
      riskModels.oracleApproximatingShrinkage,
      riskModels.covarianceToCorrelation,
      riskModels.correlationToCovariance,
    ]) {
      expect(typeof f).toBe("function");
    }
    for (const f of [blackLitterman.blackLitterman, blackLitterman.marketImpliedPriorReturns, blackLitterman.marketImpliedRiskAversion, blackLitterman.relativeViews]) {
      expect(typeof f).toBe("function");
    }
  });

  it("runs the notebook pipeline: prices → shrunk Σ, market prior, views → posterior → weights", () => {
    const { prices, market } = readEstimatorsPrices();
    const { riskModels, blackLitterman: bl } = moments;
    const cov = riskModels.ledoitWolfConstantCorrelation(prices);
    const delta = bl.marketImpliedRiskAversion(market, { riskFreeRate: 0.02 });
    const caps = { ACME: 2.1e11, BOLT: 4.5e10, CRUX: 9.0e10, DYNA: 3.3e11, EMBR: 1.2e10, FLUX: 6.0e10 };
    const pi = bl.marketImpliedPriorReturns(caps, cov, { riskAversion: delta, riskFreeRate: 0.02 });
    const views = bl.relativeViews(cov.labels, [{ long: ["FLUX"], short: ["ACME"], value: 0.04 }]);
    const posterior = bl.blackLitterman({ cov, pi, ...views, viewConfidences: [0.7], riskAversion: delta });
    expect(posterior.weights.values.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
    const w = minVolatility(posterior.posteriorCovariance);
    expect(w.labels).toEqual(cov.labels);
  });
});
