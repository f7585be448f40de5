import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { assetRiskContributions } from "../../src/measures/asset-risk-contributions";
import { groupRiskContributions, sectorRiskContributions } from "../../src/measures/group-risk-contributions";
import { readRiskExpected } from "./helpers/expected";

const { contributions: fx } = readRiskExpected();
const weights = { labels: fx.labels, values: Float64Array.from(fx.weights) };
const cov = { labels: fx.labels, values: Float64Array.from(fx.covariance) };
const instruments = fx.labels.map((t) => ({
  ticker: t,
  assetClass: fx.sectors[t] === "Tech" ? "equity" : fx.sectors[t]!,
  sector: fx.sectors[t] === "Tech" ? "Tech" : null,
}));

describe("assetRiskContributions", () => {
  it("matches numpy's wᵢ(Σw)ᵢ/σ, summing to σ, and fractions summing to 1", () => {
    const rc = assetRiskContributions(weights, cov);
    expect(rc.volatility).toBeCloseTo(fx.volatility, 15);
    rc.contributions.values.forEach((v, i) => expect(v).toBeCloseTo(fx.contributions[i]!, 15));
    rc.fractions.values.forEach((v, i) => expect(v).toBeCloseTo(fx.fractions[i]!, 14));
    expect(rc.contributions.values.reduce((s, x) => s + x, 0)).toBeCloseTo(rc.volatility, 15);
    expect(rc.fractions.values.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 15);
  });

  it("computes a hand case: 50/50 of σ = 20 % and 30 %, uncorrelated → fractions 4/13 and 9/13", () => {
    const labels = ["A", "B"];
    const rc = assetRiskContributions({ labels, values: Float64Array.of(0.5, 0.5) }, { labels, values: Float64Array.of(0.04, 0, 0, 0.09) });
    expect(rc.volatility).toBeCloseTo(Math.sqrt(0.0325), 15);
    expect(rc.fractions.values[0]).toBeCloseTo(4 / 13, 15);
    expect(rc.contributions.values[1]).toBeCloseTo(0.0225 / Math.sqrt(0.0325), 15);
  });

  it("gives a hedge a negative contribution", () => {
    const labels = ["A", "B"];
    const rc = assetRiskContributions({ labels, values: Float64Array.of(1, 0.2) }, { labels, values: Float64Array.of(0.04, -0.03, -0.03, 0.09) });
    expect(rc.contributions.values[1]).toBeLessThan(0);
  });

  it("rejects mismatched labels, NaN weights and a zero-volatility portfolio", () => {
    expect(() => assetRiskContributions({ labels: ["B", "A", "C", "D"], values: weights.values }, cov)).toThrowError(/weights label 0 is B but cov label 0 is EQA/);
    expect(() => assetRiskContributions({ labels: fx.labels, values: Float64Array.of(NaN, 0, 0, 0) }, cov)).toThrowError(/weight of EQA is NaN/);
    expect(() => assetRiskContributions({ labels: fx.labels, values: new Float64Array(4) }, cov)).toThrowError(InputError);
  });

  it("does not change its inputs", () => {
    const w = { labels: [...fx.labels], values: Float64Array.from(fx.weights) };
    const S = { labels: [...fx.labels], values: Float64Array.from(fx.covariance) };
    assetRiskContributions(w, S);
    expect(Array.from(w.values)).toEqual(fx.weights);
    expect(Array.from(S.values)).toEqual(fx.covariance);
  });
});

describe("sectorRiskContributions and groupRiskContributions", () => {
  it("sum contributions and weights by sector, assets without one under their asset class (numpy)", () => {
    const bySector = sectorRiskContributions(assetRiskContributions(weights, cov), instruments);
    expect(bySector.contributions.labels).toEqual(fx.sectorLabels);
    bySector.contributions.values.forEach((v, i) => expect(v).toBeCloseTo(fx.sectorContributions[i]!, 15));
    bySector.weights.values.forEach((v, i) => expect(v).toBeCloseTo(fx.sectorWeights[i]!, 15));
    expect(bySector.fractions.values.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 15);
  });

  it("name the assets without a group or profile", () => {
    const rc = assetRiskContributions(weights, cov);
    expect(() => groupRiskContributions(rc, { EQA: "x", EQB: "x" })).toThrowError(/BND, GLD have no group/);
    expect(() => sectorRiskContributions(rc, instruments.slice(1))).toThrowError(/EQA is not in the instrument list/);
  });
});
