// Figures asserted by skfolio's own tests (tests/test_measures/test_measures.py, fixtures returns_1d_nan and
// returns_2d_nan: the NaNs dropped, as skfolio's measures do), to 7 decimals as numpy's assert_almost_equal.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  averageDrawdown,
  centralMoment,
  drawdownAtRisk,
  drawdownCvar,
  drawdownSeries,
  empiricalTail,
  entropicDrawdownAtRisk,
  entropicRiskMeasure,
  entropicValueAtRisk,
  giniMeanDifference,
  kurtosis,
  lowerPartialMoment,
  meanAbsoluteDeviation,
  meanOf,
  semiDeviation,
  semiVariance,
  skewness,
  standardDeviation,
  ulcerIndex,
  variance,
  worstRealisation,
} from "../../src/measures/index";

const r = [0.1, -0.5, -0.3, 0.8]; // returns_1d_nan without its NaNs
const a = [0.15, 0.1, -0.5, -0.3, 0.8]; // returns_2d_nan, first column without its NaNs
const b = [0.15, 0.1, -0.5, 0.3, 0.2, -0.3, 0.8]; // second column
const close = (x: number, expected: number) => expect(Math.abs(x - expected)).toBeLessThan(1.5e-7);

describe("skfolio's asserted figures", () => {
  it("mean, mean absolute deviation, first and fourth lower partial moments (τ = the mean)", () => {
    close(meanOf(r), 0.025);
    close(meanOf(a), 0.05);
    close(meanOf(b), 0.1071429);
    close(meanAbsoluteDeviation(r), 0.425);
    close(lowerPartialMoment(r, 1), 0.2125);
    close(lowerPartialMoment(r, 4), 0.0217814);
  });
  it("variance, standard deviation, semi-variance and semi-deviation, biased (ddof 0)", () => {
    close(variance(r, { ddof: 0 }), 0.246875);
    close(variance(a, { ddof: 0 }), 0.2);
    close(variance(b, { ddof: 0 }), 0.1517346939);
    close(standardDeviation(r, { ddof: 0 }), 0.4968651728);
    close(semiVariance(r, { ddof: 0 }), 0.0953125);
    close(semiDeviation(r, { ddof: 0 }), 0.308727225);
  });
  it("third and fourth central moments, skewness and kurtosis", () => {
    close(centralMoment(r, 3), 0.07171875);
    close(centralMoment(r, 4), 0.11197695312);
    close(skewness(r), 0.58467838959);
    close(kurtosis(r), 1.83727607755);
  });
  it("VaR and CVaR at 95 % (the fractional tail), worst realisation", () => {
    for (const x of [r, a, b]) {
      close(empiricalTail(x, 0.95).valueAtRisk, 0.5);
      close(empiricalTail(x, 0.95).conditionalValueAtRisk, 0.5);
    }
    close(worstRealisation(r), 0.5);
  });
  it("entropic risk measure (θ 1, β 0.95) and EVaR in skfolio's convention", () => {
    close(entropicRiskMeasure(r, { theta: 1, confidence: 0.95 }), 3.080244928518);
    close(entropicValueAtRisk(r, { convention: "skfolio" }), 0.50804718956);
  });
  it("drawdowns, uncompounded and compounded, and their measures", () => {
    const flat = drawdownSeries(r, { compounded: false });
    [0, -0.5, -0.8, 0].forEach((v, i) => close(flat[i]!, v));
    [0, -0.5, -0.65, -0.37].forEach((v, i) => close(drawdownSeries(r)[i]!, v));
    close(drawdownAtRisk(flat), 0.8);
    close(drawdownAtRisk(flat, { confidence: 1 }), 0.8);
    close(averageDrawdown(flat), 0.325);
    close(drawdownCvar(flat), 0.8);
    close(entropicDrawdownAtRisk(flat, { convention: "skfolio" }), 0.812875503);
    close(ulcerIndex(flat), 0.47169905);
  });
  it("Gini mean difference", () => {
    close(giniMeanDifference(r), 0.7166666);
  });
});

