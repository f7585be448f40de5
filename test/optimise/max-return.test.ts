import { describe, expect, it } from "vitest";
import { InfeasibleError, InputError } from "../../src/core/errors";
import { maxReturn } from "../../src/optimise/max-return";
import { sectorLimits } from "../../src/optimise/constraints/sector-limits";
import { expected, expectedReturn, mu, snapshot, sum } from "./optimizer-fixtures";

describe("maxReturn", () => {
  it("puts everything in the best asset when long only, and fills the best assets up to their bounds (the TSDoc example)", () => {
    expect(expectedReturn(mu, maxReturn(mu).values)).toBeCloseTo(expected.fixture.maxReturn, 12);
    expect(Array.from(maxReturn({ labels: ["A", "B", "C"], values: Float64Array.of(0.1, 0.3, 0.2) }, { bounds: [0, 0.6] }).values)).toEqual([
      0, 0.6, 0.4,
    ]);
  });

  it("solves the LP with constraints (greedy would break the sector cap)", () => {
    const w = maxReturn(mu, { constraints: [sectorLimits({ sectorOf: { ACME: "X", DYNA: "X" }, caps: { X: 0.7 } })] });
    expect(w.values[0]! + w.values[3]!).toBeCloseTo(0.7, 10);
    expect(w.values[3]).toBeCloseTo(0.7, 10);
    expect(sum(w.values)).toBeCloseTo(1, 12);
  });

  it("market neutral: long the best, short the worst", () => {
    const w = maxReturn(mu, { marketNeutral: true });
    expect(sum(w.values)).toBeCloseTo(0, 12);
    expect(w.values[3]).toBeCloseTo(1, 12); // DYNA
    expect(w.values[1]).toBeCloseTo(-1, 12); // BOLT
  });

  it("throws for infeasible bounds, unbounded returns or NaN", () => {
    expect(() => maxReturn(mu, { bounds: [0, 0.1] })).toThrow(InfeasibleError);
    expect(() => maxReturn(mu, { bounds: [-Infinity, Infinity] })).toThrow(/unbounded/);
    expect(() => maxReturn({ labels: ["A"], values: Float64Array.of(NaN) })).toThrow(InputError);
  });

  it("does not modify its input", () => {
    const m = snapshot(mu);
    maxReturn(mu, { bounds: [0, 0.5] });
    expect(mu).toEqual(m);
  });
});
