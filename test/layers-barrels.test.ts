import { describe, expect, it } from "vitest";
import * as library from "../src/index";
import { readPricesCsv } from "./optimise/helpers/fixtures";

describe("the library's barrel: one namespace a layer", () => {
  it("exposes every layer, bottom-up, and the main functions by name in their layer", () => {
    const { moments, linalg, optim, optimise, measures } = library;
    expect(typeof moments.expectedReturns.meanHistoricalReturn).toBe("function");
    expect(typeof moments.riskModels.sampleCovariance).toBe("function");
    expect(typeof moments.riskModels.fixNonpositiveSemidefinite).toBe("function");
    expect(moments.pairwiseCovariance).toBe(moments.riskModels.pairwiseCovariance);
    expect(typeof linalg.symmetricEigen).toBe("function");
    expect(typeof optim.solveQuadraticProgram).toBe("function");
    expect(typeof optimise.cleanWeights).toBe("function");
    expect(typeof moments.returnsFromPrices).toBe("function");
    expect(typeof measures.portfolioPerformance).toBe("function");
    expect(Object.keys(library).sort()).toEqual(["backtest", "core", "data", "decisions", "features", "linalg", "measures", "models", "moments", "optim", "optimise", "report", "stress", "sweep", "validation", "workbook"]);
  });

  it("runs the notebook pipeline: prices → mu, S → weights → performance", () => {
    const { moments, optimise, measures } = library;
    const prices = readPricesCsv("prices.csv");
    const mu = moments.expectedReturns.meanHistoricalReturn(prices);
    const S = moments.riskModels.sampleCovariance(prices);
    const w = optimise.minVolatility(S);
    const p = measures.portfolioPerformance(w, mu, S, { riskFreeRate: 0.02 });
    expect(p.volatility).toBeGreaterThan(0);
    expect(w.values.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
  });
});
