import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import { covarianceToCorrelation } from "../../../src/moments/risk-models/covariance-to-correlation";
import { sampleCovariance } from "../../../src/moments/risk-models/sample-covariance";
import { readEstimatorsExpected, readEstimatorsPrices, relativeError } from "../../fixtures/allocation/estimators/read-expected";

describe("covarianceToCorrelation", () => {
  it("matches pypfopt's cov_to_corr of the fixture's sample covariance to 1e-10", () => {
    const corr = covarianceToCorrelation(sampleCovariance(readEstimatorsPrices().prices));
    expect(relativeError(corr.values, readEstimatorsExpected().correlation.values)).toBeLessThan(1e-10);
  });

  it("is Sᵢⱼ / (σᵢσⱼ) (hand example) and does not modify its input", () => {
    const cov = { labels: ["A", "B"], values: Float64Array.from([0.04, 0.006, 0.006, 0.09]) };
    const corr = covarianceToCorrelation(cov);
    expect(corr.values[1]).toBeCloseTo(0.1, 15);
    expect(corr.values[0]).toBeCloseTo(1, 15);
    expect(Array.from(cov.values)).toEqual([0.04, 0.006, 0.006, 0.09]);
  });

  it("throws InputError naming a zero variance or a malformed matrix", () => {
    expect(() => covarianceToCorrelation({ labels: ["A", "FLAT"], values: Float64Array.from([0.04, 0, 0, 0]) })).toThrow(
      /variance of FLAT is 0, so its correlations are undefined/,
    );
    expect(() => covarianceToCorrelation({ labels: ["A", "B"], values: Float64Array.from([1, 2, 3]) })).toThrow(InputError);
  });
});
