import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { checkColumnMajor } from "../../src/linalg/check-column-major";

describe("checkColumnMajor", () => {
  it("accepts nRows × nColumns values, empty ones included", () => {
    expect(() => checkColumnMajor(Float64Array.of(1, 2, 3, 4), 2, 2, "f")).not.toThrow();
    expect(() => checkColumnMajor(new Float64Array(0), 0, 5, "f")).not.toThrow();
  });

  it("names the caller and the shape (the TSDoc example), and refuses counts that are not whole", () => {
    expect(() => checkColumnMajor(Float64Array.of(1, 2, 3), 2, 2, "crossProduct")).toThrow(/crossProduct: 3 values do not make 2 rows × 2 columns/);
    expect(() => checkColumnMajor(Float64Array.of(1, 2), 1.5, 1, "f")).toThrow(InputError);
    expect(() => checkColumnMajor(new Float64Array(0), -1, 0, "f")).toThrow(/SHAPE_MISMATCH|do not make/);
  });
});
