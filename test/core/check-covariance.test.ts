import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { checkCovariance } from "../../src/linalg/check-covariance";

const m = (labels: string[], values: number[]) => ({ labels, values: Float64Array.from(values) });

describe("checkCovariance", () => {
  it("returns n for a valid matrix and tolerates round-off asymmetry below 1e-10 relative", () => {
    expect(checkCovariance(m(["A", "B"], [0.04, 0.01, 0.01, 0.09]), "f")).toBe(2);
    expect(checkCovariance(m(["A", "B"], [0.04, 0.01, 0.01 + 1e-13, 0.09]), "f")).toBe(2);
  });

  it("throws InputError naming the problem", () => {
    expect(() => checkCovariance(m([], []), "f")).toThrow(/no assets/);
    expect(() => checkCovariance(m(["A", "B"], [1, 0, 0]), "f")).toThrow(/2 labels but 3 values/);
    expect(() => checkCovariance(m(["A", "A"], [1, 0, 0, 1]), "f")).toThrow(/label A twice/);
    expect(() => checkCovariance(m(["A", "B"], [1, Infinity, Infinity, 1]), "f")).toThrow(/covariance\(A, B\) is Infinity/);
    expect(() => checkCovariance(m(["A", "B"], [1, 0.5, 0.5001, 1]), "f")).toThrow(/\(A, B\) = 0.5 but \(B, A\) = 0.5001/);
    expect(() => checkCovariance(m(["A", "B"], [1, 0, 0, -1]), "f")).toThrow(/variance of B is -1/);
    expect(checkCovariance(m(["A", "B"], [1, 0, 0, -1]), "f", { nonNegativeDiagonal: false })).toBe(2);
    try {
      checkCovariance(m(["A", "B"], [1, 0.5, 0.6, 1]), "minVolatility");
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).code).toBe("ASYMMETRIC_COVARIANCE");
      expect((e as InputError).message.startsWith("minVolatility:")).toBe(true);
    }
  });
});
