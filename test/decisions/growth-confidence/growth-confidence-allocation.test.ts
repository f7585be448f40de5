import { describe, expect, it } from "vitest";
import { InfeasibleError, InputError } from "../../../src/core/errors";
import type { LabelledMatrix } from "../../../src/core/frame";
import type { AllocationForecast } from "../../../src/models/allocation-forecast";
import { growthConfidenceAllocation, growthConfidenceSteps } from "../../../src/decisions/growth-confidence/growth-confidence-allocation";
import { minVolatility } from "../../../src/optimise/min-volatility";

const labels = ["A", "B", "C", "D"];
function forecastOf(growth: number[], confidence: number[], tickers = labels): AllocationForecast {
  return {
    asOf: "2025-12-31",
    horizonDays: 21,
    expectedGrowth: { labels: tickers, values: Float64Array.from(growth) },
    confidence: { labels: tickers, values: Float64Array.from(confidence) },
    expectedReturn: { labels: tickers, values: new Float64Array(tickers.length).fill(0.05) },
    models: { growth: "test", confidence: "test", returns: "test" },
  };
}
// Scores: A 0.2 × 0.9 = 0.18, B 0.1 × 0.6 = 0.06, C 0.05 × 0.8 = 0.04, D −0.1 × 0.7 = −0.07.
const forecast = forecastOf([0.2, 0.1, 0.05, -0.1], [0.9, 0.6, 0.8, 0.7]);
/** Uncorrelated, σ = 40 %, 20 %, 10 %, 30 %. */
const cov: LabelledMatrix = { labels, values: Float64Array.of(0.16, 0, 0, 0, 0, 0.04, 0, 0, 0, 0, 0.01, 0, 0, 0, 0, 0.09) };
const sum = (x: ArrayLike<number>) => Array.from(x).reduce((a, b) => a + b, 0);
const vol = (w: ArrayLike<number>) => Math.sqrt(0.16 * w[0]! ** 2 + 0.04 * w[1]! ** 2 + 0.01 * w[2]! ** 2 + 0.09 * w[3]! ** 2);

