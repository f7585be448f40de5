import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { l2Regularisation } from "../../src/optimise/l2-regularisation";
import { minVolatility } from "../../src/optimise/min-volatility";
import { cov, expected, expectWeights } from "./optimizer-fixtures";

describe("l2Regularisation", () => {
  it("is γ‖w‖² (the TSDoc example) and adds 2γ to the diagonal of ½wᵀQw", () => {
    const term = l2Regularisation(2);
    expect(term.value([0.5, 0.5])).toBe(1);
    const Q = new Float64Array(4);
    const c = new Float64Array(2);
    term.addTo(Q, c, ["A", "B"]);
    expect(Array.from(Q)).toEqual([4, 0, 0, 4]);
    expect(Array.from(c)).toEqual([0, 0]);
  });

  it("matches PyPortfolioOpt's min_volatility with add_objective(L2_reg, gamma=0.1) (cvxopt)", () => {
    const w = minVolatility(cov, { objectives: [l2Regularisation(expected.fixture.minVolatilityL2.gamma)] });
    expectWeights(w, expected.fixture.minVolatilityL2.weights);
    expect(w.values.filter((x) => x > 0).length).toBeGreaterThan(minVolatility(cov).values.filter((x) => x > 0).length);
  });

  it("throws InputError for a negative or non-finite gamma", () => {
    expect(() => l2Regularisation(-1)).toThrow(InputError);
    expect(() => l2Regularisation(NaN)).toThrow(/gamma is NaN/);
  });
});
