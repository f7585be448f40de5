import { describe, expect, it } from "vitest";
import { InfeasibleError, InputError } from "../../src/core/errors";
import type { LabelledMatrix, LabelledVector } from "../../src/core/frame";
import { allocateForRiskProfile } from "../../src/decisions/risk-profile-allocation";
import { RISK_PROFILES, riskProfile, type RiskProfile } from "../../src/decisions/risk-profile";
import { maxQuadraticUtility } from "../../src/optimise/max-quadratic-utility";
import { minVolatility } from "../../src/optimise/min-volatility";
import { sectorLimits } from "../../src/optimise/constraints/sector-limits";

// Bond, four correlated equities (ρ = 0.5) and one uncorrelated, very volatile crypto asset.
const labels = ["BOND", "STOCK", "VALUE", "GROWTH", "SMALL", "BTC"];
const mu: LabelledVector = { labels, values: Float64Array.of(0.03, 0.08, 0.07, 0.1, 0.09, 0.3) };
const sd = [0.05, 0.16, 0.15, 0.22, 0.25, 0.8];
const cov: LabelledMatrix = {
  labels,
  values: Float64Array.from({ length: 36 }, (_, k) => {
    const i = Math.floor(k / 6);
    const j = k % 6;
    if (i === j) return sd[i]! ** 2;
    return i >= 1 && i <= 4 && j >= 1 && j <= 4 ? 0.5 * sd[i]! * sd[j]! : 0;
  }),
};
const assetClassOf = { BOND: "bond", STOCK: "equity", VALUE: "equity", GROWTH: "equity", SMALL: "equity", BTC: "crypto" };
const volatility = (w: LabelledVector) => {
  let v = 0;
  for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) v += w.values[i]! * cov.values[i * 6 + j]! * w.values[j]!;
  return Math.sqrt(v);
};
const sum = (w: LabelledVector) => w.values.reduce((a, b) => a + b, 0);

describe("allocateForRiskProfile", () => {
  it("keeps every profile's weight and crypto caps, long only and fully invested", () => {
    for (const profile of RISK_PROFILES) {
      const w = allocateForRiskProfile(profile, mu, cov, { assetClassOf });
      expect(w.labels).toEqual(labels);
      expect(sum(w)).toBeCloseTo(1, 10);
      for (const x of w.values) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(profile.maxWeight + 1e-9);
      }
      expect(w.values[5]!).toBeLessThanOrEqual(profile.maxCrypto + 1e-9);
    }
  });

  it("is the maximum quadratic utility portfolio when its volatility is within the cap (Balanced, Aggressive)", () => {
    for (const name of ["Balanced", "Aggressive"]) {
      const profile = riskProfile(name);
      const w = allocateForRiskProfile(profile, mu, cov, { assetClassOf });
      const expected = maxQuadraticUtility(mu, cov, {
        riskAversion: profile.riskAversion,
        bounds: [0, profile.maxWeight],
        constraints: [sectorLimits({ sectorOf: assetClassOf, caps: { crypto: profile.maxCrypto } })],
      });
      expect(Array.from(w.values)).toEqual(Array.from(expected.values));
      expect(volatility(w)).toBeLessThanOrEqual(profile.maxVolatility);
    }
    // The crypto cap binds for both: BTC's 30 % expected return would otherwise take more.
    expect(allocateForRiskProfile(riskProfile("Aggressive"), mu, cov, { assetClassOf }).values[5]).toBeCloseTo(0.08, 8);
  });

  it("moves down the frontier to the volatility cap when the utility portfolio is too volatile", () => {
    const bold: RiskProfile = { ...riskProfile("Aggressive"), riskAversion: 0.5, maxVolatility: 0.14 };
    const unconstrained = maxQuadraticUtility(mu, cov, { riskAversion: 0.5, bounds: [0, 0.35], constraints: [sectorLimits({ sectorOf: assetClassOf, caps: { crypto: 0.08 } })] });
    expect(volatility(unconstrained)).toBeGreaterThan(0.14);
    const w = allocateForRiskProfile(bold, mu, cov, { assetClassOf });
    expect(volatility(w)).toBeCloseTo(0.14, 7);
    expect(volatility(w)).toBeLessThanOrEqual(0.14 + 1e-8);
    expect(w.values[5]!).toBeLessThanOrEqual(0.08 + 1e-9);
  });

  it("returns the minimum-volatility portfolio (same constraints) when even that is above the cap (Conservative here)", () => {
    const conservative = riskProfile("Conservative");
    const w = allocateForRiskProfile(conservative, mu, cov, { assetClassOf });
    const least = minVolatility(cov, { bounds: [0, 0.2], constraints: [sectorLimits({ sectorOf: assetClassOf, caps: { crypto: 0 } })] });
    expect(Array.from(w.values)).toEqual(Array.from(least.values));
    expect(volatility(w)).toBeGreaterThan(conservative.maxVolatility); // documented: total, but above the cap
    expect(w.values[5]).toBe(0);
  });

  it("applies no crypto cap when no asset is crypto, and the risk-free rate does not move the weights", () => {
    const a = allocateForRiskProfile(riskProfile("Aggressive"), mu, cov);
    expect(a.values[5]!).toBeGreaterThan(0.08);
    const b = allocateForRiskProfile(riskProfile("Aggressive"), mu, cov, { riskFreeRate: 0.04 });
    for (let i = 0; i < 6; i++) expect(b.values[i]).toBeCloseTo(a.values[i]!, 8);
  });

  it("throws an InfeasibleError when the weight cap cannot be fully invested, and an InputError for a bad profile", () => {
    const three = { labels: labels.slice(0, 3), values: mu.values.slice(0, 3) };
    const cov3 = { labels: three.labels, values: Float64Array.of(0.0025, 0, 0, 0, 0.0256, 0.012, 0, 0.012, 0.0225) };
    expect(() => allocateForRiskProfile(riskProfile("Balanced"), three, cov3)).toThrowError(InfeasibleError);
    expect(() => allocateForRiskProfile({ ...riskProfile("Balanced"), riskAversion: -1 }, mu, cov)).toThrowError(InputError);
    expect(() => allocateForRiskProfile(riskProfile("Balanced"), mu, cov, { riskFreeRate: NaN })).toThrowError(/riskFreeRate NaN/);
  });

  it("does not change its inputs", () => {
    const before = [Array.from(mu.values), Array.from(cov.values)];
    allocateForRiskProfile(riskProfile("Balanced"), mu, cov, { assetClassOf });
    expect([Array.from(mu.values), Array.from(cov.values)]).toEqual(before);
  });
});
