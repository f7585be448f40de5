import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { beta } from "../../src/measures/beta";
import { downsideDeviation } from "../../src/measures/downside-deviation";
import { returnMoments } from "../../src/measures/return-moments";
import { trackingError } from "../../src/measures/tracking-error";
import { volatility } from "../../src/measures/volatility";
import { frozen, readRiskExpected } from "./helpers/expected";

const expected = readRiskExpected();
const r = expected.series.returns;
const b = expected.series.benchmark;

describe("returnMoments", () => {
  it("matches numpy mean/std(ddof=1) and scipy skew/kurtosis (bias=True)", () => {
    const m = returnMoments(Float64Array.from(r));
    expect(m.count).toBe(24);
    expect(m.mean).toBeCloseTo(expected.moments.mean, 15);
    expect(m.standardDeviation).toBeCloseTo(expected.moments.standardDeviation, 15);
    expect(m.skewness).toBeCloseTo(expected.moments.skewness, 12);
    expect(m.excessKurtosis).toBeCloseTo(expected.moments.excessKurtosis, 12);
  });

  it("computes a hand case: [0.01, −0.02, 0.03, 0] has mean 0.005, sd √(0.0013/3)", () => {
    const m = returnMoments([0.01, -0.02, 0.03, 0]);
    expect(m.mean).toBeCloseTo(0.005, 15);
    expect(m.standardDeviation).toBeCloseTo(Math.sqrt(0.0013 / 3), 15);
    // population m2 = 0.000325, m4 = (0.005⁴ + 0.025⁴ + 0.025⁴ + 0.005⁴)/4 = 1.95625e-7 → K = m4/m2² − 3
    expect(m.excessKurtosis).toBeCloseTo(1.95625e-7 / 0.000325 ** 2 - 3, 12);
    expect(m.skewness).toBeCloseTo(0, 12);
  });

  it("gives a constant series zero skewness and kurtosis rather than NaN", () => {
    const m = returnMoments([0.01, 0.01, 0.01]);
    expect(m.standardDeviation).toBe(0);
    expect(m.skewness).toBe(0);
    expect(m.excessKurtosis).toBe(0);
  });

  it("rejects NaN, too few returns and an empty series, naming the position", () => {
    expect(() => returnMoments([0.01, NaN, 0.02])).toThrowError(/returns\[1\] is NaN/);
    expect(() => returnMoments([0.01])).toThrowError(InputError);
    expect(() => returnMoments([])).toThrowError(/empty/);
  });
});

describe("volatility", () => {
  it("is the sample standard deviation × √252 (numpy)", () => {
    expect(volatility(frozen(r))).toBeCloseTo(expected.annual.volatility, 14);
  });

  it("computes a hand case and the per-period figure with frequency 1", () => {
    // ±1 % alternating: sd = √(4 × 0.0001 / 3)
    expect(volatility([0.01, -0.01, 0.01, -0.01], { frequency: 1 })).toBeCloseTo(Math.sqrt(0.0004 / 3), 15);
    expect(volatility([0.01, -0.01, 0.01, -0.01])).toBeCloseTo(Math.sqrt((0.0004 / 3) * 252), 15);
  });

  it("does not change its input", () => {
    const input = Float64Array.from(r);
    volatility(input);
    expect(Array.from(input)).toEqual(r);
  });

  it("rejects a bad frequency and non-finite returns", () => {
    expect(() => volatility(r, { frequency: 0 })).toThrowError(/frequency 0/);
    expect(() => volatility([0.01, Infinity])).toThrowError(InputError);
  });
});

describe("downsideDeviation", () => {
  it("matches numpy with MAR 0 and MAR 0.2 % a day, over all observations", () => {
    expect(downsideDeviation(frozen(r))).toBeCloseTo(expected.annual.downsideDeviation, 14);
    expect(downsideDeviation(r, { minimumAcceptableReturn: 0.002 })).toBeCloseTo(expected.annual.downsideDeviationMar, 14);
  });

  it("computes a hand case: only the two losses count, divided by all four periods", () => {
    expect(downsideDeviation([0.02, -0.01, 0.03, -0.02], { frequency: 1 })).toBeCloseTo(Math.sqrt(0.0005 / 4), 15);
    expect(downsideDeviation([0.02, 0.01], { frequency: 1 })).toBe(0);
  });

  it("rejects a non-finite MAR and an empty series", () => {
    expect(() => downsideDeviation(r, { minimumAcceptableReturn: NaN })).toThrowError(/minimumAcceptableReturn/);
    expect(() => downsideDeviation([])).toThrowError(/empty/);
  });
});

describe("beta and trackingError", () => {
  it("match numpy's cov / var and std(r − b, ddof=1) × √252", () => {
    expect(beta(frozen(r), frozen(b))).toBeCloseTo(expected.benchmarkMeasures.beta, 13);
    expect(trackingError(frozen(r), frozen(b))).toBeCloseTo(expected.benchmarkMeasures.trackingError, 14);
  });

  it("compute hand cases: twice the benchmark has β = 2; the benchmark itself has TE = 0", () => {
    expect(beta([0.02, -0.02, 0.04], [0.01, -0.01, 0.02])).toBeCloseTo(2, 14);
    expect(trackingError([0.01, -0.02, 0.03], [0.01, -0.02, 0.03])).toBe(0);
    // active returns 0.01, 0, 0.01: sd = √(0.0001/3 · 2 / 2)… = 0.0057735
    expect(trackingError([0.02, -0.01, 0.03], [0.01, -0.01, 0.02], { frequency: 1 })).toBeCloseTo(Math.sqrt(0.0001 / 3), 15);
  });

  it("reject series of different lengths and a constant benchmark", () => {
    expect(() => beta([0.01, 0.02], [0.01])).toThrowError(/returns have 2 observations but benchmark have 1/);
    expect(() => trackingError([0.01, 0.02], [0.01, 0.02, 0.03])).toThrowError(InputError);
    expect(() => beta([0.01, 0.02], [0.01, 0.01])).toThrowError(/benchmark returns do not vary/);
  });
});
