import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { cornishFisherTailRisk } from "../../src/measures/cornish-fisher-tail-risk";
import { empiricalTail, tailPosition } from "../../src/measures/empirical-tail";
import { gaussianTailRisk } from "../../src/measures/gaussian-tail-risk";
import { historicalTailRisk } from "../../src/measures/historical-tail-risk";
import { horizonReturns } from "../../src/measures/horizon-returns";
import { monteCarloTailRisk } from "../../src/measures/monte-carlo-tail-risk";
import { normalDensity, normalQuantile } from "../../src/measures/normal-distribution";
import { frozen, readRiskExpected } from "./helpers/expected";

const expected = readRiskExpected();
const r = expected.series.returns;
/** −10 %, −9 %, …, +9 %. */
const ladder = Array.from({ length: 20 }, (_, i) => (i - 10) / 100);
/** Mean 0, sample sd exactly 1 %. */
const unit = [0.01, -0.01, 0.01, -0.01].map((x) => x * Math.sqrt(3 / 4));

describe("normalQuantile and normalDensity", () => {
  it("match scipy.stats.norm.ppf to 1e-14 relative from 1e-12 to 1 − 1e-6", () => {
    for (const [p, z] of Object.entries(expected.normalQuantiles)) {
      expect(Math.abs(normalQuantile(Number(p)) - z)).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(z)));
    }
  });

  it("gives φ(0) = 1/√(2π) and rejects probabilities outside (0, 1)", () => {
    expect(normalDensity(0)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 16);
    expect(() => normalQuantile(0)).toThrowError(InputError);
    expect(() => normalQuantile(1)).toThrowError(/strictly between 0 and 1/);
    expect(() => normalQuantile(NaN)).toThrowError(InputError);
  });
});

describe("empiricalTail", () => {
  it("counts (1 − 0.95)·20 as exactly 1 despite round-off (1.0000000000000009)", () => {
    expect(tailPosition(20, 0.95)).toEqual({ index: 0, size: 1 });
    expect(empiricalTail(ladder, 0.95)).toEqual({ valueAtRisk: 0.1, conditionalValueAtRisk: 0.1 });
  });

  it("averages exactly k outcomes, the last one fractionally (hand case)", () => {
    // 90 %: k = 2 → VaR 0.09, CVaR (0.10 + 0.09)/2
    const t90 = empiricalTail(ladder, 0.9);
    expect(t90.valueAtRisk).toBeCloseTo(0.09, 15);
    expect(t90.conditionalValueAtRisk).toBeCloseTo(0.095, 15);
    // 87.5 %: k = 2.5 → VaR = −x₍₃₎ = 0.08, CVaR = (0.10 + 0.09 + 0.5·0.08)/2.5 = 0.092
    const t875 = empiricalTail(ladder, 0.875);
    expect(t875.valueAtRisk).toBeCloseTo(0.08, 15);
    expect(t875.conditionalValueAtRisk).toBeCloseTo(0.092, 15);
  });

  it("uses the worst outcome when fewer than 1/(1 − c) outcomes are given", () => {
    expect(empiricalTail([0.02, -0.03, 0.01], 0.99)).toEqual({ valueAtRisk: 0.03, conditionalValueAtRisk: 0.03 });
  });

  it("reports a gain in the tail as a negative loss", () => {
    expect(empiricalTail([0.01, 0.02, 0.03, 0.04], 0.75).valueAtRisk).toBeCloseTo(-0.01, 15);
  });

  it("does not sort its input in place", () => {
    const input = Float64Array.from([0.03, -0.01, 0.02]);
    empiricalTail(input, 0.5);
    expect(Array.from(input)).toEqual([0.03, -0.01, 0.02]);
  });
});

describe("historicalTailRisk", () => {
  it("matches numpy's inverted-CDF quantile and the Rockafellar–Uryasev CVaR, at 1 and 3 days", () => {
    for (const c of expected.historical) {
      const t = historicalTailRisk(frozen(r), { confidence: c.confidence, horizon: c.horizon });
      expect(t.method).toBe("historical");
      expect(t.observations).toBe(c.observations);
      expect(t.valueAtRisk, `VaR ${c.confidence} ${c.horizon}d`).toBeCloseTo(c.valueAtRisk, 14);
      expect(t.conditionalValueAtRisk, `CVaR ${c.confidence} ${c.horizon}d`).toBeCloseTo(c.conditionalValueAtRisk, 14);
    }
  });

  it("defaults to 95 % over one period and keeps CVaR ≥ VaR", () => {
    const t = historicalTailRisk(r);
    expect([t.confidence, t.horizon]).toEqual([0.95, 1]);
    expect(t.conditionalValueAtRisk).toBeGreaterThanOrEqual(t.valueAtRisk);
  });

  it("rejects a percentage confidence, a fractional horizon, NaN returns and a series shorter than the horizon", () => {
    expect(() => historicalTailRisk(r, { confidence: 95 })).toThrowError(/not a percentage/);
    expect(() => historicalTailRisk(r, { horizon: 2.5 })).toThrowError(/whole number/);
    expect(() => historicalTailRisk([0.01, NaN])).toThrowError(/returns\[1\] is NaN/);
    expect(() => historicalTailRisk([0.01, 0.02], { horizon: 3 })).toThrowError(InputError);
  });
});

describe("horizonReturns", () => {
  it("compounds overlapping windows (numpy) and a hand case", () => {
    const h = horizonReturns(frozen(r), 3);
    expect(h.length).toBe(22);
    h.forEach((v, i) => expect(v).toBeCloseTo(expected.horizonReturns3[i]!, 15));
    const hand = horizonReturns([0.1, -0.1, 0.2], 2);
    expect(hand[0]).toBeCloseTo(-0.01, 15);
    expect(hand[1]).toBeCloseTo(0.08, 15);
  });
});

