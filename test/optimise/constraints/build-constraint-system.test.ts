import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import { buildConstraintSystem } from "../../../src/optimise/constraints/build-constraint-system";
import { assetBounds } from "../../../src/optimise/constraints/asset-bounds";

describe("buildConstraintSystem", () => {
  it("defaults to long-only bounds, or [-1, 1] when the budget is 0", () => {
    expect(buildConstraintSystem(["A", "B"], "f").upper).toEqual([1, 1]);
    expect(buildConstraintSystem(["A", "B"], "f", { budget: 0 }).lower).toEqual([-1, -1]);
  });

  it("rejects things that are not constraint objects", () => {
    expect(() => buildConstraintSystem(["A"], "f", { constraints: [42 as never] })).toThrow(InputError);
    expect(() => buildConstraintSystem(["A"], "f", { constraints: {} as never })).toThrow(/must be an array/);
  });

  it("can skip the diagnosis", () => {
    expect(() => buildConstraintSystem(["A", "B"], "f", { constraints: [assetBounds([0, 0.1])], diagnose: false })).not.toThrow();
    expect(() => buildConstraintSystem(["A", "B"], "f", { constraints: [assetBounds([0, 0.1])] })).toThrow(/upper bounds sum to 0.2/);
  });
});
