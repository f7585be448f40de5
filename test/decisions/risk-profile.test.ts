import { describe, expect, it } from "vitest";
import { RISK_PROFILES, riskProfile } from "../../src/decisions/risk-profile";

describe("risk profiles", () => {
  it("order from careful to bold on every setting", () => {
    const [c, b, a] = RISK_PROFILES;
    expect(c!.riskAversion).toBeGreaterThan(b!.riskAversion);
    expect(b!.riskAversion).toBeGreaterThan(a!.riskAversion);
    for (const key of ["maxVolatility", "maxWeight", "maxCrypto"] as const) {
      expect(c![key]).toBeLessThanOrEqual(b![key]);
      expect(b![key]).toBeLessThanOrEqual(a![key]);
    }
  });
  it("are found by name, case-insensitively, and an unknown name lists the known ones", () => {
    expect(riskProfile("balanced").name).toBe("Balanced");
    expect(() => riskProfile("Reckless")).toThrowError(/the profiles are Conservative, Balanced, Aggressive/);
  });
  it("cannot be changed", () => {
    expect(() => ((RISK_PROFILES[0] as { maxWeight: number }).maxWeight = 1)).toThrow();
  });
});
