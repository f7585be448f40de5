import { describe, expect, it } from "vitest";
import { InfeasibleError, InputError } from "../../../src/core/errors";
import { sectorLimits } from "../../../src/optimise/constraints/sector-limits";
import { buildConstraintSystem } from "../../../src/optimise/constraints/build-constraint-system";
import { assetBounds } from "../../../src/optimise/constraints/asset-bounds";
import { maxSharpe } from "../../../src/optimise/max-sharpe";
import { expected, synthetic } from "../optimizer-fixtures";

const labels = ["A", "B", "C", "D"];
const sectorOf = { A: "Tech", B: "Tech", C: "Energy", D: "Energy" };

describe("sectorLimits", () => {
  it("adds one row per sector with its floor and cap", () => {
    const system = buildConstraintSystem(labels, "test", { constraints: [sectorLimits({ sectorOf, caps: { Tech: 0.6 }, floors: { Energy: 0.2, Tech: 0.1 } })] });
    const rows = system.rows.filter((r) => r.source === "sector limits");
    expect(rows.map((r) => [r.indices, r.lower, r.upper, r.description])).toEqual([
      [[0, 1], 0.1, 0.6, "sector 0.1 ≤ Tech ≤ 0.6"],
      [[2, 3], 0.2, Infinity, "sector Energy ≥ 0.2"],
    ]);
  });

  it("holds in an optimiser (synthetic universe: Tech ≤ 0.3, Health ≤ 0.4, Energy ≥ 0.25)", () => {
    const w = maxSharpe(synthetic.mu, synthetic.cov, { constraints: [sectorLimits(expected.synthetic.sectors)] }).values;
    const total = (k: number) => w.slice(4 * k, 4 * k + 4).reduce((s, x) => s + x, 0);
    expect(total(0)).toBeLessThanOrEqual(0.3 + 1e-9);
    expect(total(1)).toBeGreaterThanOrEqual(0.25 - 1e-9);
    expect(total(2)).toBeLessThanOrEqual(0.4 + 1e-9);
  });

  it("diagnoses caps that cannot hold the budget, and floors that exceed it", () => {
    const build = (options: Parameters<typeof sectorLimits>[0], extra = [] as ReturnType<typeof assetBounds>[]) =>
      buildConstraintSystem(labels, "maxSharpe", { constraints: [sectorLimits(options), ...extra] });
    expect(() => build({ sectorOf, caps: { Tech: 0.4, Energy: 0.4 } })).toThrow(InfeasibleError);
    expect(() => build({ sectorOf, caps: { Tech: 0.4, Energy: 0.4 } })).toThrow("maxSharpe: sector caps: caps sum to 0.8 < 1 with no other assets; raise a cap");
    expect(() => build({ sectorOf: { A: "Tech", B: "Tech", C: "Energy" }, caps: { Tech: 0.4, Energy: 0.4 } }, [assetBounds({ D: [0, 0.1] })])).toThrow(
      "maxSharpe: sector caps: the caps and the upper bounds of the assets allow a total weight of at most 0.9 < 1; raise a cap or an upper bound, or add assets outside the capped sectors",
    );
    expect(() => build({ sectorOf, floors: { Tech: 0.7, Energy: 0.5 } })).toThrow("maxSharpe: sector floors: floors sum to 1.2 > 1; lower a floor");
    expect(() => build({ sectorOf, floors: { Tech: 0.3 }, caps: { Tech: 0.2 } })).toThrow("maxSharpe: sector limits: Tech floor 0.3 is above its cap 0.2; lower the floor or raise the cap");
    expect(() => build({ sectorOf, floors: { Utilities: 0.1 } })).toThrow(/sector Utilities has a floor of 0.1 but none of the assets is in it/);
    expect(() => build({ sectorOf, floors: { Tech: 0.5 } }, [assetBounds({ A: [0, 0.2], B: [0, 0.2] })])).toThrow(
      /sector limits: sector Tech ≥ 0.5 cannot hold, as the upper bounds of its assets allow at most 0.4/,
    );
  });

  it("ignores tickers outside the assets and caps on sectors without assets", () => {
    expect(() => buildConstraintSystem(labels, "test", { constraints: [sectorLimits({ sectorOf: { ...sectorOf, ZZZ: "Other" }, caps: { Other: 0.1 } })] })).not.toThrow();
  });

  it("throws InputError for non-finite limits", () => {
    expect(() => sectorLimits({ sectorOf, caps: { Tech: NaN } })).toThrow(InputError);
    expect(() => sectorLimits({ sectorOf: null as never })).toThrow(/sectorOf must be an object/);
  });
});
