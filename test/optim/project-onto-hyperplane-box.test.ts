import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { projectOntoHyperplaneBox } from "../../src/optim/project-onto-hyperplane-box";
import { seededRandom } from "../optimise/helpers/random";

/** The reference: 200 bisection steps on τ over a bracket found by doubling (the method this replaces). */
function bisection(v: Float64Array, a: Float64Array, b: number, lower: Float64Array, upper: Float64Array): Float64Array {
  const n = v.length;
  const clip = (tau: number, i: number) => Math.min(upper[i]!, Math.max(lower[i]!, v[i]! - tau * a[i]!));
  const value = (tau: number) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[i]! * clip(tau, i);
    return s;
  };
  let lo = -1;
  let hi = 1;
  for (let k = 0; k < 200 && value(lo) < b; k++) lo *= 2;
  for (let k = 0; k < 200 && value(hi) > b; k++) hi *= 2;
  for (let k = 0; k < 200; k++) {
    const tau = 0.5 * (lo + hi);
    if (value(tau) > b) lo = tau;
    else hi = tau;
  }
  return Float64Array.from({ length: n }, (_, i) => clip(0.5 * (lo + hi), i));
}

/** A random instance: some normals negative or zero, some bounds infinite, some variables fixed (lower = upper). */
function instance(n: number, random: () => number) {
  const v = Float64Array.from({ length: n }, () => 2 * random() - 1);
  const a = Float64Array.from({ length: n }, () => {
    const u = random();
    return u < 0.1 ? 0 : u < 0.25 ? -(0.1 + random()) : 0.1 + random();
  });
  const lower = Float64Array.from({ length: n }, () => (random() < 0.1 ? -Infinity : random() < 0.5 ? 0 : -0.5 * random()));
  const upper = Float64Array.from(lower, (l) => {
    const u = random();
    if (u < 0.1) return Infinity;
    if (u < 0.15 && Number.isFinite(l)) return l; // fixed variable
    return Math.max(Number.isFinite(l) ? l : -1, 0) + 0.05 + random();
  });
  // A b inside the range of aᵀx over the box: aᵀ of a random box point.
  let b = 0;
  for (let i = 0; i < n; i++) {
    const lo = Number.isFinite(lower[i]!) ? lower[i]! : -1;
    const hi = Number.isFinite(upper[i]!) ? upper[i]! : lo + 1;
    b += a[i]! * (lo + random() * (hi - lo));
  }
  return { v, a, b, lower, upper };
}

const maxDiff = (x: Float64Array, y: Float64Array) => x.reduce((m, xi, i) => Math.max(m, Math.abs(xi - y[i]!)), 0);

