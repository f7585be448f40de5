import { describe, expect, it } from "vitest";
import { InfeasibleError, InputError } from "../../../src/core/errors";
import type { LabelledVector } from "../../../src/core/frame";
import { discreteAllocation } from "../../../src/decisions/discrete/discrete-allocation";
import { greedyAllocation } from "../../../src/decisions/discrete/greedy-allocation";
import { integerAllocation } from "../../../src/decisions/discrete/integer-allocation";
import type { DiscreteAllocationMethod } from "../../../src/decisions/discrete/discrete-allocation-method";

const vector = (record: Record<string, number>): LabelledVector => ({ labels: Object.keys(record), values: Float64Array.from(Object.values(record)) });

/** Σ|wᵢV − pᵢxᵢ| + leftover: the objective of lp_portfolio. */
function objective(w: Record<string, number>, p: Record<string, number>, V: number, shares: Record<string, number>): number {
  let deviation = 0;
  let cost = 0;
  for (const t of Object.keys(w)) {
    const x = shares[t] ?? 0;
    deviation += Math.abs(w[t]! * V - p[t]! * x);
    cost += p[t]! * x;
  }
  return deviation + V - cost;
}

describe("discreteAllocation", () => {
  it("known answer: {A: 0.5, B: 0.5}, prices {A: 30, B: 70}, V = 1,000 → 17 A and 7 B with both methods", async () => {
    // Greedy. Round 1 (by weight, ties in input order): A ⌊500/30⌋ = 16 shares (480), B ⌊500/70⌋ = 7 (490);
    //   cash 1000 − 970 = 30. Round 2: weights held A 480/970 = 0.4948, B 0.5052; A is 0.0052 under its 0.5 and
    //   a share costs 30 ≤ 30 → buy one A; cash 0 → stop. Result A 17, B 7, leftover 0.
    // Integer. With weights summing to 1 the objective Σ|eᵢ| + r, eᵢ = wᵢV − pᵢxᵢ, r = Σeᵢ, is 2·Σmax(0, eᵢ).
    //   B = 7 (e_B = 10) with A ≥ 17 (e_A ≤ 0) and 30·A ≤ 510 → A = 17: objective 20. B = 8 (e_B = −60) allows
    //   A ≤ 14 (e_A ≥ 80): 160. B ≤ 6: e_B ≥ 80. So {A: 17, B: 7}, leftover 0, is the unique optimum.
    const w = vector({ A: 0.5, B: 0.5 });
    const p = vector({ A: 30, B: 70 });
    for (const method of [greedyAllocation, integerAllocation]) {
      const result = await discreteAllocation(w, p, 1000, { method });
      expect(result.shares).toEqual({ A: 17, B: 7 });
      expect(result.leftover).toBeCloseTo(0, 12);
      expect(Array.from(result.allocatedWeights.values)).toEqual([0.51, 0.49]);
      expect(result.allocatedWeights.labels).toEqual(["A", "B"]);
      expect(result.method).toBe(method.name);
    }
  });

  it("known answer where the methods differ: {A: 0.5, B: 0.5}, prices {A: 10, B: 55}, V = 200", async () => {
    // Greedy. Round 1: A ⌊100/10⌋ = 10 (100), B ⌊100/55⌋ = 1 (55); cash 45. Round 2: B is under (55/155 = 0.355)
    //   but its share (55) costs more than the cash; A is over → stop. {A: 10, B: 1}, leftover 45; objective
    //   |100 − 100| + |100 − 55| + 45 = 90.
    // Integer. {A: 9, B: 2} costs 90 + 110 = 200: objective |100 − 90| + |100 − 110| + 0 = 20, the unique minimum
    //   (checked by enumerating every affordable (A, B) below).
    const wr = { A: 0.5, B: 0.5 };
    const pr = { A: 10, B: 55 };
    const greedy = await discreteAllocation(vector(wr), vector(pr), 200, { method: greedyAllocation });
    expect(greedy.shares).toEqual({ A: 10, B: 1 });
    expect(greedy.leftover).toBe(45);
    const exact = await discreteAllocation(vector(wr), vector(pr), 200);
    expect(exact.method).toBe("integer");
    expect(exact.shares).toEqual({ A: 9, B: 2 });
    expect(exact.leftover).toBe(0);
    let best = Infinity;
    for (let a = 0; a * 10 <= 200; a++) for (let b = 0; a * 10 + b * 55 <= 200; b++) best = Math.min(best, objective(wr, pr, 200, { A: a, B: b }));
    expect(objective(wr, pr, 200, exact.shares)).toBe(best);
    expect(objective(wr, pr, 200, greedy.shares)).toBe(90);
  });

  it("integer allocation is never worse than greedy, and both stay within the capital, on a 12-ticker case", async () => {
    const tickers = Array.from({ length: 12 }, (_, i) => `T${i}`);
    let seed = 11;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const raw = tickers.map(() => random());
    const total = raw.reduce((a, b) => a + b, 0);
    const w = Object.fromEntries(tickers.map((t, i) => [t, raw[i]! / total]));
    const p = Object.fromEntries(tickers.map((t) => [t, Math.round(5 + 300 * random())]));
    const V = 10_000;
    const greedy = await discreteAllocation(vector(w), vector(p), V, { method: greedyAllocation });
    const exact = await discreteAllocation(vector(w), vector(p), V, { method: integerAllocation });
    for (const result of [greedy, exact]) {
      const cost = Object.entries(result.shares).reduce((s, [t, k]) => s + k * p[t]!, 0);
      expect(cost).toBeLessThanOrEqual(V);
      expect(result.leftover).toBeCloseTo(V - cost, 9);
      const weightSum = result.allocatedWeights.values.reduce((a, b) => a + b, 0);
      expect(weightSum + result.leftover / V).toBeCloseTo(1, 12);
    }
    expect(objective(w, p, V, exact.shares)).toBeLessThanOrEqual(objective(w, p, V, greedy.shares) + 1e-9);
  });

  it("skips zero weights, keeps weights below 1 as cash, and ignores prices of other tickers", async () => {
    const result = await discreteAllocation(vector({ A: 0.5, Z: 0, B: 0 }), vector({ A: 10, B: 20, C: 5 }), 100, { method: greedyAllocation });
    expect(result.shares).toEqual({ A: 5 });
    expect(result.leftover).toBe(50);
    expect(result.allocatedWeights.labels).toEqual(["A", "Z", "B"]);
    expect(Array.from(result.allocatedWeights.values)).toEqual([0.5, 0, 0]);
  });

  it("accepts a custom method object and rejects one that overspends", async () => {
    const roundDown: DiscreteAllocationMethod = {
      name: "round down",
      allocate: (problem) => Array.from(problem.weights, (wi, i) => Math.floor((wi * problem.totalValue) / problem.prices[i]!)),
    };
    const result = await discreteAllocation(vector({ A: 0.5, B: 0.5 }), vector({ A: 30, B: 70 }), 1000, { method: roundDown });
    expect(result).toMatchObject({ shares: { A: 16, B: 7 }, leftover: 30, method: "round down" });
    const spendthrift: DiscreteAllocationMethod = { name: "spendthrift", allocate: () => [100, 100] };
    await expect(discreteAllocation(vector({ A: 0.5, B: 0.5 }), vector({ A: 30, B: 70 }), 1000, { method: spendthrift })).rejects.toThrowError(/spent 10000 > the capital 1000/);
  });

  it("is long only: a negative weight asks to split the long and short books", async () => {
    const promise = discreteAllocation(vector({ A: 0.8, B: 0.4, C: -0.2 }), vector({ A: 10, B: 10, C: 10 }), 1000);
    await expect(promise).rejects.toBeInstanceOf(InputError);
    await expect(promise).rejects.toThrowError(/C \(-0\.2\).*split the long and short books/);
  });

  it("names tickers without a price and non-positive prices", async () => {
    const missing = discreteAllocation(vector({ A: 0.4, B: 0.3, C: 0.3 }), vector({ A: 10 }), 1000);
    await expect(missing).rejects.toBeInstanceOf(InputError);
    await expect(missing).rejects.toThrowError(/no latest price for B, C/);
    await expect(discreteAllocation(vector({ A: 0.5, B: 0.5 }), vector({ A: 10, B: 0 }), 1000)).rejects.toThrowError(/B is 0/);
    await expect(discreteAllocation(vector({ A: 0.5, B: 0.5 }), vector({ A: NaN, B: 5 }), 1000)).rejects.toThrowError(/A is NaN/);
  });

  it("names the cheapest share when the capital cannot buy one", async () => {
    const promise = discreteAllocation(vector({ A: 0.5, B: 0.5 }), vector({ A: 30, B: 70 }), 20);
    await expect(promise).rejects.toBeInstanceOf(InfeasibleError);
    await expect(promise).rejects.toThrowError(/total value 20 is below the cheapest share \(A at 30\)/);
  });

  it("rejects a bad capital, weights summing above 1 or to 0", async () => {
    await expect(discreteAllocation(vector({ A: 1 }), vector({ A: 1 }), -5)).rejects.toThrowError(/total value -5/);
    await expect(discreteAllocation(vector({ A: 0.7, B: 0.6 }), vector({ A: 1, B: 1 }), 100)).rejects.toThrowError(/sum to 1\.3 > 1/);
    await expect(discreteAllocation(vector({ A: 0 }), vector({ A: 1 }), 100)).rejects.toThrowError(/no ticker has a positive weight/);
  });

  it("does not change its inputs", async () => {
    const w = vector({ A: 0.5, B: 0.5 });
    const p = vector({ A: 30, B: 70 });
    Object.freeze(w.labels);
    Object.freeze(p.labels);
    const before = [Array.from(w.values), Array.from(p.values)];
    await discreteAllocation(w, p, 1000);
    await discreteAllocation(w, p, 1000, { method: greedyAllocation });
    expect([Array.from(w.values), Array.from(p.values)]).toEqual(before);
  });
});
