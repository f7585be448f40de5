// Sigmoid and tanh in place: as accurate as Math.exp and Math.tanh, saturating without NaN.
import { describe, expect, it } from "vitest";
import { sigmoidInPlace, tanhInPlace } from "../../../src/models/lstm/gate-activations";

describe("gate activations", () => {
  const xs = Float64Array.from({ length: 20001 }, (_, i) => (i - 10000) / 250); // −40 … 40

  it("sigmoid matches 1 / (1 + e^−x) within 1e-15", () => {
    const a = xs.slice();
    sigmoidInPlace(a, 0, a.length);
    let worst = 0;
    xs.forEach((x, i) => (worst = Math.max(worst, Math.abs(a[i]! - 1 / (1 + Math.exp(-x))))));
    expect(worst).toBeLessThan(1e-15);
  });

  it("tanh matches Math.tanh within 1e-15", () => {
    const a = xs.slice();
    tanhInPlace(a, 0, a.length);
    let worst = 0;
    xs.forEach((x, i) => (worst = Math.max(worst, Math.abs(a[i]! - Math.tanh(x)))));
    expect(worst).toBeLessThan(1e-15);
  });

  it("saturates at the extremes, keeps NaN, and touches only the range", () => {
    const a = Float64Array.of(7, 0, 1e308, -1e308, Number.NaN, 7);
    sigmoidInPlace(a, 1, 5);
    expect([...a]).toEqual([7, 0.5, 1, expect.any(Number), Number.NaN, 7]);
    expect(a[3]).toBeLessThan(1e-40);
    const b = Float64Array.of(7, 0, 1e308, -1e308, Number.NaN, 7);
    tanhInPlace(b, 1, 5);
    expect([...b]).toEqual([7, 0, 1, -1, Number.NaN, 7]);
  });
});
