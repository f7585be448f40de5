import { describe, expect, it } from "vitest";
import { InfeasibleError, InputError } from "../../../src/core/errors";
import { assetBounds } from "../../../src/optimise/constraints/asset-bounds";
import { buildConstraintSystem } from "../../../src/optimise/constraints/build-constraint-system";

const labels = ["A", "B", "C"];

describe("assetBounds", () => {
  it("tightens per-asset and global bounds, recording their source", () => {
    const system = buildConstraintSystem(labels, "test", { bounds: [0, 0.8], constraints: [assetBounds({ A: [0.1, 0.9] }), assetBounds([0, 0.5])] });
    expect(system.lower).toEqual([0.1, 0, 0]);
    expect(system.upper).toEqual([0.5, 0.5, 0.5]);
    expect(system.lowerSource[0]).toBe("asset bounds");
    expect(system.upperSource[1]).toBe("asset bounds");
  });

  it("diagnoses crossed bounds from two sources, naming both", () => {
    expect(() => buildConstraintSystem(labels, "minVolatility", { bounds: [0, 0.4], constraints: [assetBounds({ A: [0.5, 1] })] })).toThrow(InfeasibleError);
    expect(() => buildConstraintSystem(labels, "minVolatility", { bounds: [0, 0.4], constraints: [assetBounds({ A: [0.5, 1] })] })).toThrow(
      "minVolatility: A must be ≥ 0.5 (asset bounds) and ≤ 0.4 (weight bounds); relax asset bounds and weight bounds",
    );
    expect(() => buildConstraintSystem(labels, "minVolatility", { constraints: [assetBounds([0, 0.3])] })).toThrow(
      "minVolatility: upper bounds sum to 0.9 < 1 (set by asset bounds); raise the bounds or add assets",
    );
  });

  it("throws InputError for an unknown ticker or a bad bound", () => {
    expect(() => buildConstraintSystem(labels, "test", { constraints: [assetBounds({ Z: [0, 1] })] })).toThrow(/ticker Z is not one of the assets/);
    expect(() => buildConstraintSystem(labels, "test", { constraints: [assetBounds({ A: [NaN, 1] })] })).toThrow(InputError);
  });
});
