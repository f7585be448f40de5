import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import { correlationToCovariance } from "../../../src/moments/risk-models/correlation-to-covariance";
import { covarianceToCorrelation } from "../../../src/moments/risk-models/covariance-to-correlation";
import { sampleCovariance } from "../../../src/moments/risk-models/sample-covariance";
import { readEstimatorsExpected, readEstimatorsPrices, relativeError } from "../../fixtures/allocation/estimators/read-expected";

describe("correlationToCovariance", () => {
  it("round-trips the fixture's covariance as pypfopt's corr_to_cov(cov_to_corr(S), σ) to 1e-10", () => {
    const cov = sampleCovariance(readEstimatorsPrices().prices);
    const n = cov.labels.length;
    const stdevs = { labels: cov.labels, values: Float64Array.from({ length: n }, (_, i) => Math.sqrt(cov.values[i * n + i]!)) };
    const back = correlationToCovariance(covarianceToCorrelation(cov), stdevs);
    expect(relativeError(back.values, readEstimatorsExpected().correlation.roundTrip)).toBeLessThan(1e-10);
    expect(relativeError(back.values, cov.values)).toBeLessThan(1e-13);
  });

  it("is ρᵢⱼσᵢσⱼ (hand example) and does not modify its inputs", () => {
    const corr = { labels: ["A", "B"], values: Float64Array.from([1, 0.1, 0.1, 1]) };
    const sd = { labels: ["A", "B"], values: Float64Array.from([0.2, 0.3]) };
    expect(correlationToCovariance(corr, sd).values[1]).toBeCloseTo(0.006, 16);
    expect(Array.from(corr.values)).toEqual([1, 0.1, 0.1, 1]);
    expect(Array.from(sd.values)).toEqual([0.2, 0.3]);
  });

  it("throws InputError naming a covariance passed as a correlation, a bad volatility or a label mismatch", () => {
    const corr = { labels: ["A", "B"], values: Float64Array.from([1, 0.1, 0.1, 1]) };
    const sd = { labels: ["A", "B"], values: Float64Array.from([0.2, 0.3]) };
    expect(() => correlationToCovariance({ labels: ["A", "B"], values: Float64Array.from([0.04, 0.006, 0.006, 0.09]) }, sd)).toThrow(
      /corr\(A, A\) is 0.04; a correlation matrix has 1 on its diagonal/,
    );
    expect(() => correlationToCovariance(corr, { labels: ["A", "B"], values: Float64Array.from([0.2, -0.3]) })).toThrow(/standard deviation of B is -0.3/);
    expect(() => correlationToCovariance(corr, { labels: ["B", "A"], values: Float64Array.from([0.2, 0.3]) })).toThrow(/stdevs label 0 is B but corr label 0 is A/);
    expect(() => correlationToCovariance({ labels: ["A", "B"], values: Float64Array.from([1, 1.5, 1.5, 1]) }, sd)).toThrow(InputError);
  });
});
