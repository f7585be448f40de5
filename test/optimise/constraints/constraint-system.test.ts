import { describe, expect, it } from "vitest";
import { ConstraintSystem } from "../../../src/optimise/constraints/constraint-system";

describe("ConstraintSystem", () => {
  it("starts with the budget row and tightens bounds (the TSDoc example)", () => {
    const system = new ConstraintSystem(["A", "B"], 1, Float64Array.of(0, 0), Float64Array.of(1, 1));
    system.tightenBounds(0, 0, 0.3, "asset bounds");
    system.tightenBounds(0, -1, 0.5, "loose"); // looser: no change
    expect(system.upper).toEqual([0.3, 1]);
    expect(system.upperSource).toEqual(["asset bounds", "weight bounds"]);
    expect(system.rows[0]!.description).toBe("weights sum to 1");
    expect(system.isBoxAndBudget).toBe(true);
  });

  it("adds auxiliary variables and rows, and records sources once", () => {
    const system = new ConstraintSystem(["A", "B"], 0, Float64Array.of(-1, -1), Float64Array.of(1, 1));
    const t = system.addVariable("aux", 0, Infinity, "x");
    system.addRow({ indices: [t, 0], values: [1, 1], lower: 0, upper: Infinity, source: "x", description: "" });
    system.limitHoldings(3, "max holdings");
    system.limitHoldings(5, "max holdings");
    expect([t, system.nVariables, system.maxHoldings, system.sources]).toEqual([2, 3, 3, ["budget", "x", "max holdings"]]);
    expect(system.isBoxAndBudget).toBe(false);
    expect(system.indexOf("B")).toBe(1);
    expect(() => system.requireIndex("Z", "sector limits")).toThrow(/sector limits: ticker Z/);
  });
});
