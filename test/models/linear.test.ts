import { describe, expect, it } from "vitest";
import { LogisticRegression, RidgeRegression, linear, metrics, modelFromJSON } from "../../src/models/index";
import type { FeatureFrame } from "../../src/features/index";
import { slice, syntheticFrame } from "./helpers";

const frameOf = (columns: number[][]): FeatureFrame => ({
  names: columns.map((_, j) => `x${j}`),
  columns: columns.map((c) => Float64Array.from(c)),
  dates: columns[0]!.map(() => "2020-01-31"),
  tickers: columns[0]!.map((_, i) => `T${i}`),
});

describe("RidgeRegression", () => {
  it("with alpha 0 is least squares: recovers y = 1 + 2·x0 − 3·x1 exactly", async () => {
    const x0 = [1, 2, 3, 4, 5, 6];
    const x1 = [2, 1, 0, 1, 3, 5];
    const y = x0.map((v, i) => 1 + 2 * v - 3 * x1[i]!);
    const ridge = await new RidgeRegression({ alpha: 0 }).fit(frameOf([x0, x1]), y);
    const c = ridge.coefficients();
    expect(c.values[0]).toBeCloseTo(2, 10);
    expect(c.values[1]).toBeCloseTo(-3, 10);
    expect(c.intercept).toBeCloseTo(1, 10);
    expect(ridge.predict(frameOf([[10], [1]]))[0]).toBeCloseTo(18, 10);
  });

  it("shrinks the coefficients as alpha grows (one standardised feature: β = cov / (var + alpha))", async () => {
    const x = [-1, 0, 1];
    const y = [-2, 0, 2]; // y = 2x; on standardised z (variance 1), β_z = sd·2 / (1 + alpha), i.e. 2 / (1 + alpha) per unit of x
    const slope = async (alpha: number) => (await new RidgeRegression({ alpha }).fit(frameOf([x]), y)).coefficients().values[0]!;
    expect(await slope(0)).toBeCloseTo(2, 12);
    expect(await slope(1)).toBeCloseTo(1, 12);
    expect(await slope(3)).toBeCloseTo(0.5, 12);
  });

  it("round-trips through JSON", async () => {
    const { frame, y } = syntheticFrame(200, 3, 4);
    const ridge = await new RidgeRegression().fit(frame, y);
    const again = (await modelFromJSON(JSON.parse(JSON.stringify(ridge.toJSON())))) as RidgeRegression;
    expect(again.predict(frame)).toEqual(ridge.predict(frame));
  });

  it("rejects a negative alpha and collinear features without a penalty", async () => {
    expect(() => new RidgeRegression({ alpha: -1 })).toThrowError(/alpha -1/);
    await expect(new RidgeRegression({ alpha: 0 }).fit(frameOf([[1, 2, 3], [2, 4, 6]]), [1, 2, 4])).rejects.toThrowError(/singular/);
  });
});

describe("LogisticRegression", () => {
  it("finds the direction of the signal and gives calibrated-looking probabilities", async () => {
    const { frame, y } = syntheticFrame(1000, 3, 9, 0.5);
    const labels = y.map((v) => (v > 0 ? 1 : 0));
    const train = slice(frame, labels, 0, 800);
    const test = slice(frame, labels, 800, 1000);
    const logit = await new LogisticRegression().fit(train.frame, train.y);
    const p = logit.predictProbability(test.frame);
    expect(metrics.auc(test.y, p)).toBeGreaterThan(0.8);
    const mean = p.reduce((a, b) => a + b, 0) / p.length;
    expect(Math.abs(mean - test.y.reduce((a, b) => a + b, 0) / test.y.length)).toBeLessThan(0.08);
    const again = (await modelFromJSON(logit.toJSON())) as LogisticRegression;
    expect(again.predictProbability(test.frame)).toEqual(p);
  });

  it("matches the closed form on a one-feature, two-point-per-side problem", async () => {
    // Symmetric data, no penalty: the fitted probability at each x equals the observed rate there.
    const x = [-1, -1, -1, -1, 1, 1, 1, 1];
    const labels = [0, 0, 0, 1, 1, 1, 1, 0];
    const logit = await new LogisticRegression({ alpha: 0 }).fit(frameOf([x]), labels);
    const p = logit.predictProbability(frameOf([[-1, 1]]));
    expect(p[0]).toBeCloseTo(0.25, 8);
    expect(p[1]).toBeCloseTo(0.75, 8);
  });

  it("reports separable data it cannot fit without a penalty", async () => {
    await expect(new LogisticRegression({ alpha: 0, maxIterations: 30 }).fit(frameOf([[1, 2, 3, 4]]), [0, 0, 1, 1])).rejects.toThrowError(/did not converge|singular/);
  });
});

describe("solveSymmetric", () => {
  it("solves a 2 × 2 system", () => {
    expect(Array.from(linear.solveSymmetric(Float64Array.of(4, 2, 2, 3), Float64Array.of(2, 1)))).toEqual([0.5, 0]);
  });
});
