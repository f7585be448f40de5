import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { Vector, vector } from "../../src/core/vector";
import { display } from "../../src/core/self-display";
import { inspect } from "node:util";

const w = vector({ A: 0.5, B: 0.3, C: 0.2, D: 0 }, { unit: "fraction", name: "weight" });

describe("Vector", () => {
  it("looks labels up and names a missing one with the known labels", () => {
    expect(w.get("B")).toBe(0.3);
    expect(w.getOr("Z")).toBe(0);
    expect(() => w.get("Z")).toThrow(InputError);
    expect(() => w.get("Z")).toThrow(/no label Z; known labels: A, B, C, D/);
  });
  it("sorts, takes the top and bottom, drops zeros", () => {
    expect(w.sort("ascending").labels).toEqual(["D", "C", "B", "A"]);
    expect(w.top(2).labels).toEqual(["A", "B"]);
    expect(w.bottom(1).labels).toEqual(["D"]);
    expect(w.nonZero().labels).toEqual(["A", "B", "C"]);
    expect(w.argmax()).toBe("A");
  });
  it("sums by group, keeping groups in order of appearance and the unit", () => {
    const g = w.groupBy({ A: "x", B: "y", C: "x" });
    expect(g.labels).toEqual(["x", "y", "(none)"]);
    expect(g.get("x")).toBeCloseTo(0.7, 15);
    expect(g.unit).toBe("fraction");
    expect(w.groupBy((t) => (t < "C" ? "early" : "late"), "count").toObject()).toEqual({ early: 2, late: 2 });
  });
  it("rejects mismatched lengths and duplicate labels", () => {
    expect(() => new Vector(["A"], [1, 2])).toThrow(/1 labels but 2 values/);
    expect(() => new Vector(["A", "A"], [1, 2])).toThrow(/label A appears twice/);
  });
  it("accepts a LabelledVector and keeps values independent of the source", () => {
    const source = { labels: ["A"], values: Float64Array.from([1]) };
    const v = vector(source);
    source.values[0] = 5;
    expect(v.get("A")).toBe(1);
  });
  it("prints itself as a table in its unit outside a notebook", () => {
    expect(inspect(w)).toBe("ticker   weight\nA       50.00 %\nB       30.00 %\nC       20.00 %\nD        0.00 %");
    expect(inspect({ nested: w }, { depth: 0 })).toContain("[Vector weight (4 labels)]");
    const lines: string[] = [];
    const log = console.log;
    console.log = (x: unknown) => lines.push(String(x));
    try {
      display(w.top(1));
    } finally {
      console.log = log;
    }
    expect(lines).toEqual(["ticker   weight\nA       50.00 %"]);
  });
});
