import { describe, expect, it } from "vitest";
import { checkRiskAversion, checkTau } from "../../../src/moments/black-litterman/check-black-litterman-scalars";

describe("checkTau and checkRiskAversion", () => {
  it("accept τ in (0, 1] and δ > 0, and throw InputError otherwise", () => {
    expect(checkTau(1, "f")).toBe(1);
    expect(() => checkTau(1.01, "f")).toThrow(/f: tau 1.01 is not in \(0, 1\]/);
    expect(() => checkTau(NaN, "f")).toThrow(/tau NaN/);
    expect(checkRiskAversion(2.5, "f")).toBe(2.5);
    expect(() => checkRiskAversion(0, "f")).toThrow(/f: riskAversion 0 is not a positive number/);
    expect(() => checkRiskAversion(Infinity, "f")).toThrow(/riskAversion Infinity/);
  });
});
