import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import type { LabelledMatrix, LabelledVector } from "../../../src/core/frame";
import { blackLitterman } from "../../../src/moments/black-litterman/black-litterman";
import { marketImpliedPriorReturns } from "../../../src/moments/black-litterman/market-implied-prior-returns";
import { relativeViews } from "../../../src/moments/black-litterman/relative-views";
import { sampleCovariance } from "../../../src/moments/risk-models/sample-covariance";
import {
  readEstimatorsExpected,
  readEstimatorsPrices,
  relativeError,
  type ExpectedBlackLitterman,
} from "../../fixtures/allocation/estimators/read-expected";

const expected = readEstimatorsExpected().blackLitterman;
const { prices } = readEstimatorsPrices();
const cov = sampleCovariance(prices);
const delta = expected.riskAversion;
const pi = marketImpliedPriorReturns(expected.marketCaps, cov, { riskAversion: delta, riskFreeRate: 0.02 });
const relative = relativeViews(cov.labels, [
  { long: ["CRUX", "FLUX"], short: ["ACME"], value: 0.03 },
  { long: ["DYNA"], short: ["BOLT"], value: -0.01 },
]);
const n = cov.labels.length;

function expectMatches(result: ReturnType<typeof blackLitterman>, e: ExpectedBlackLitterman): void {
  expect(result.posteriorReturns.labels).toEqual(cov.labels);
  expect(relativeError(result.omega.flat(), e.omega)).toBeLessThan(1e-8);
  expect(relativeError(result.posteriorReturns.values, e.posteriorReturns)).toBeLessThan(1e-8);
  expect(relativeError(result.posteriorCovariance.values, e.posteriorCovariance)).toBeLessThan(1e-8);
  expect(relativeError(result.weights.values, e.weights)).toBeLessThan(1e-8);
}

/** P·x for the views of a result. */
function viewValues(P: number[][], x: Float64Array): number[] {
  return P.map((row) => row.reduce((s, p, j) => s + p * x[j]!, 0));
}

