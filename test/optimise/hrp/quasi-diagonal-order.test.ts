import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import { quasiDiagonalOrder } from "../../../src/optimise/hrp/quasi-diagonal-order";

describe("quasiDiagonalOrder", () => {
  it("lists leaves left to right, first child first (the TSDoc example)", () => {
    expect(quasiDiagonalOrder({ n: 3, values: Float64Array.of(0, 2, 1, 2, 1, 3, 4, 3) })).toEqual([1, 0, 2]);
    expect(quasiDiagonalOrder({ n: 4, values: Float64Array.of(0, 3, 1, 2, 1, 2, 2, 2, 4, 5, 3, 4) })).toEqual([0, 3, 1, 2]);
    expect(quasiDiagonalOrder({ n: 1, values: new Float64Array(0) })).toEqual([0]);
  });

  it("throws InputError for a malformed linkage", () => {
    expect(() => quasiDiagonalOrder({ n: 3, values: Float64Array.of(0, 1, 1, 2) })).toThrow(InputError);
    expect(() => quasiDiagonalOrder({ n: 3, values: Float64Array.of(0, 7, 1, 2, 1, 3, 4, 3) })).toThrow(/do not exist yet/);
  });
});
