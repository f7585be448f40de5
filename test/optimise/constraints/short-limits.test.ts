import { describe, expect, it } from "vitest";
import { InfeasibleError, InputError } from "../../../src/core/errors";
import { shortLimits } from "../../../src/optimise/constraints/short-limits";
import { assetBounds } from "../../../src/optimise/constraints/asset-bounds";
import { buildConstraintSystem } from "../../../src/optimise/constraints/build-constraint-system";
import { maxQuadraticUtility } from "../../../src/optimise/max-quadratic-utility";
import { cov, mu } from "../optimizer-fixtures";

describe("shortLimits", () => {
  it("caps the total short position (a 130/30 portfolio) and each asset's short", () => {
    const free = maxQuadraticUtility(mu, cov, { bounds: [-1, 1] });
    const totalShort = (w: Float64Array) => w.reduce((s, x) => s + Math.max(0, -x), 0);
    expect(totalShort(free.values)).toBeGreaterThan(0.3);
    const limited = maxQuadraticUtility(mu, cov, { bounds: [-1, 1], constraints: [shortLimits({ total: 0.3, perAsset: 0.2 })] });
    expect(totalShort(limited.values)).toBeLessThanOrEqual(0.3 + 1e-9);
    expect(Math.min(...limited.values)).toBeGreaterThanOrEqual(-0.2 - 1e-12);
    expect(limited.values.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
  });

  it("perAsset 0 is long only", () => {
    const system = buildConstraintSystem(["A", "B"], "test", { bounds: [-1, 1], constraints: [shortLimits({ perAsset: 0 })] });
    expect(system.lower).toEqual([0, 0]);
  });

  it("diagnoses forced shorts above the total, and an unreachable total given other constraints", () => {
    expect(() =>
      buildConstraintSystem(["A", "B", "C"], "test", { bounds: [-1, 1], constraints: [assetBounds({ A: [-1, -0.4] }), shortLimits({ total: 0.3 })] }),
    ).toThrow("test: short limits: the asset bounds force shorts of at least 0.4 > total 0.3; raise the total or the upper bounds");
    expect(() =>
      buildConstraintSystem(["A", "B", "C"], "test", { bounds: [-1, 1], constraints: [assetBounds({ A: [-1, 0.1], B: [1.2, 1.5] }), shortLimits({ total: 0.1 })] }),
    ).toThrow(InfeasibleError);
  });

  it("throws InputError for negative limits", () => {
    expect(() => shortLimits({ total: -1 })).toThrow(InputError);
  });
});
