import { describe, expect, it } from "vitest";
import { firstFinding } from "../../src/validation";
import { findings, gapFinding, longGapFinding, staleFinding } from "../fixtures/validation/findings";

describe("firstFinding", () => {
  it("is the first finding of a rule", () => {
    expect(firstFinding(findings, "stale-price")).toBe(staleFinding);
    expect(firstFinding(findings, "price-gap")).toBe(longGapFinding);
  });
  it("is the first that allows a decision when one is asked for", () => {
    expect(firstFinding(findings, "price-gap", "adjust")).toBe(gapFinding);
  });
  it("is undefined when there is none", () => {
    expect(firstFinding(findings, "missing-year")).toBeUndefined();
    expect(firstFinding(findings, "stale-price", "adjust")).toBeUndefined();
  });
});