describe("growthConfidenceAllocation", () => {
  it("known answer without a binding cap: weights ∝ growth × confidence, zero where the score is ≤ 0", () => {
    // 0.18 : 0.06 : 0.04 : 0 over 0.28 → 0.642857, 0.214286, 0.142857, 0.
    const w = growthConfidenceAllocation(forecast, cov, { maxWeight: 1 });
    expect(w.labels).toEqual(labels);
    [0.18 / 0.28, 0.06 / 0.28, 0.04 / 0.28, 0].forEach((x, i) => expect(w.values[i]).toBeCloseTo(x, 12));
  });

  it("known answers with the cap: clip and share the excess in proportion, repeatedly", () => {
    // maxWeight 0.5: A 0.643 → 0.5; the 0.5 left splits 0.06 : 0.04 → B 0.3, C 0.2.
    const half = growthConfidenceAllocation(forecast, cov, { maxWeight: 0.5 });
    [0.5, 0.3, 0.2, 0].forEach((x, i) => expect(half.values[i]).toBeCloseTo(x, 12));
    // maxWeight 0.34: A → 0.34; 0.66 left → B 0.396 > 0.34 → B 0.34; C gets 0.32.
    const tight = growthConfidenceAllocation(forecast, cov, { maxWeight: 0.34 });
    [0.34, 0.34, 0.32, 0].forEach((x, i) => expect(tight.values[i]).toBeCloseTo(x, 12));
    for (const w of [half, tight]) expect(sum(w.values)).toBeCloseTo(1, 14);
  });

  it("minScore: the preference is score − minScore, and scores ≤ minScore get nothing", () => {
    // minScore 0.05: preferences 0.13, 0.01, 0, 0 → 0.928571, 0.071429.
    const w = growthConfidenceAllocation(forecast, cov, { maxWeight: 1, minScore: 0.05 });
    [0.13 / 0.14, 0.01 / 0.14, 0, 0].forEach((x, i) => expect(w.values[i]).toBeCloseTo(x, 12));
    const capped = growthConfidenceAllocation(forecast, cov, { maxWeight: 0.5, minScore: 0.05 });
    [0.5, 0.5, 0, 0].forEach((x, i) => expect(capped.values[i]).toBeCloseTo(x, 12));
  });

  it("blends with the minimum-volatility portfolio of the same tickers until the volatility limit holds", () => {
    // Capped weights [0.5, 0.3, 0.2, 0] have volatility √(0.04 + 0.0036 + 0.0004) = 0.2098.
    const preferred = [0.5, 0.3, 0.2, 0];
    expect(vol(preferred)).toBeCloseTo(Math.sqrt(0.044), 12);
    const w = growthConfidenceAllocation(forecast, cov, { maxWeight: 0.5, maxVolatility: 0.15 });
    expect(vol(w.values)).toBeCloseTo(0.15, 10);
    expect(sum(w.values)).toBeCloseTo(1, 12);
    for (const x of w.values) expect(x).toBeLessThanOrEqual(0.5 + 1e-12);
    expect(w.values[3]).toBe(0);
    // It lies on the segment between the capped weights and min volatility over A, B, C with the same cap.
    const m = minVolatility({ labels: ["A", "B", "C"], values: Float64Array.of(0.16, 0, 0, 0, 0.04, 0, 0, 0, 0.01) }, { bounds: [0, 0.5] }).values;
    const t = (w.values[0]! - preferred[0]!) / (m[0]! - preferred[0]!);
    expect(t).toBeGreaterThan(0);
    expect(t).toBeLessThan(1);
    for (let i = 0; i < 3; i++) expect(w.values[i]).toBeCloseTo((1 - t) * preferred[i]! + t * m[i]!, 12);
    // A limit that does not bind changes nothing.
    const loose = growthConfidenceAllocation(forecast, cov, { maxWeight: 0.5, maxVolatility: 0.3 });
    [0.5, 0.3, 0.2, 0].forEach((x, i) => expect(loose.values[i]).toBeCloseTo(x, 12));
  });

  it("returns the minimum-volatility portfolio of the chosen tickers when even it is above the limit", () => {
    const w = growthConfidenceAllocation(forecast, cov, { maxWeight: 0.5, maxVolatility: 0.01 });
    const m = minVolatility({ labels: ["A", "B", "C"], values: Float64Array.of(0.16, 0, 0, 0, 0.04, 0, 0, 0, 0.01) }, { bounds: [0, 0.5] }).values;
    for (let i = 0; i < 3; i++) expect(w.values[i]).toBeCloseTo(m[i]!, 12);
    expect(w.values[3]).toBe(0);
  });

  it("labels like the covariance: tickers without a forecast get 0, forecast tickers outside it are ignored", () => {
    const partial = forecastOf([0.2, 0.1, 0.3], [0.5, 0.5, 0.9], ["B", "C", "ZZZ"]);
    const w = growthConfidenceAllocation(partial, cov, { maxWeight: 1 });
    expect(w.labels).toEqual(labels);
    [0, 2 / 3, 1 / 3, 0].forEach((x, i) => expect(w.values[i]).toBeCloseTo(x, 12));
  });

  it("a forecast with no positive score is an InfeasibleError naming it", () => {
    const gloomy = forecastOf([-0.1, -0.2, 0, -0.05], [0.9, 0.6, 0.8, 0.7]);
    expect(() => growthConfidenceAllocation(gloomy, cov, { maxWeight: 0.5 })).toThrowError(InfeasibleError);
    expect(() => growthConfidenceAllocation(gloomy, cov, { maxWeight: 0.5 })).toThrowError(
      /no ticker of the forecast as of 2025-12-31 has growth × confidence above minScore 0 \(best: C at 0\)/,
    );
    expect(() => growthConfidenceAllocation(forecast, cov, { maxWeight: 0.5, minScore: 0.2 })).toThrowError(/best: A at 0\.18/);
  });

  it("too few positive scores for the cap is an InfeasibleError saying how far to raise it", () => {
    expect(() => growthConfidenceAllocation(forecast, cov, { maxWeight: 0.3 })).toThrowError(InfeasibleError);
    expect(() => growthConfidenceAllocation(forecast, cov, { maxWeight: 0.3 })).toThrowError(/only 3 tickers \(A, B, C\).*raise maxWeight to at least 0\.333333/);
  });

  it("rejects bad options and a forecast that shares no ticker with the covariance", () => {
    expect(() => growthConfidenceAllocation(forecast, cov, { maxWeight: 0 })).toThrowError(InputError);
    expect(() => growthConfidenceAllocation(forecast, cov, { maxWeight: 0.5, maxVolatility: -1 })).toThrowError(/maxVolatility -1/);
    expect(() => growthConfidenceAllocation(forecast, cov, { maxWeight: 0.5, minScore: NaN })).toThrowError(/minScore NaN/);
    expect(() => growthConfidenceAllocation(forecastOf([0.1], [0.5], ["X"]), cov, { maxWeight: 1 })).toThrowError(/none of the forecast's 1 tickers is in the covariance/);
  });

  it("does not change its inputs", () => {
    const before = [Array.from(forecast.expectedGrowth.values), Array.from(forecast.confidence.values), Array.from(cov.values)];
    growthConfidenceAllocation(forecast, cov, { maxWeight: 0.5, maxVolatility: 0.15 });
    expect([Array.from(forecast.expectedGrowth.values), Array.from(forecast.confidence.values), Array.from(cov.values)]).toEqual(before);
  });
});

describe("growthConfidenceSteps", () => {
  it("shows each step of the rule, ending on growthConfidenceAllocation's weights", () => {
    const s = growthConfidenceSteps(forecast, cov, { maxWeight: 0.5 });
    expect(s.labels).toEqual(labels);
    [0.18, 0.06, 0.04, -0.07].forEach((x, i) => expect(s.score[i]).toBeCloseTo(x, 14));
    [0.18 / 0.28, 0.06 / 0.28, 0.04 / 0.28, 0].forEach((x, i) => expect(s.scoreShare[i]).toBeCloseTo(x, 12));
    [0.5, 0.3, 0.2, 0].forEach((x, i) => expect(s.capped[i]).toBeCloseTo(x, 12));
    expect(s.blend).toBe(0);
    expect(s.leastVolatile).toBeNull();
    expect(Array.from(s.weights)).toEqual(Array.from(growthConfidenceAllocation(forecast, cov, { maxWeight: 0.5 }).values));
    const limited = growthConfidenceSteps(forecast, cov, { maxWeight: 0.5, maxVolatility: 0.15 });
    expect(limited.blend).toBeGreaterThan(0);
    expect(limited.blend).toBeLessThan(1);
    for (let i = 0; i < 4; i++) expect(limited.weights[i]).toBeCloseTo((1 - limited.blend) * limited.capped[i]! + limited.blend * limited.leastVolatile![i]!, 12);
    expect(Array.from(limited.weights)).toEqual(Array.from(growthConfidenceAllocation(forecast, cov, { maxWeight: 0.5, maxVolatility: 0.15 }).values));
  });

  it("marks the tickers the forecast does not cover, and names its own caller in errors", () => {
    const partial = forecastOf([0.2, 0.1], [0.5, 0.5], ["B", "C"]);
    const s = growthConfidenceSteps(partial, cov, { maxWeight: 1 });
    expect(Number.isNaN(s.score[0]!)).toBe(true);
    expect(s.preference[0]).toBe(0);
    expect(() => growthConfidenceSteps(forecast, cov, { maxWeight: 0 })).toThrowError(/^growthConfidenceSteps: maxWeight 0/);
  });
});
