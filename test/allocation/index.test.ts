import { describe, expect, it } from "vitest";
import * as allocation from "../../src/allocation";
import { readPricesCsv } from "./helpers/fixtures";

describe("allocation barrel", () => {
  it("exposes the estimators as namespaces and the main functions by name", () => {
    expect(typeof allocation.expectedReturns.meanHistoricalReturn).toBe("function");
    expect(typeof allocation.riskModels.sampleCovariance).toBe("function");
    expect(typeof allocation.riskModels.fixNonpositiveSemidefinite).toBe("function");
    expect(typeof allocation.riskModels.pairwiseCovariance).toBe("function");
    expect(typeof allocation.linearAlgebra.symmetricEigen).toBe("function");
    expect(typeof allocation.solvers.solveQuadraticProgram).toBe("function");
    expect(typeof allocation.optimizers.cleanWeights).toBe("function");
    expect(allocation.minVolatility).toBe(allocation.optimizers.minVolatility);
    expect(typeof allocation.returnsFromPrices).toBe("function");
    expect(typeof allocation.portfolioPerformance).toBe("function");
  });

  it("runs the notebook pipeline: prices → mu, S → weights → performance", () => {
    const prices = readPricesCsv("prices.csv");
    const mu = allocation.expectedReturns.meanHistoricalReturn(prices);
    const S = allocation.riskModels.sampleCovariance(prices);
    const w = allocation.minVolatility(S);
    const p = allocation.portfolioPerformance(w, mu, S, { riskFreeRate: 0.02 });
    expect(p.volatility).toBeGreaterThan(0);
    expect(w.values.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
  });
});
