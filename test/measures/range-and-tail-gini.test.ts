// Tail Gini, range, CVaR range and tail-Gini range against Riskfolio-Lib's OWA formulation (OwaWeights.py,
// transcribed to numpy in test/fixtures/risk/make_owa_measures.py), plus what theory says of them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cvarRange, empiricalTail, returnRange, tailGini, tailGiniRange, worstRealisation } from "../../src/measures/index";

const fixture = JSON.parse(readFileSync(join(__dirname, "../fixtures/risk/owa_measures.json"), "utf8")) as {
  returns: number[];
  tailGini: Record<string, number>;
  range: number;
  cvarRange: Record<string, number>;
  tailGiniRange: Record<string, number>;
  cvar: Record<string, number>;
};
const r = fixture.returns;

describe("Riskfolio-Lib's OWA figures (250 fat-tailed returns), to 1e-12", () => {
  it("CVaR 95 %: the fractional tail is Riskfolio-Lib's owa_cvar", () => {
    expect(empiricalTail(r, 0.95).conditionalValueAtRisk).toBeCloseTo(fixture.cvar["0.05"]!, 12);
  });
  it("tail Gini (a_sim 100 at 95 %, 50 at 90 %)", () => {
    expect(tailGini(r)).toBeCloseTo(fixture.tailGini["0.05"]!, 12);
    expect(tailGini(r, { beta: 0.9, steps: 50 })).toBeCloseTo(fixture.tailGini["0.1"]!, 12);
  });
  it("range, CVaR range (one and two confidences) and tail-Gini range", () => {
    expect(returnRange(r)).toBeCloseTo(fixture.range, 12);
    expect(cvarRange(r)).toBeCloseTo(fixture.cvarRange["0.05"]!, 12);
    expect(cvarRange(r, { beta: 0.95, gainsBeta: 0.9 })).toBeCloseTo(fixture.cvarRange["0.05,0.1"]!, 12);
    expect(tailGiniRange(r)).toBeCloseTo(fixture.tailGiniRange["0.05"]!, 12);
  });
});

describe("what theory says of them", () => {
  const sample = fc.array(fc.double({ min: -0.2, max: 0.2, noNaN: true }), { minLength: 20, maxLength: 200 });
  it("CVaR ≤ tail Gini ≤ worst realisation; CVaR range ≤ tail-Gini range ≤ range", () => {
    fc.assert(
      fc.property(sample, (xs) => {
        const tg = tailGini(xs);
        expect(tg).toBeGreaterThanOrEqual(empiricalTail(xs, 0.95).conditionalValueAtRisk - 1e-12);
        expect(tg).toBeLessThanOrEqual(worstRealisation(xs) + 1e-12);
        expect(cvarRange(xs)).toBeLessThanOrEqual(tailGiniRange(xs) + 1e-12);
        expect(tailGiniRange(xs)).toBeLessThanOrEqual(returnRange(xs) + 1e-12);
      }),
      { numRuns: 200 },
    );
  });
  it("translation: adding c lowers tail Gini by c and leaves the ranges unchanged", () => {
    const shifted = r.map((x) => x + 0.01);
    expect(tailGini(shifted)).toBeCloseTo(tailGini(r) - 0.01, 12);
    expect(cvarRange(shifted)).toBeCloseTo(cvarRange(r), 12);
    expect(tailGiniRange(shifted)).toBeCloseTo(tailGiniRange(r), 12);
    expect(returnRange(shifted)).toBeCloseTo(returnRange(r), 12);
  });
});

describe("bad input is named", () => {
  it("too few returns, a confidence that is a percentage, too few steps", () => {
    expect(() => tailGini([0.1])).toThrow(/returns/);
    expect(() => cvarRange(r, { beta: 95 })).toThrow(/confidence 95 must be a fraction/);
    expect(() => tailGini(r, { steps: 2 })).toThrow(/steps 2 must be a whole number ≥ 3/);
  });
});
