import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import { riskContributions } from "../../../src/allocation/optimizers/risk-contributions";

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