describe("projectOntoHyperplaneBox", () => {
  it("solves the TSDoc example (one variable at its cap)", () => {
    const out = new Float64Array(3);
    const tau = projectOntoHyperplaneBox(Float64Array.of(0.5, 0.2, -0.4), Float64Array.of(1, 1, 1), 1, new Float64Array(3), Float64Array.of(0.6, 1, 1), out);
    expect(tau).toBeCloseTo(-0.2, 14);
    expect(out[0]).toBe(0.6);
    expect(out[1]).toBeCloseTo(0.4, 14);
    expect(out[2]).toBe(0);
  });

  it("agrees with bisection on 200 random instances with random bounds, normals and starting multipliers", () => {
    const random = seededRandom(2024);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(random() * 60);
      const { v, a, b, lower, upper } = instance(n, random);
      const out = new Float64Array(n);
      const guess = trial % 3 === 0 ? 0 : 4 * (random() - 0.5);
      projectOntoHyperplaneBox(v, a, b, lower, upper, out, guess);
      expect(maxDiff(out, bisection(v, a, b, lower, upper))).toBeLessThan(1e-12);
      const ax = out.reduce((s, x, i) => s + a[i]! * x, 0);
      expect(Math.abs(ax - b)).toBeLessThan(1e-12 * (1 + Math.abs(b)));
      out.forEach((x, i) => {
        expect(x).toBeGreaterThanOrEqual(lower[i]!);
        expect(x).toBeLessThanOrEqual(upper[i]!);
      });
    }
  });

  it("is the nearest feasible point: (v − x)·(z − x) ≤ 0 for feasible z", () => {
    const random = seededRandom(7);
    const n = 40;
    const v = Float64Array.from({ length: n }, () => 2 * random() - 1);
    const a = new Float64Array(n).fill(1);
    const lower = new Float64Array(n);
    const upper = new Float64Array(n).fill(0.1);
    const x = new Float64Array(n);
    projectOntoHyperplaneBox(v, a, 1, lower, upper, x);
    for (let k = 0; k < 50; k++) {
      // A feasible z: a random point of the box rescaled towards the budget (0.1·n = 4 ≥ 1 leaves room).
      const z = Float64Array.from({ length: n }, () => 0.1 * random());
      const total = z.reduce((s, zi) => s + zi, 0);
      for (let i = 0; i < n; i++) z[i] = z[i]! / total;
      if (z.some((zi) => zi > 0.1)) continue;
      let inner = 0;
      for (let i = 0; i < n; i++) inner += (v[i]! - x[i]!) * (z[i]! - x[i]!);
      expect(inner).toBeLessThan(1e-12);
    }
  });

  it("starts at a breakpoint (the origin onto {aᵀx = 1, x ≥ 0}) and still moves", () => {
    const a = Float64Array.of(0.05, 0.1, -0.02, 0.2);
    const out = new Float64Array(4);
    projectOntoHyperplaneBox(new Float64Array(4), a, 1, new Float64Array(4), new Float64Array(4).fill(Infinity), out);
    // x = −τ·a on the positive normals: x ∝ (0.05, 0.1, 0, 0.2) with aᵀx = 1.
    const scale = 1 / (0.05 * 0.05 + 0.1 * 0.1 + 0.2 * 0.2);
    expect(maxDiff(out, Float64Array.of(0.05 * scale, 0.1 * scale, 0, 0.2 * scale))).toBeLessThan(1e-12);
  });

  it("crosses flat pieces (every variable at a bound) to the next breakpoint", () => {
    // clip(v − τ) with caps: s(τ) is flat at 0.3 + 0.3 between the caps and the lower bounds of a third variable.
    const v = Float64Array.of(5, 5, -5);
    const out = new Float64Array(3);
    projectOntoHyperplaneBox(v, Float64Array.of(1, 1, 1), 0.8, new Float64Array(3), Float64Array.of(0.3, 0.3, 1), out, 0);
    expect(maxDiff(out, Float64Array.of(0.3, 0.3, 0.2))).toBeLessThan(1e-14);
  });

  it("returns the box point closest to the hyperplane when the set is empty", () => {
    const out = new Float64Array(3);
    const ones = new Float64Array(3).fill(1);
    projectOntoHyperplaneBox(Float64Array.of(0.2, 0.1, 0.3), ones, 1, new Float64Array(3), new Float64Array(3).fill(0.2), out);
    expect(Array.from(out)).toEqual([0.2, 0.2, 0.2]); // caps sum to 0.6 < 1
    projectOntoHyperplaneBox(Float64Array.of(0.2, 0.1, 0.3), ones, 1, new Float64Array(3).fill(0.5), new Float64Array(3).fill(0.9), out);
    expect(Array.from(out)).toEqual([0.5, 0.5, 0.5]); // lower bounds sum to 1.5 > 1
  });

  it("may write into v itself and does not modify its other inputs", () => {
    const v = Float64Array.of(0.9, 0.4, 0.1);
    const a = Float64Array.of(1, 2, 1);
    const lower = new Float64Array(3);
    const upper = new Float64Array(3).fill(1);
    const expected = new Float64Array(3);
    projectOntoHyperplaneBox(v, a, 1, lower, upper, expected);
    expect(Array.from(v)).toEqual([0.9, 0.4, 0.1]);
    projectOntoHyperplaneBox(v, a, 1, lower, upper, v);
    expect(maxDiff(v, expected)).toBe(0);
    expect(Array.from(a)).toEqual([1, 2, 1]);
    expect(Array.from(lower)).toEqual([0, 0, 0]);
    expect(Array.from(upper)).toEqual([1, 1, 1]);
  });

  it("throws InputError on mismatched lengths and non-finite values", () => {
    const three = new Float64Array(3);
    expect(() => projectOntoHyperplaneBox(three, new Float64Array(2), 1, three, three, new Float64Array(3))).toThrow(InputError);
    expect(() => projectOntoHyperplaneBox(Float64Array.of(0, NaN, 0), three, 1, three, three, new Float64Array(3))).toThrow(/v\[1\] is NaN/);
    expect(() => projectOntoHyperplaneBox(three, three, Infinity, three, three, new Float64Array(3))).toThrow(/b is Infinity/);
  });
});
