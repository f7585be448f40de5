// Adam on a flat array: TensorFlow.js's bias-corrected update, step by step.
import { describe, expect, it } from "vitest";
import { Adam } from "../../../src/models/lstm/index";

describe("Adam", () => {
  it("moves each parameter by the learning rate against its gradient's sign on the first step", () => {
    const adam = new Adam(3, { learningRate: 0.1 });
    const p = Float64Array.of(1, 1, 1);
    const g = Float64Array.of(3, -0.5, 0);
    adam.step(p, g);
    expect(p[0]).toBeCloseTo(0.9, 6);
    expect(p[1]).toBeCloseTo(1.1, 6);
    expect(p[2]).toBe(1);
    expect(g).toEqual(Float64Array.of(3, -0.5, 0)); // the gradient is not changed
  });

  it("follows the formula m̂ / (√v̂ + ε) over several steps (hand-computed)", () => {
    const adam = new Adam(1, { learningRate: 0.01 });
    const p = Float64Array.of(0);
    const grads = [1, -2, 0.5];
    let m = 0;
    let v = 0;
    let expected = 0;
    grads.forEach((g, k) => {
      m = 0.9 * m + 0.1 * g;
      v = 0.999 * v + 0.001 * g * g;
      expected -= (0.01 * (m / (1 - 0.9 ** (k + 1)))) / (Math.sqrt(v / (1 - 0.999 ** (k + 1))) + 1e-7);
      adam.step(p, Float64Array.of(g));
    });
    expect(p[0]).toBeCloseTo(expected, 15);
    expect(p[0]).toBeCloseTo(-0.004972, 6); // −0.0100000 + 0.0036610 + 0.0013669
  });

  it("minimises a quadratic", () => {
    const adam = new Adam(2, { learningRate: 0.05 });
    const p = Float64Array.of(3, -2);
    for (let i = 0; i < 2000; i++) adam.step(p, Float64Array.of(2 * (p[0]! - 1), 2 * (p[1]! + 1)));
    expect(p[0]).toBeCloseTo(1, 3);
    expect(p[1]).toBeCloseTo(-1, 3);
  });
});
