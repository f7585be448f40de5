import { describe, expect, it } from "vitest";
import { solveInteriorPoint, type InteriorPointProblem } from "../../src/optim/primal-dual-interior-point";
import { solveQuadraticProgram } from "../../src/optim/quadprog-solver";
import { seededRandom } from "../optimise/helpers/random";

/** Solves the dense symmetric system `M·v = r` (M row-major k × k) by Gaussian elimination with partial pivoting. */
function denseSolve(M: Float64Array, r: Float64Array, k: number): Float64Array {
  const a = Float64Array.from(M);
  const b = Float64Array.from(r);
  for (let c = 0; c < k; c++) {
    let p = c;
    for (let i = c + 1; i < k; i++) if (Math.abs(a[i * k + c]!) > Math.abs(a[p * k + c]!)) p = i;
    for (let j = 0; j < k; j++) [a[c * k + j], a[p * k + j]] = [a[p * k + j]!, a[c * k + j]!];
    [b[c], b[p]] = [b[p]!, b[c]!];
    for (let i = c + 1; i < k; i++) {
      const f = a[i * k + c]! / a[c * k + c]!;
      for (let j = c; j < k; j++) a[i * k + j] = a[i * k + j]! - f * a[c * k + j]!;
      b[i] = b[i]! - f * b[c]!;
    }
  }
  const x = new Float64Array(k);
  for (let i = k - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let j = i + 1; j < k; j++) s -= a[i * k + j]! * x[j]!;
    x[i] = s / a[i * k + i]!;
  }
  return x;
}

/** A dense convex programme (f given with its gradient and Hessian) as an InteriorPointProblem. */
function denseProblem(
  N: number,
  f: (x: Float64Array) => number,
  grad: (x: Float64Array) => Float64Array,
  hess: (x: Float64Array) => Float64Array,
  C: Float64Array,
  h: Float64Array,
  E: Float64Array,
  e: Float64Array,
): InteriorPointProblem {
  const m = h.length;
  const p = e.length;
  const times = (A: Float64Array, rows: number, x: Float64Array) => Float64Array.from({ length: rows }, (_, i) => x.reduce((s, v, j) => s + A[i * N + j]! * v, 0));
  const transposeTimes = (A: Float64Array, rows: number, y: Float64Array) => Float64Array.from({ length: N }, (_, j) => y.reduce((s, v, i) => s + A[i * N + j]! * v, 0));
  return {
    nVariables: N,
    h,
    e,
    value: f,
    gradient: grad,
    inequalityProduct: (x) => times(C, m, x),
    inequalityTransposeProduct: (l) => transposeTimes(C, m, l),
    equalityProduct: (x) => times(E, p, x),
    equalityTransposeProduct: (v) => transposeTimes(E, p, v),
    newtonSystem(x, D) {
      const k = N + p;
      const M = new Float64Array(k * k);
      const H = hess(x);
      for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) {
        let s = H[i * N + j]!;
        for (let r = 0; r < m; r++) s += C[r * N + i]! * D[r]! * C[r * N + j]!;
        M[i * k + j] = s;
      }
      for (let r = 0; r < p; r++) for (let j = 0; j < N; j++) M[(N + r) * k + j] = M[j * k + N + r] = E[r * N + j]!;
      return (rx, re) => {
        const v = denseSolve(M, Float64Array.from([...rx, ...re]), k);
        return { dx: v.subarray(0, N), dnu: v.subarray(N) };
      };
    },
  };
}

