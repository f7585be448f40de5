import { describe, expect, it } from "vitest";
import { defaultOmega } from "../../../src/moments/black-litterman/default-omega";

const cov = { labels: ["A", "B"], values: Float64Array.from([0.04, 0.01, 0.01, 0.09]) };

describe("defaultOmega", () => {
  it("is diag(τ·P·Σ·Pᵀ) (hand example)", () => {
    const omega = defaultOmega(cov, { P: [[1, 0], [1, -1]], Q: [0.1, 0.02] });
    expect(omega[0]![0]).toBeCloseTo(0.05 * 0.04, 16);
    expect(omega[1]![1]).toBeCloseTo(0.05 * (0.04 + 0.09 - 0.02), 16);
    expect(omega[0]![1]).toBe(0);
    expect(defaultOmega(cov, { P: [[1, 0]], Q: [0.1] }, 0.5)[0]![0]).toBeCloseTo(0.02, 16);
  });

  it("throws InputError for views that do not fit or a bad tau", () => {
    expect(() => defaultOmega(cov, { P: [[1, 0, 0]], Q: [0.1] })).toThrow(/defaultOmega: row 1 of P \(view 1\) has 3 entries/);
    expect(() => defaultOmega(cov, { P: [[1, 0]], Q: [0.1] }, 2)).toThrow(/tau 2 is not in \(0, 1\]/);
  });
});
