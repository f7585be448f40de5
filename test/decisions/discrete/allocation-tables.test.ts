import { describe, expect, it } from "vitest";
import { allocationTable, compareAllocations } from "../../../src/decisions/discrete/allocation-tables";
import type { DiscreteAllocationResult } from "../../../src/decisions/discrete/discrete-allocation";

const prices = { labels: ["A", "B", "C"], values: Float64Array.from([10, 50, 200]) };
const target = { labels: ["A", "B", "C"], values: Float64Array.from([0.5, 0.3, 0.2]) };
// 1,000 of capital: 50 A (500), 6 B (300), 1 C (200): exact; 40 A and 6 B: 100 left.
const exact: DiscreteAllocationResult = { shares: { A: 50, B: 6, C: 1 }, leftover: 0, allocatedWeights: { labels: ["A", "B", "C"], values: Float64Array.from([0.5, 0.3, 0.2]) }, method: "integer" };
const short: DiscreteAllocationResult = { shares: { A: 40, B: 6 }, leftover: 100, allocatedWeights: { labels: ["A", "B", "C"], values: Float64Array.from([0.4, 0.3, 0]) }, method: "greedy" };

describe("allocation tables", () => {
  it("lists the orders, largest value first, with the value the target asked for", () => {
    const t = allocationTable(short, prices, target, 1000);
    expect(t.labels).toEqual(["A", "B"]);
    expect(t.column("value").toObject()).toEqual({ A: 400, B: 300 });
    expect(t.column("target").toObject()).toEqual({ A: 500, B: 300 });
    expect(t.column("value").unit).toBe("money");
  });
  it("compares allocations by positions, leftover and weight gap Σ|allocated − target|", () => {
    const t = compareAllocations([exact, short], target);
    expect(t.column("positions").toObject()).toEqual({ integer: 3, greedy: 2 });
    expect(t.column("weightGap").get("integer")).toBe(0);
    expect(t.column("weightGap").get("greedy")).toBeCloseTo(0.3, 15);
  });
});