describe("conventions beside skfolio's", () => {
  it("ddof 1 (the default) scales by n / (n − 1)", () => {
    close(variance(r), (0.246875 * 4) / 3);
    close(semiVariance(r), (0.0953125 * 4) / 3);
    expect(kurtosis(r, { excess: true })).toBeCloseTo(1.83727607755 - 3, 10);
  });
  it("exact EVaR matches scipy's bounded minimisation of the same function (1e-10)", () => {
    // scipy 1.10: minimize_scalar(z·(logsumexp(−x/z) − log n − log 0.05) over log z, bounded, xatol 1e-12).
    const x = Array.from({ length: 60 }, (_, i) => (((i * 7919) % 101) - 50) / 1000);
    expect(Math.abs(entropicValueAtRisk(x) - 0.04890852240733155)).toBeLessThan(1e-10);
    expect(Math.abs(entropicValueAtRisk(x, { convention: "skfolio" }) - 0.04890852240733155)).toBeLessThan(1e-10);
  });
  it("exact EVaR is the infimum: the worst loss here, below skfolio's bounded search", () => {
    expect(entropicValueAtRisk(r)).toBe(0.5);
  });
  it("skfolio's drawdown start: the first period's value is the first peak", () => {
    expect(Array.from(drawdownSeries([-0.1, 0.05], { compounded: false, startIsPeak: false }))).toEqual([0, 0]);
    expect(drawdownSeries([-0.1, 0.05], { compounded: false })[0]).toBeCloseTo(-0.1, 15);
  });
});

describe("what theory says of them (1,000 generated samples each)", () => {
  const sample = fc.array(fc.double({ min: -0.2, max: 0.2, noNaN: true }), { minLength: 20, maxLength: 200 });
  it("CVaR ≤ EVaR ≤ worst realisation, EVaR ≥ mean loss", () => {
    fc.assert(
      fc.property(sample, (x) => {
        const evar = entropicValueAtRisk(x);
        const cvar = empiricalTail(x, 0.95).conditionalValueAtRisk;
        return evar >= cvar - 1e-9 && evar <= worstRealisation(x) + 1e-12 && evar >= -meanOf(x) - 1e-9;
      }),
      { numRuns: 1000 },
    );
  });
  it("translation: adding a constant c to every return lowers EVaR by c and leaves dispersion unchanged", () => {
    fc.assert(
      fc.property(sample, fc.double({ min: -0.05, max: 0.05, noNaN: true }), (x, c) => {
        const y = x.map((v) => v + c);
        return (
          Math.abs(entropicValueAtRisk(y) - (entropicValueAtRisk(x) - c)) < 1e-8 &&
          Math.abs(meanAbsoluteDeviation(y) - meanAbsoluteDeviation(x)) < 1e-12 &&
          Math.abs(giniMeanDifference(y) - giniMeanDifference(x)) < 1e-12
        );
      }),
      { numRuns: 1000 },
    );
  });
  it("the O(n log n) Gini mean difference equals the pairwise definition; LPM(2) is the population semi-variance", () => {
    fc.assert(
      fc.property(sample, (x) => {
        let pairs = 0;
        for (const u of x) for (const v of x) pairs += Math.abs(u - v);
        const gmd = pairs / (x.length * (x.length - 1));
        return Math.abs(giniMeanDifference(x) - gmd) < 1e-12 && Math.abs(lowerPartialMoment(x, 2) - semiVariance(x, { ddof: 0 })) < 1e-15;
      }),
      { numRuns: 1000 },
    );
  });
});

describe("bad input is named", () => {
  it("NaN, a bad order, ddof, confidence, θ or convention", () => {
    expect(() => variance([0.1, Number.NaN])).toThrowError(/returns\[1\] is NaN/);
    expect(() => variance([0.1], { ddof: 1 })).toThrowError(/1 observation with ddof 1/);
    expect(() => variance(r, { ddof: 2 as 0 })).toThrowError(/ddof 2 must be 0/);
    expect(() => lowerPartialMoment(r, 1.5)).toThrowError(/order 1.5/);
    expect(() => entropicValueAtRisk(r, { confidence: 95 })).toThrowError(/confidence 95 must be a fraction/);
    expect(() => entropicRiskMeasure(r, { theta: 0 })).toThrowError(/theta 0/);
    expect(() => entropicValueAtRisk(r, { convention: "cvxpy" as "exact" })).toThrowError(/convention "cvxpy"/);
    expect(() => skewness([0.01, 0.01, 0.01])).toThrowError(/do not vary/);
    expect(() => semiVariance(r, { minimumAcceptableReturn: Number.NaN })).toThrowError(/minimumAcceptableReturn NaN/);
  });
});
