import { describe, expect, it } from "vitest";
import { allocationForecast, growthTimesConfidence, progressLogger, rankByForecast } from "../../src/models/index";

describe("allocationForecast (the hand-off)", () => {
  const input = {
    asOf: "2025-12-31",
    horizonDays: 21,
    growth: { tickers: ["B", "A", "C"], values: [-0.03, 0.12, 0.05], model: "stacked ensemble" },
    confidence: { tickers: ["A", "B"], values: [0.81, 0.35], model: "stacked ensemble" },
    returns: { tickers: ["A", "B"], values: [0.01, 0.0], model: "random forest" },
  };

  it("aligns the three forecasts on the common tickers as labelled vectors, return annualised", () => {
    const f = allocationForecast(input);
    expect(f.expectedGrowth.labels).toEqual(["A", "B"]);
    expect(f.confidence.labels).toEqual(["A", "B"]);
    expect(f.expectedReturn.labels).toEqual(["A", "B"]);
    expect(Array.from(f.expectedGrowth.values)).toEqual([0.12, -0.03]);
    expect(f.expectedReturn.values[0]).toBeCloseTo(1.01 ** 12 - 1, 14);
    expect(f.expectedReturn.values[1]).toBe(0);
    expect(f.models).toEqual({ growth: "stacked ensemble", confidence: "stacked ensemble", returns: "random forest" });
    const score = growthTimesConfidence(f);
    expect(score.values[0]).toBeCloseTo(0.0972, 14);
    expect(score.values[1]).toBeCloseTo(-0.0105, 14);
  });

  it("rejects NaN, duplicate tickers, probabilities outside [0, 1] and disjoint universes", () => {
    expect(() => allocationForecast({ ...input, growth: { ...input.growth, values: [NaN, 0.1, 0.1] } })).toThrowError(/growth of B is NaN/);
    expect(() => allocationForecast({ ...input, returns: { ...input.returns, tickers: ["A", "A"] } })).toThrowError(/returns has A twice/);
    expect(() => allocationForecast({ ...input, confidence: { ...input.confidence, values: [1.2, 0.3] } })).toThrowError(/confidence of A is 1.2/);
    expect(() => allocationForecast({ ...input, returns: { ...input.returns, tickers: ["X", "Y"] } })).toThrowError(/no ticker has all three/);
    expect(() => allocationForecast({ ...input, horizonDays: 0 })).toThrowError(/horizonDays 0/);
  });
});

describe("rankByForecast and progressLogger", () => {
  it("rank highest first", () => {
    expect(rankByForecast(["A", "B", "C"], [0.01, 0.03, -0.02])).toEqual([
      { rank: 1, ticker: "B", forecast: 0.03 },
      { rank: 2, ticker: "A", forecast: 0.01 },
      { rank: 3, ticker: "C", forecast: -0.02 },
    ]);
  });
  it("log epochs with their loss", () => {
    const lines: string[] = [];
    const log = progressLogger({ write: (l) => lines.push(l), every: 0.5 });
    for (let i = 1; i <= 4; i++) log({ model: "rf", unit: "trees", done: i, total: 4, elapsedMs: 100 * i });
    log({ model: "LSTM", unit: "epochs", done: 2, total: 2, loss: 0.000412, elapsedMs: 6100 });
    expect(lines).toEqual(["rf: 2/4 trees (0.2 s)", "rf: 4/4 trees (0.4 s)", "LSTM: epoch 2/2, loss 0.000412 (6.1 s)"]);
  });
});
