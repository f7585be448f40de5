import { describe, expect, it } from "vitest";
import { InfeasibleError, InputError } from "../../../src/core/errors";
import { boundedSplit, closestWithinBounds, hierarchicalBounds } from "../../../src/optimise/hrp/hierarchical-bounds";
import { seededRandom } from "../helpers/random";

describe("hierarchicalBounds", () => {
  it("expands the bounds, caps uppers at 1 and names infeasible or negative ones", () => {
    expect(Array.from(hierarchicalBounds([0.1, 2], ["A", "B"], "herc").upper)).toEqual([1, 1]);
    expect(() => hierarchicalBounds([0, 0.2], ["A", "B", "C"], "herc")).toThrow(InfeasibleError);
    expect(() => hierarchicalBounds([0, 0.2], ["A", "B", "C"], "herc")).toThrow(/herc: upper bounds sum to 0.6 < 1/);
    expect(() => hierarchicalBounds([[0.6, 1], [0.5, 1]], ["A", "B"], "hrp")).toThrow(/lower bounds sum to 1.1 > 1/);
    expect(() => hierarchicalBounds([[-0.1, 1], [0, 1]], ["A", "B"], "hrp")).toThrow(InputError);
    expect(() => hierarchicalBounds([[-0.1, 1], [0, 1]], ["A", "B"], "hrp")).toThrow(/lower bound of A is -0.1; hierarchical allocations are long only/);
    expect(() => hierarchicalBounds([[0.5, 0.4], [0, 1]], ["A", "B"], "hrp")).toThrow(/lower bound of A \(0.5\) is above its upper bound/);
  });
});

describe("boundedSplit", () => {
  const bounds = { lower: Float64Array.of(0, 0.1, 0), upper: Float64Array.of(0.3, 1, 0.5) };
  it("moves α into [ΣL_L/W, ΣU_L/W] and 1 − α into [ΣL_R/W, ΣU_R/W] (the TSDoc example)", () => {
    expect(boundedSplit(0.8, 1, [0], [1], { lower: Float64Array.of(0, 0), upper: Float64Array.of(0.3, 1) })).toBeCloseTo(0.3, 15);
    expect(boundedSplit(0.9, 0.5, [0], [1, 2], bounds)).toBeCloseTo(0.6, 15); // left capped at 0.3 / 0.5
    expect(boundedSplit(0.95, 1, [0, 1], [2], bounds)).toBeCloseTo(0.95, 15);
    expect(boundedSplit(0.2, 1, [0, 2], [1], { lower: Float64Array.of(0, 0, 0), upper: Float64Array.of(1, 0.5, 1) })).toBeCloseTo(0.5, 15);
  });
});

describe("closestWithinBounds", () => {
  it("gives the TSDoc example and leaves weights inside their bounds alone", () => {
    const w = closestWithinBounds(Float64Array.of(0.5, 0.3, 0.2), { lower: new Float64Array(3), upper: Float64Array.of(0.4, 1, 1) });
    expect(w[0]).toBeCloseTo(0.4, 15);
    expect(Array.from(w).map((x) => Number(x.toFixed(4)))).toEqual([0.4, 0.3692, 0.2308]);
    expect((w[1]! - 0.3) / 0.09).toBeCloseTo((w[2]! - 0.2) / 0.04, 12); // the same multiplier ν on w⁰²
    const inside = Float64Array.of(0.2, 0.3, 0.5);
    expect(Array.from(closestWithinBounds(inside, { lower: new Float64Array(3), upper: new Float64Array(3).fill(1) }))).toEqual([0.2, 0.3, 0.5]);
  });

  it("is the minimum of Σ((w − w⁰)/w⁰)²: no random feasible nearby portfolio does better", () => {
    const rand = seededRandom(11);
    for (let trial = 0; trial < 20; trial++) {
      const n = 6;
      const w0 = Float64Array.from({ length: n }, () => 0.05 + rand());
      const s = w0.reduce((a, x) => a + x, 0);
      w0.forEach((x, i) => (w0[i] = x / s));
      const lower = Float64Array.from({ length: n }, () => 0.1 * rand());
      const upper = Float64Array.from(lower, (l) => l + 0.1 + 0.2 * rand());
      if (lower.reduce((a, x) => a + x, 0) > 1 || upper.reduce((a, x) => a + x, 0) < 1) continue;
      const w = closestWithinBounds(w0, { lower, upper });
      const cost = (v: ArrayLike<number>) => Array.from(v).reduce((a, x, i) => a + ((x - w0[i]!) / w0[i]!) ** 2, 0);
      expect(Math.abs(w.reduce((a, x) => a + x, 0) - 1)).toBeLessThan(1e-12);
      w.forEach((x, i) => expect(x >= lower[i]! - 1e-15 && x <= upper[i]! + 1e-15).toBe(true));
      for (let k = 0; k < 50; k++) {
        // move some weight from one asset to another, staying within bounds
        const i = Math.floor(rand() * n);
        const j = Math.floor(rand() * n);
        const d = 0.01 * (rand() - 0.5);
        const v = Float64Array.from(w);
        v[i] = v[i]! + d;
        v[j] = v[j]! - d;
        if (i === j || v[i]! < lower[i]! || v[i]! > upper[i]! || v[j]! < lower[j]! || v[j]! > upper[j]!) continue;
        expect(cost(v)).toBeGreaterThanOrEqual(cost(w) - 1e-12);
      }
    }
  });

  it("returns the lower bounds when they add up to 1, and rejects unreachable bounds or non-positive weights", () => {
    expect(Array.from(closestWithinBounds(Float64Array.of(0.7, 0.3), { lower: Float64Array.of(0.5, 0.5), upper: Float64Array.of(1, 1) }))).toEqual([0.5, 0.5]);
    expect(() => closestWithinBounds(Float64Array.of(0.7, 0.3), { lower: Float64Array.of(0, 0), upper: Float64Array.of(0.4, 0.4) })).toThrow(InfeasibleError);
    expect(() => closestWithinBounds(Float64Array.of(1, 0), { lower: Float64Array.of(0, 0), upper: Float64Array.of(0.6, 0.6) })).toThrow(/weight 1 is 0/);
  });
});

describe("closestWithinBounds, absolute distance", () => {
  it("is the Euclidean projection clip(w⁰ + ν) and moves weights that start at 0", () => {
    const w = closestWithinBounds(Float64Array.of(0.7, 0.3, 0), { lower: Float64Array.of(0, 0, 0.1), upper: Float64Array.of(0.5, 1, 1) }, { distance: "absolute" });
    // 0.5 capped; the rest 0.5 shared as clip(w⁰ + ν): 0.3 + ν and max(0.1, ν) with ν = 0.1 → 0.4, 0.1.
    expect(Array.from(w).map((x) => Number(x.toFixed(12)))).toEqual([0.5, 0.4, 0.1]);
  });
});