describe("gaussianTailRisk", () => {
  it("matches scipy's norm.ppf/pdf with μh and σ√h", () => {
    for (const c of expected.gaussian) {
      const t = gaussianTailRisk(frozen(r), { confidence: c.confidence, horizon: c.horizon });
      expect(t.valueAtRisk).toBeCloseTo(c.valueAtRisk, 14);
      expect(t.conditionalValueAtRisk).toBeCloseTo(c.conditionalValueAtRisk, 14);
    }
  });

  it("gives the textbook 1.6449σ and 2.0627σ for μ = 0, σ = 1 %, and √h times that over h days", () => {
    const one = gaussianTailRisk(unit);
    expect(one.valueAtRisk).toBeCloseTo(0.016448536269514729, 14);
    expect(one.conditionalValueAtRisk).toBeCloseTo(0.020627128075074257, 14);
    const four = gaussianTailRisk(unit, { horizon: 4 });
    expect(four.valueAtRisk).toBeCloseTo(2 * one.valueAtRisk, 14);
  });
});

describe("cornishFisherTailRisk", () => {
  it("matches the expansion (VaR) and a numerical integral of the Cornish–Fisher quantile (CVaR), scipy", () => {
    for (const c of expected.cornishFisher) {
      const t = cornishFisherTailRisk(frozen(r), { confidence: c.confidence, horizon: c.horizon });
      expect(t.valueAtRisk, `VaR ${c.confidence} ${c.horizon}d`).toBeCloseTo(c.valueAtRisk, 13);
      expect(t.conditionalValueAtRisk, `CVaR ${c.confidence} ${c.horizon}d`).toBeCloseTo(c.conditionalValueAtRisk, 11);
    }
  });

  it("tends to the Gaussian figures as the horizon grows (Sₕ = S/√h and Kₕ = K/h vanish)", () => {
    const g = gaussianTailRisk(r, { horizon: 1e6 });
    const cf = cornishFisherTailRisk(r, { horizon: 1e6 });
    expect(cf.valueAtRisk / g.valueAtRisk).toBeCloseTo(1, 3);
    expect(cf.conditionalValueAtRisk / g.conditionalValueAtRisk).toBeCloseTo(1, 3);
  });

  it("raises the tail of a fat-tailed, negatively skewed series above the Gaussian", () => {
    const fat = [...Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 0.003 : -0.002)), -0.05, 0.01];
    expect(cornishFisherTailRisk(fat, { confidence: 0.99 }).valueAtRisk).toBeGreaterThan(gaussianTailRisk(fat, { confidence: 0.99 }).valueAtRisk);
  });
});

describe("monteCarloTailRisk", () => {
  it("is reproducible by seed and differs across seeds", () => {
    const a = monteCarloTailRisk(r, { seed: 42, simulations: 2000 });
    const b = monteCarloTailRisk(r, { seed: 42, simulations: 2000 });
    const c = monteCarloTailRisk(r, { seed: 43, simulations: 2000 });
    expect(a).toEqual(b);
    expect(c.valueAtRisk).not.toBe(a.valueAtRisk);
  });

  it("converges to the Gaussian figures with normal shocks (200,000 simulations, fixed seed)", () => {
    const mc = monteCarloTailRisk(unit, { seed: 1, simulations: 200_000, degreesOfFreedom: Infinity });
    expect(mc.valueAtRisk).toBeCloseTo(0.016449, 3);
    expect(mc.conditionalValueAtRisk).toBeCloseTo(0.020627, 3);
    expect(mc.degreesOfFreedom).toBe(Infinity);
  });

  it("fits ν = 4 + 6/K by default, normal when the excess kurtosis is not positive", () => {
    const fat = [...Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 0.003 : -0.002)), -0.05, 0.01];
    const k = (() => {
      const n = fat.length;
      const mean = fat.reduce((s, x) => s + x, 0) / n;
      const m2 = fat.reduce((s, x) => s + (x - mean) ** 2, 0) / n;
      const m4 = fat.reduce((s, x) => s + (x - mean) ** 4, 0) / n;
      return m4 / m2 ** 2 - 3;
    })();
    expect(monteCarloTailRisk(fat, { seed: 1, simulations: 10 }).degreesOfFreedom).toBeCloseTo(4 + 6 / k, 10);
    expect(monteCarloTailRisk(unit, { seed: 1, simulations: 10 }).degreesOfFreedom).toBe(Infinity);
  });

  it("compounds over the horizon: a constant series loses nothing and gains (1 + r)^h − 1", () => {
    const mc = monteCarloTailRisk([0.01, 0.01, 0.01], { seed: 3, simulations: 50, horizon: 5 });
    expect(mc.valueAtRisk).toBeCloseTo(-(1.01 ** 5 - 1), 14);
  });

  it("rejects a missing seed, ν ≤ 2 and a bad simulation count", () => {
    expect(() => monteCarloTailRisk(r, { seed: 1.5 })).toThrowError(InputError);
    expect(() => monteCarloTailRisk(r, { seed: 1, degreesOfFreedom: 2 })).toThrowError(/must be > 2/);
    expect(() => monteCarloTailRisk(r, { seed: 1, simulations: 0 })).toThrowError(/simulations 0/);
  });

  it("does not change its input", () => {
    const input = Float64Array.from(r);
    monteCarloTailRisk(input, { seed: 1, simulations: 100 });
    expect(Array.from(input)).toEqual(r);
  });
});
