import { describe, expect, it } from "vitest";
import { InfeasibleError, InputError } from "../../../src/core/errors";
import { turnoverLimit } from "../../../src/optimise/constraints/turnover-limit";
import { sectorLimits } from "../../../src/optimise/constraints/sector-limits";
import { buildConstraintSystem } from "../../../src/optimise/constraints/build-constraint-system";
import { minVolatility } from "../../../src/optimise/min-volatility";
import { expected, synthetic } from "../optimizer-fixtures";

describe("turnoverLimit", () => {
  it("adds an auxiliary variable per asset held inside its bounds, and linear terms for the others", () => {
    // A is held inside [0, 1]: |w − 0.6| needs an auxiliary variable. B (0.4 above its cap 0.3) can only be
    // sold: 0.4 − w. C is not held and long only: w − 0. D is outside the assets: 0.2 sold.
    const system = buildConstraintSystem(["A", "B", "C"], "test", {
      bounds: [
        [0, 1],
        [0, 0.3],
        [0, 1],
      ],
      constraints: [turnoverLimit({ currentWeights: { A: 0.6, B: 0.4, D: 0.2 }, maxTurnover: 1.5 })],
    });
    expect(system.nVariables).toBe(4);
    expect(system.variableNames[3]).toBe("turnover[A]");
    const limit = system.rows.find((r) => r.limit !== undefined)!;
    expect([limit.indices, limit.values, limit.upper, limit.limit!.offset]).toEqual([[3, 1, 2], [1, -1, 1], expect.closeTo(1.5 - 0.6, 12), expect.closeTo(0.6, 12)]);
  });

  it("holds in an optimiser, from a labelled vector or a record", () => {
    const fromVector = minVolatility(synthetic.cov, { constraints: [turnoverLimit({ currentWeights: synthetic.currentWeights, maxTurnover: 0.1 })] });
    const record = Object.fromEntries(synthetic.currentWeights.labels.map((l, i) => [l, synthetic.currentWeights.values[i]!]));
    const fromRecord = minVolatility(synthetic.cov, { constraints: [turnoverLimit({ currentWeights: record, maxTurnover: 0.1 })] });
    expect(Array.from(fromRecord.values)).toEqual(Array.from(fromVector.values));
    const turnover = fromVector.values.reduce((s, x, i) => s + Math.abs(x - synthetic.currentWeights.values[i]!), 0);
    expect(turnover).toBeLessThanOrEqual(0.1 + 1e-8);
  });

  it("counts selling holdings outside the assets", () => {
    // Half the portfolio is in XYZ, not among the assets: selling it is 0.5 of turnover already.
    expect(() => minVolatility(synthetic.cov, { constraints: [turnoverLimit({ currentWeights: { T00: 0.5, XYZ: 0.5 }, maxTurnover: 0.8 })] })).toThrow(
      /smallest feasible turnover is 1\b/,
    );
    expect(() => minVolatility(synthetic.cov, { constraints: [turnoverLimit({ currentWeights: { T00: 0.5, XYZ: 0.5 }, maxTurnover: 1.2 })] })).not.toThrow();
  });

  it("diagnoses a limit too small to reach the other constraints, by an LP", () => {
    const constraints = [
      sectorLimits({ sectorOf: expected.synthetic.sectors.sectorOf, floors: { Energy: 0.45 } }),
      turnoverLimit({ currentWeights: synthetic.currentWeights, maxTurnover: 0.05 }),
    ];
    expect(() => minVolatility(synthetic.cov, { constraints })).toThrow(InfeasibleError);
    expect(() => minVolatility(synthetic.cov, { constraints })).toThrow(/turnover limit 0.05 cannot reach the sector limits from the current weights; the smallest feasible turnover is 0\.\d+/);
  });

  it("throws InputError for a negative limit or a non-finite weight", () => {
    expect(() => turnoverLimit({ currentWeights: {}, maxTurnover: -0.1 })).toThrow(InputError);
    expect(() => turnoverLimit({ currentWeights: { A: NaN }, maxTurnover: 0.1 })).toThrow(/current weight of A is NaN/);
  });
});
