import { describe, expect, it } from "vitest";
import { InfeasibleError } from "../../../src/core/errors";
import { ConstraintSystem } from "../../../src/optimise/constraints/constraint-system";
import { diagnoseInfeasibility, laminarGroups, systemToLinearProgram } from "../../../src/optimise/constraints/diagnose-infeasibility";
import { seededRandom } from "../helpers/random";
import { sectorLimits } from "../../../src/optimise/constraints/sector-limits";
import { turnoverLimit } from "../../../src/optimise/constraints/turnover-limit";
import { solveLinearProgram } from "../../../src/optim/linear-program";

const labels = ["A", "B", "C", "D"];
const system = () => new ConstraintSystem(labels, 1, new Float64Array(4), Float64Array.of(1, 1, 1, 1));

describe("diagnoseInfeasibility", () => {
  it("passes a feasible system", () => {
    const s = system();
    const constraints = [sectorLimits({ sectorOf: { A: "X", B: "X" }, caps: { X: 0.5 } })];
    constraints[0]!.apply(s);
    expect(() => diagnoseInfeasibility(s, constraints, "f")).not.toThrow();
  });

  it("names a minimal conflicting set of constraints (deletion filter)", () => {
    const s = system();
    // X = {A, B} ≤ 0.3, Y = {C, D} ≤ 0.3 from two different constraint objects: only together do they fail;
    // a third, harmless constraint is not named.
    const x = sectorLimits({ sectorOf: { A: "X", B: "X" }, caps: { X: 0.3 } });
    const country = { name: "country limits", apply: (sys: ConstraintSystem) => sys.addRow({ indices: [2, 3], values: [1, 1], lower: -Infinity, upper: 0.3, source: "country limits", description: "Y ≤ 0.3" }) };
    const harmless = { name: "harmless", apply: (sys: ConstraintSystem) => sys.addRow({ indices: [0], values: [1], lower: -Infinity, upper: 0.9, source: "harmless", description: "A ≤ 0.9" }) };
    for (const c of [x, country, harmless]) c.apply(s);
    expect(() => diagnoseInfeasibility(s, [x, country, harmless], "maxSharpe")).toThrow(InfeasibleError);
    expect(() => diagnoseInfeasibility(s, [x, country, harmless], "maxSharpe")).toThrow(
      "maxSharpe: sector limits and country limits cannot hold together with the asset bounds and the budget (weights sum to 1); relax one of them or the bounds",
    );
  });

  it("reports the smallest feasible value of a limit row", () => {
    const s = system();
    const constraints = [sectorLimits({ sectorOf: { A: "X" }, floors: { X: 0.6 } }), turnoverLimit({ currentWeights: { B: 1 }, maxTurnover: 0.5 })];
    for (const c of constraints) c.apply(s);
    expect(() => diagnoseInfeasibility(s, constraints, "f")).toThrow(
      "f: turnover limit 0.5 cannot reach the sector limits from the current weights; the smallest feasible turnover is 1.2",
    );
  });

  it("turns a system into an LP (maximum return by the dense simplex)", () => {
    const s = system();
    sectorLimits({ sectorOf: { D: "X" }, caps: { X: 0.25 } }).apply(s);
    const result = solveLinearProgram(systemToLinearProgram(s, Float64Array.of(-0.1, -0.2, -0.3, -0.4)));
    expect(result.status === "optimal" && -result.objective).toBeCloseTo(0.25 * 0.4 + 0.75 * 0.3, 12);
  });
});

describe("laminarGroups and the closed-form smallest turnover", () => {
  it("returns null when asset rows overlap (then the diagnosis solves LPs)", () => {
    const s = system();
    sectorLimits({ sectorOf: { A: "X", B: "X" }, caps: { X: 0.5 } }).apply(s);
    s.addRow({ indices: [1, 2], values: [1, 1], lower: -Infinity, upper: 0.6, source: "other", description: "" });
    expect(laminarGroups(s)).toBeNull();
  });

  it("agrees with the LP min Σ|w − w⁰| on random bounds, sectors and current weights", () => {
    for (let trial = 0; trial < 25; trial++) {
      const random = seededRandom(100 + trial);
      const n = 12;
      const names = Array.from({ length: n }, (_, i) => `T${i}`);
      const upper = Float64Array.from({ length: n }, () => 0.05 + 0.3 * random());
      const lower = Float64Array.from(upper, (u) => (random() < 0.3 ? 0.3 * u * random() : 0));
      const s = new ConstraintSystem(names, 1, lower, upper);
      const sectorOf = Object.fromEntries(names.map((l, i) => [l, `S${i % 4}`]));
      const current = Object.fromEntries(names.filter(() => random() < 0.5).map((l) => [l, 0.4 * random()]));
      const sectors = sectorLimits({ sectorOf, caps: { S0: 0.2 + 0.3 * random() }, floors: { S1: 0.1 * random() } });
      const turnover = turnoverLimit({ currentWeights: { ...current, OUTSIDE: 0.05 }, maxTurnover: 10 });
      sectors.apply(s);
      turnover.apply(s);
      const groups = laminarGroups(s);
      expect(groups).not.toBeNull();
      if (groups!.reduce((a, g) => a + g.lower, 0) > 1 || groups!.reduce((a, g) => a + g.upper, 0) < 1) continue;
      const row = s.rows.find((r) => r.limit !== undefined)!;
      const closed = row.limit!.smallestOverGroups!(groups!, s);
      const c = new Float64Array(s.nVariables);
      row.indices.forEach((j, k) => (c[j] = c[j]! + row.values[k]!));
      const lp = solveLinearProgram(systemToLinearProgram(s, c, (r) => r.limit === undefined));
      expect(lp.status).toBe("optimal");
      if (lp.status === "optimal") expect(closed).toBeCloseTo(lp.objective + row.limit!.offset!, 9);
    }
  });
});
