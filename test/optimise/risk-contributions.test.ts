import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { riskContributions, varianceContributions } from "../../src/measures/risk-contributions";

describe("riskContributions", () => {
  const labels = ["A", "B"];
  const cov = { labels, values: Float64Array.of(0.01, 0, 0, 0.04) };

  it("gives each asset's share of variance (the TSDoc example)", () => {
    const rc = riskContributions({ labels, values: Float64Array.of(0.5, 0.5) }, cov).values;
    expect(rc[0]).toBeCloseTo(0.2, 15);
    expect(rc[1]).toBeCloseTo(0.8, 15);
  });

  it("sums to 1 with correlation and shorts", () => {
    const c = { labels, values: Float64Array.of(0.04, 0.018, 0.018, 0.09) };
    const rc = riskContributions({ labels, values: Float64Array.of(1.3, -0.3) }, c).values;
    expect(rc[0]! + rc[1]!).toBeCloseTo(1, 14);
  });

  it("throws InputError for mismatched labels or a zero-variance portfolio", () => {
    expect(() => riskContributions({ labels: ["B", "A"], values: Float64Array.of(0.5, 0.5) }, cov)).toThrow(/label 0 is B/);
    expect(() => riskContributions({ labels, values: Float64Array.of(0, 0) }, cov)).toThrow(InputError);
  });
});

describe("varianceContributions", () => {
  const labels = ["A", "B", "C"];
  const cov = { labels, values: Float64Array.of(0.04, 0.01, -0.004, 0.01, 0.09, 0.02, -0.004, 0.02, 0.16) };

  it("splits wᵀΣw into wᵢ(Σw)ᵢ (the TSDoc example, and a correlated case against the quadratic form)", () => {
    const two = varianceContributions({ labels: ["A", "B"], values: Float64Array.of(0.5, 0.5) }, { labels: ["A", "B"], values: Float64Array.of(0.01, 0, 0, 0.04) }, "f");
    expect(Array.from(two.products)).toEqual([0.0025, 0.01]);
    expect(two.variance).toBeCloseTo(0.0125, 16);
    const w = Float64Array.of(0.5, 0.3, 0.2);
    const { products, variance } = varianceContributions({ labels, values: w }, cov, "f");
    let quadratic = 0;
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) quadratic += w[i]! * cov.values[i * 3 + j]! * w[j]!;
    expect(variance).toBeCloseTo(quadratic, 16);
    expect(products.reduce((a, b) => a + b, 0)).toBeCloseTo(quadratic, 16);
  });

  it("names the caller and the bad weight, and refuses a portfolio without variance", () => {
    expect(() => varianceContributions({ labels, values: Float64Array.of(0.5, NaN, 0.5) }, cov, "myMeasure")).toThrow(/myMeasure: weight of B is NaN/);
    expect(() => varianceContributions({ labels, values: Float64Array.of(0.5, 0.5) }, cov, "f")).toThrow(/3 labels but 2 values/);
    try {
      varianceContributions({ labels, values: new Float64Array(3) }, cov, "f");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).code).toBe("ZERO_VOLATILITY");
    }
  });
});
