import { describe, expect, it } from "vitest";
import { idzorekOmega, ZERO_CONFIDENCE_OMEGA } from "../../../src/moments/black-litterman/idzorek-omega";
import { defaultOmega } from "../../../src/moments/black-litterman/default-omega";

const cov = { labels: ["A", "B"], values: Float64Array.from([0.04, 0.01, 0.01, 0.09]) };
const views = { P: [[1, 0], [1, -1], [0, 1]], Q: [0.1, 0.02, 0.05], names: ["A", "A − B", "B"] };

describe("idzorekOmega", () => {
  it("is τ·(1 − c)/c·pΣpᵀ: 50 % gives the default omega, 100 % gives 0, 0 % gives 1e6", () => {
    const omega = idzorekOmega(cov, views, [0.5, 1, 0]);
    expect(omega[0]![0]).toBeCloseTo(defaultOmega(cov, views)[0]![0]!, 16);
    expect(omega[1]![1]).toBe(0);
    expect(omega[2]![2]).toBe(ZERO_CONFIDENCE_OMEGA);
    expect(idzorekOmega(cov, views, [0.2, 0.5, 0.5])[0]![0]).toBeCloseTo(0.05 * 4 * 0.04, 16);
  });

  it("throws InputError naming the view whose confidence is outside [0, 1], or a count mismatch", () => {
    expect(() => idzorekOmega(cov, views, [0.5, 1.5, 0])).toThrow(/the confidence in view 2 \(A − B\) is 1.5/);
    expect(() => idzorekOmega(cov, views, [0.5, NaN, 0])).toThrow(/view 2 \(A − B\) is NaN/);
    expect(() => idzorekOmega(cov, views, [0.5])).toThrow(/1 view confidence for 3 views/);
  });
});
