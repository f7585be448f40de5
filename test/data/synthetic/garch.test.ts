import { describe, expect, it } from "vitest";
import { createRng } from "../../../src/core/random";
import { garchShocks } from "../../../src/data/synthetic/garch";
import { autocorrelation, excessKurtosis, mean, std } from "./helpers";

describe("garchShocks", () => {
  it("has unit long-run variance, fat tails and clustered squares", () => {
    const u = garchShocks(200_000, 0.08, 0.9, 6, createRng(1));
    const x = Array.from(u);
    expect(Math.abs(mean(x))).toBeLessThan(0.01);
    expect(std(x)).toBeGreaterThan(0.9);
    expect(std(x)).toBeLessThan(1.1);
    expect(excessKurtosis(u)).toBeGreaterThan(3);
    expect(autocorrelation(x.map((v) => v * v), 1)).toBeGreaterThan(0.05);
  });

  it("reduces to i.i.d. unit-variance normals when α = β = 0 and df = ∞", () => {
    const u = garchShocks(100_000, 0, 0, Infinity, createRng(2));
    const x = Array.from(u);
    expect(std(x)).toBeCloseTo(1, 1);
    expect(Math.abs(excessKurtosis(u))).toBeLessThan(0.1);
    expect(Math.abs(autocorrelation(x.map((v) => v * v), 1))).toBeLessThan(0.02);
  });

  it("is deterministic for a seed", () => {
    expect(Array.from(garchShocks(50, 0.1, 0.85, 5, createRng(3)))).toEqual(Array.from(garchShocks(50, 0.1, 0.85, 5, createRng(3))));
    expect(garchShocks(0, 0.1, 0.85, 5, createRng(3)).length).toBe(0);
  });
});