describe("solveInteriorPoint", () => {
  it("solves the TSDoc example: min (x − 2)² with x ≤ 1 gives x = 1, λ = 2", () => {
    const problem: InteriorPointProblem = {
      nVariables: 1,
      h: Float64Array.of(1),
      e: new Float64Array(0),
      value: (x) => (x[0]! - 2) ** 2,
      gradient: (x) => Float64Array.of(2 * (x[0]! - 2)),
      inequalityProduct: (x) => Float64Array.of(x[0]!),
      inequalityTransposeProduct: (l) => Float64Array.of(l[0]!),
      equalityProduct: () => new Float64Array(0),
      equalityTransposeProduct: () => new Float64Array(1),
      newtonSystem: (_x, D) => (rx) => ({ dx: Float64Array.of(rx[0]! / (2 + D[0]!)), dnu: new Float64Array(0) }),
    };
    const x0 = Float64Array.of(0);
    const r = solveInteriorPoint(problem, x0);
    expect(r.x[0]).toBeCloseTo(1, 9);
    expect(r.lambda[0]).toBeCloseTo(2, 8);
    expect(r.gap).toBeLessThan(1e-10);
    expect(x0[0]).toBe(0); // the start is not changed
  });

  it("matches quadprog on random long-only budget QPs with caps, from an infeasible start", () => {
    const rand = seededRandom(21);
    for (let trial = 0; trial < 5; trial++) {
      const N = 6;
      const B = Float64Array.from({ length: N * N }, () => rand() - 0.5);
      const Q = new Float64Array(N * N);
      for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) for (let k = 0; k < N; k++) Q[i * N + j] = Q[i * N + j]! + B[k * N + i]! * B[k * N + j]!;
      for (let i = 0; i < N; i++) Q[i * N + i] = Q[i * N + i]! + 0.01;
      const c = Float64Array.from({ length: N }, () => rand() - 0.5);
      // Rows: −x ≤ 0, x ≤ 0.4; equality Σx = 1.
      const C = new Float64Array(2 * N * N);
      const h = new Float64Array(2 * N);
      for (let j = 0; j < N; j++) {
        C[j * N + j] = -1;
        C[(N + j) * N + j] = 1;
        h[N + j] = 0.4;
      }
      const E = new Float64Array(N).fill(1);
      const f = (x: Float64Array) => {
        let s = 0;
        for (let i = 0; i < N; i++) {
          s += c[i]! * x[i]!;
          for (let j = 0; j < N; j++) s += 0.5 * x[i]! * Q[i * N + j]! * x[j]!;
        }
        return s;
      };
      const grad = (x: Float64Array) => Float64Array.from({ length: N }, (_, i) => c[i]! + x.reduce((s, v, j) => s + Q[i * N + j]! * v, 0));
      const ours = solveInteriorPoint(denseProblem(N, f, grad, () => Q, C, h, E, Float64Array.of(1)), Float64Array.from({ length: N }, (_, j) => (j === 0 ? 2 : -0.3)));
      const reference = solveQuadraticProgram({ Q, c, Aeq: E, beq: Float64Array.of(1), Aineq: C, bineq: h }).x;
      // The gap closes to 1e-10: the value agrees to that, the weights (about √ of it along flat directions) to 1e-7.
      expect(Math.abs(ours.value - f(reference))).toBeLessThan(1e-10);
      ours.x.forEach((v, j) => expect(Math.abs(v - reference[j]!)).toBeLessThan(1e-7));
    }
  });

  it("minimises a log-sum-exp over a capped simplex (known answer by symmetry)", () => {
    // min log Σ exp(xᵢ) subject to Σx = 1, x ≤ 0.5: every xᵢ = 1/4 (four variables), value log(4·e^¼).
    const N = 4;
    const lse = (x: Float64Array) => Math.log(x.reduce((s, v) => s + Math.exp(v), 0));
    const grad = (x: Float64Array) => {
      const e = x.map(Math.exp);
      const s = e.reduce((a, b) => a + b, 0);
      return e.map((v) => v / s);
    };
    const hess = (x: Float64Array) => {
      const p = grad(x);
      return Float64Array.from({ length: N * N }, (_, k) => (Math.floor(k / N) === k % N ? p[k % N]! : 0) - p[Math.floor(k / N)]! * p[k % N]!);
    };
    const C = Float64Array.from({ length: N * N }, (_, k) => (Math.floor(k / N) === k % N ? 1 : 0));
    const r = solveInteriorPoint(denseProblem(N, lse, grad, hess, C, new Float64Array(N).fill(0.5), new Float64Array(N).fill(1), Float64Array.of(1)), Float64Array.of(0.4, 0.3, 0.2, 0.1));
    r.x.forEach((v) => expect(v).toBeCloseTo(0.25, 8));
    expect(r.value).toBeCloseTo(Math.log(4) + 0.25, 12);
  });

  it("names a start outside the objective's domain and a bad tolerance", () => {
    const problem = denseProblem(1, (x) => (x[0]! > 0 ? -Math.log(x[0]!) : Infinity), (x) => Float64Array.of(-1 / x[0]!), (x) => Float64Array.of(1 / x[0]! ** 2), Float64Array.of(1), Float64Array.of(2), new Float64Array(0), new Float64Array(0));
    expect(() => solveInteriorPoint(problem, Float64Array.of(-1))).toThrowError(expect.objectContaining({ code: "BAD_START" }));
    expect(() => solveInteriorPoint(problem, Float64Array.of(1), { tolerance: 0 })).toThrowError(expect.objectContaining({ code: "BAD_TOLERANCE" }));
    // From inside the domain it finds the bound: x = 2.
    expect(solveInteriorPoint(problem, Float64Array.of(1)).x[0]).toBeCloseTo(2, 8);
  });
});