describe("blackLitterman", () => {
  it("matches BlackLittermanModel on absolute views with the default omega to 1e-8", () => {
    expectMatches(blackLitterman({ cov, pi, absoluteViews: expected.absolute.views!, riskAversion: delta }), expected.absolute);
  });

  it("matches with tau = 0.2", () => {
    expectMatches(blackLitterman({ cov, pi, absoluteViews: expected.absolute.views!, riskAversion: delta, tau: 0.2 }), expected.absoluteTau);
  });

  it("matches on relative views built by relativeViews (P as in the reference)", () => {
    expect(relative.P).toEqual(expected.relative.P);
    expectMatches(blackLitterman({ cov, pi, ...relative, riskAversion: delta }), expected.relative);
  });

  it("matches with Idzorek's omega from confidences, relative and absolute (100 % and 0 % included)", () => {
    expectMatches(blackLitterman({ cov, pi, ...relative, viewConfidences: expected.idzorek.confidences!, riskAversion: delta }), expected.idzorek);
    expectMatches(
      blackLitterman({ cov, pi, absoluteViews: expected.idzorekAbsolute.views!, viewConfidences: expected.idzorekAbsolute.confidences!, riskAversion: delta }),
      expected.idzorekAbsolute,
    );
  });

  it("matches with a given omega, and with P left out when Q has one view per asset (P = I)", () => {
    const e = expected.omega;
    expectMatches(blackLitterman({ cov, pi, P: e.P!, Q: e.Q!, omega: e.givenOmega!, riskAversion: delta }), e);
    expectMatches(blackLitterman({ cov, pi, Q: expected.identityP.Q!, riskAversion: delta }), expected.identityP);
  });

  it("returns the prior and (1 + τ)Σ when there are no views", () => {
    for (const result of [blackLitterman({ cov, pi }), blackLitterman({ cov, pi, absoluteViews: {} }), blackLitterman({ cov, pi, P: [], Q: [] })]) {
      expect(Array.from(result.posteriorReturns.values)).toEqual(Array.from(pi.values));
      expect(relativeError(result.posteriorCovariance.values, cov.values.map((x) => 1.05 * x))).toBeLessThan(1e-15);
      expect(result.omega).toEqual([]);
    }
    // The implied weights of the market-implied prior, with its risk-free rate removed, are the market weights.
    const excess = { labels: pi.labels, values: pi.values.map((x) => x - 0.02) };
    const w = blackLitterman({ cov, pi: excess, riskAversion: delta }).weights.values;
    const caps = cov.labels.map((t) => expected.marketCaps[t]!);
    const total = caps.reduce((s, c) => s + c, 0);
    caps.forEach((c, i) => expect(w[i]).toBeCloseTo(c / total, 12));
  });

  it("makes the posterior satisfy a view held with 100 % confidence, and all but ignores one held with 0 %", () => {
    const certain = blackLitterman({ cov, pi, ...relative, viewConfidences: [1, 1] });
    viewValues(certain.views.P, certain.posteriorReturns.values).forEach((v, k) => expect(v).toBeCloseTo(relative.Q[k]!, 14));
    expect(certain.leastSquares).toBe(false);
    const ignored = blackLitterman({ cov, pi, ...relative, viewConfidences: [0, 0] });
    expect(relativeError(ignored.posteriorReturns.values, pi.values)).toBeLessThan(1e-6);
  });

  it("solves by least squares when two identical views are certain (A singular), still satisfying them", () => {
    const twice = blackLitterman({ cov, pi, P: [relative.P[0]!, relative.P[0]!], Q: [0.03, 0.03], viewConfidences: [1, 1] });
    expect(twice.leastSquares).toBe(true);
    expect(viewValues(twice.views.P, twice.posteriorReturns.values)[0]).toBeCloseTo(0.03, 14);
    const once = blackLitterman({ cov, pi, P: [relative.P[0]!], Q: [0.03], viewConfidences: [1] });
    expect(relativeError(twice.posteriorReturns.values, once.posteriorReturns.values)).toBeLessThan(1e-10);
  });

  it("does not modify its inputs", () => {
    const covBefore: LabelledMatrix = { labels: [...cov.labels], values: Float64Array.from(cov.values) };
    const piBefore: LabelledVector = { labels: [...pi.labels], values: Float64Array.from(pi.values) };
    const P = relative.P.map((row) => [...row]);
    const Q = [...relative.Q];
    const confidences = [0.6, 0.25];
    blackLitterman({ cov, pi, P, Q, viewConfidences: confidences, tau: 0.1, riskAversion: 3 });
    expect(cov).toEqual({ ...covBefore, repaired: cov.repaired, minEigenvalue: cov.minEigenvalue });
    expect(pi).toEqual(piBefore);
    expect(P).toEqual(relative.P);
    expect(Q).toEqual(relative.Q);
    expect(confidences).toEqual([0.6, 0.25]);
  });

  it("names a view on an unknown ticker, a confidence outside [0, 1] and a P/Q shape mismatch", () => {
    expect(() => blackLitterman({ cov, pi, absoluteViews: { AAPX: 0.1 } })).toThrow(/blackLitterman: there is a view on AAPX, which is not in the covariance/);
    expect(() => blackLitterman({ cov, pi, ...relative, viewConfidences: [0.5, 1.2] })).toThrow(
      /the confidence in view 2 \(DYNA − BOLT\) is 1.2; confidences are fractions in \[0, 1\]/,
    );
    expect(() => blackLitterman({ cov, pi, absoluteViews: { FLUX: 0.2 }, viewConfidences: [-0.1] })).toThrow(/view 1 \(FLUX\) is -0.1/);
    expect(() => blackLitterman({ cov, pi, P: relative.P, Q: [0.03] })).toThrow(/P has 2 rows but Q has 1 view/);
    expect(() => blackLitterman({ cov, pi, P: [[1, 0, 0]], Q: [0.03] })).toThrow(/row 1 of P \(view 1\) has 3 entries but there are 6 assets/);
    expect(() => blackLitterman({ cov, pi, Q: [0.1, 0.2] })).toThrow(/Q has 2 views but there is no P/);
    expect(() => blackLitterman({ cov, pi, P: relative.P })).toThrow(/P was given without Q/);
    expect(() => blackLitterman({ cov, pi, ...relative, viewConfidences: [0.5] })).toThrow(/1 view confidence for 2 views/);
  });

  it("rejects conflicting inputs, a bad omega, tau or risk aversion, and mismatched labels, with InputError", () => {
    const omega = [[0.0004, 0], [0, 0.0009]];
    expect(() => blackLitterman({ cov, pi, absoluteViews: { ACME: 0.1 }, Q: [0.1] })).toThrow(/both absoluteViews and P\/Q/);
    expect(() => blackLitterman({ cov, pi, ...relative, omega, viewConfidences: [1, 1] })).toThrow(/both omega and viewConfidences/);
    expect(() => blackLitterman({ cov, pi, ...relative, omega: [[0.0004]] })).toThrow(/omega is 1 × 1 but there are 2 views/);
    expect(() => blackLitterman({ cov, pi, ...relative, omega: [[0.0004, 0.0001], [0, 0.0009]] })).toThrow(/blackLitterman: omega: covariance is not symmetric/);
    expect(() => blackLitterman({ cov, pi, tau: 0 })).toThrow(/tau 0 is not in \(0, 1\]/);
    expect(() => blackLitterman({ cov, pi, riskAversion: -0.7 })).toThrow(/riskAversion -0.7 is not a positive number/);
    expect(() => blackLitterman({ cov, pi: { labels: [...pi.labels].reverse(), values: pi.values } })).toThrow(/pi label 0 is FLUX but cov label 0 is ACME/);
    expect(() => blackLitterman({ cov, pi: { labels: pi.labels, values: pi.values.map((x, i) => (i === 2 ? NaN : x)) } })).toThrow(
      /the prior return of CRUX is NaN/,
    );
    expect(() => blackLitterman({ cov, pi, P: [new Array<number>(n).fill(0)], Q: [0.1] })).toThrow(/row 1 of P \(view 1\) is all zero/);
    expect(() => blackLitterman({ cov, pi, absoluteViews: { ACME: Infinity } })).toThrow(InputError);
  });
});
