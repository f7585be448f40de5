import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { checkExpectedReturns, objectiveOf, setupMeanVariance, solveMeanVariance, weightsOf } from "../../src/optimise/mean-variance-options";
import { l2Regularisation } from "../../src/optimise/l2-regularisation";
import { cov, mu } from "./optimizer-fixtures";

describe("mean-variance set-up", () => {
  it("builds ½wᵀQw + cᵀw = a·wᵀΣw − b·μᵀw + terms", () => {
    const setup = setupMeanVariance("test", cov, mu, { objectives: [l2Regularisation(0.5)], ridge: 0 }, 1);
    const { Q, c } = objectiveOf(setup, 2, 3);
    expect(Q[0]).toBeCloseTo(4 * cov.values[0]! + 1, 14);
    expect(Q[1]).toBeCloseTo(4 * cov.values[1]!, 14);
    expect(c[2]).toBeCloseTo(-3 * mu.values[2]!, 14);
  });

  it("clips and cleans the solver's weights, renormalising only when fully invested", () => {
    const setup = setupMeanVariance("test", cov, mu, { bounds: [0, 0.5] }, 1);
    const w = weightsOf(setup, [0.5 + 1e-13, 3e-9, 0, 0.5, 0, 0]);
    expect(Array.from(w.values)).toEqual([0.5, 0, 0, 0.5, 0, 0]);
    const neutral = setupMeanVariance("test", cov, mu, {}, 0);
    expect(weightsOf(neutral, [0.5, -0.5, 0, 0, 0, 3e-9]).values.reduce((s, x) => s + x, 0)).toBe(0);
  });

  it("solves with warm starts to the same answer", () => {
    const setup = setupMeanVariance("test", cov, mu, {}, 1);
    const cold = solveMeanVariance(setup, 1, 0.5);
    const warm = solveMeanVariance(setup, 1, 0.5, [], cold.warmStart);
    expect(Array.from(warm.raw)).toEqual(Array.from(cold.raw).map((x) => expect.closeTo(x, 12)));
  });

  it("checks expected returns against the covariance", () => {
    expect(() => checkExpectedReturns({ labels: mu.labels, values: mu.values.subarray(0, 5) }, cov, "f")).toThrow(/mu has 6 labels but 5 values/);
    expect(() => setupMeanVariance("f", cov, mu, { ridge: -1 }, 1)).toThrow(InputError);
    expect(() => setupMeanVariance("f", cov, mu, { cutoff: NaN }, 1)).toThrow(/cutoff NaN/);
    expect(() => setupMeanVariance("f", cov, mu, { objectives: [{} as never] }, 1)).toThrow(/objectives\[0\] is not an objective term/);
  });
});
