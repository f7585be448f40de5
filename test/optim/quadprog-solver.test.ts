import { describe, expect, it } from "vitest";
import { InfeasibleError, InputError, NumericalError } from "../../src/core/errors";
import { solveQuadraticProgram } from "../../src/optim/quadprog-solver";
import { randomCovariance, seededRandom } from "../optimise/helpers/random";

describe("solveQuadraticProgram", () => {
  it("solves R quadprog's documented example (x = (10, 22, 44)/21, objective −50/21)", () => {
    // min −(0, 5, 0)ᵀx + ½xᵀx  s.t. 4x₁ + 3x₂ ≤ 8,  2x₁ + x₂ ≥ 2,  x₃ ≥ 2x₂
    const result = solveQuadraticProgram({
      Q: Float64Array.of(1, 0, 0, 0, 1, 0, 0, 0, 1),
      c: Float64Array.of(0, -5, 0),
      Aineq: Float64Array.of(4, 3, 0, -2, -1, 0, 0, 2, -1),
      bineq: Float64Array.of(8, -2, 0),
    });
    expect(result.x[0]).toBeCloseTo(10 / 21, 12);
    expect(result.x[1]).toBeCloseTo(22 / 21, 12);
    expect(result.x[2]).toBeCloseTo(44 / 21, 12);
    expect(result.objective).toBeCloseTo(-50 / 21, 12);
    expect(result.iterations).toBeGreaterThan(0);
  });

  it("matches the closed form Q⁻¹𝟙 / 𝟙ᵀQ⁻¹𝟙 with a single budget equality", () => {
    // Q = [[2, 1], [1, 3]]: Q⁻¹𝟙 ∝ (3 − 1, 2 − 1) = (2, 1) → x = (2/3, 1/3)
    const { x } = solveQuadraticProgram({ Q: Float64Array.of(2, 1, 1, 3), Aeq: Float64Array.of(1, 1), beq: Float64Array.of(1) });
    expect(x[0]).toBeCloseTo(2 / 3, 14);
    expect(x[1]).toBeCloseTo(1 / 3, 14);
  });

  it("solves an unconstrained problem (x = −Q⁻¹c)", () => {
    const { x, objective } = solveQuadraticProgram({ Q: Float64Array.of(2, 0, 0, 4), c: Float64Array.of(-2, -4) });
    expect(x[0]).toBeCloseTo(1, 14);
    expect(x[1]).toBeCloseTo(1, 14);
    expect(objective).toBeCloseTo(-3, 14);
  });

  it("honours the bound in the TSDoc example (x₀ ≤ 0.3)", () => {
    const { x } = solveQuadraticProgram({
      Q: Float64Array.of(2, 0, 0, 2),
      Aeq: Float64Array.of(1, 1),
      beq: Float64Array.of(1),
      Aineq: Float64Array.of(1, 0),
      bineq: Float64Array.of(0.3),
    });
    expect(x[0]).toBeCloseTo(0.3, 14);
    expect(x[1]).toBeCloseTo(0.7, 14);
  });

  it("does not modify its inputs (quadprog overwrites its own arrays)", () => {
    const n = 12;
    const Q = randomCovariance(n, seededRandom(2));
    const c = Float64Array.from({ length: n }, (_, i) => i / 100);
    const Aeq = new Float64Array(n).fill(1);
    const beq = Float64Array.of(1);
    const Aineq = new Float64Array(n * n);
    for (let i = 0; i < n; i++) Aineq[i * n + i] = -1;
    const bineq = new Float64Array(n);
    const copies = [Q, c, Aeq, beq, Aineq, bineq].map((a) => Float64Array.from(a));
    solveQuadraticProgram({ Q, c, Aeq, beq, Aineq, bineq });
    [Q, c, Aeq, beq, Aineq, bineq].forEach((a, k) => expect(a).toEqual(copies[k]));
  });

  it("throws InfeasibleError on inconsistent constraints", () => {
    const solve = () =>
      solveQuadraticProgram({ Q: Float64Array.of(1, 0, 0, 1), Aineq: Float64Array.of(1, 0, -1, 0), bineq: Float64Array.of(0, -1) });
    expect(solve).toThrow(InfeasibleError);
    expect(solve).toThrow(/constraints have no common solution/);
  });

  it("throws NumericalError when Q is not positive definite", () => {
    expect(() => solveQuadraticProgram({ Q: Float64Array.of(1, 2, 2, 1) })).toThrow(NumericalError);
    expect(() => solveQuadraticProgram({ Q: Float64Array.of(1, 1, 1, 1) })).toThrow(/not positive definite/);
  });

  it("throws InputError on mismatched shapes or non-finite coefficients", () => {
    const Q = Float64Array.of(1, 0, 0, 1);
    expect(() => solveQuadraticProgram({ Q: Float64Array.of(1, 2, 3) })).toThrow(InputError);
    expect(() => solveQuadraticProgram({ Q, c: Float64Array.of(1) })).toThrow(/c has length 1/);
    expect(() => solveQuadraticProgram({ Q, Aeq: Float64Array.of(1, 1, 1) })).toThrow(/not a multiple of n = 2/);
    expect(() => solveQuadraticProgram({ Q, Aeq: Float64Array.of(1, 1), beq: Float64Array.of(1, 2) })).toThrow(/1 rows but beq has 2/);
    expect(() => solveQuadraticProgram({ Q: Float64Array.of(1, 0, 0, NaN) })).toThrow(/Q\[3\] is NaN/);
  });
});

describe("solveQuadraticProgram multipliers", () => {
  it("returns multipliers with Qx + c + Aeqᵀν + Aineqᵀλ = 0 and λ ≥ 0, also when quadprog flips an equality", () => {
    // min x₀² + x₁² − x₀ + 0.5x₁ s.t. x₀ + x₁ = 1, x₀ ≤ 0.3 (the TSDoc example's shape)
    const kkt = (Q: number[], c: number[], Aeq: number[], beq: number, Aineq: number[], bineq: number) => {
      const r = solveQuadraticProgram({ Q: Float64Array.from(Q), c: Float64Array.from(c), Aeq: Float64Array.from(Aeq), beq: Float64Array.of(beq), Aineq: Float64Array.from(Aineq), bineq: Float64Array.of(bineq) });
      const residual = [0, 1].map((i) => Q[2 * i]! * r.x[0]! + Q[2 * i + 1]! * r.x[1]! + c[i]! + Aeq[i]! * r.multipliersEq[0]! + Aineq[i]! * r.multipliersIneq[0]!);
      return { r, residual };
    };
    const plain = kkt([2, 0, 0, 2], [-1, 0.5], [1, 1], 1, [1, 0], 0.3);
    expect(plain.residual.map(Math.abs).every((v) => v < 1e-12)).toBe(true);
    expect(plain.r.multipliersIneq[0]).toBeGreaterThan(0);
    // Σx = −1 starts violated the other way (the unconstrained minimum sums to > −1): quadprog negates the row.
    const flipped = kkt([2, 0, 0, 2], [-1, 0.5], [1, 1], -1, [1, 0], 0.3);
    expect(flipped.residual.map(Math.abs).every((v) => v < 1e-12)).toBe(true);
  });
});
