import { describe, expect, it } from "vitest";
import { InfeasibleError, InputError } from "../../src/core/errors";
import { efficientCvar } from "../../src/optimise/efficient-cvar";
import { minCvar } from "../../src/optimise/min-cvar";
import { copyTable } from "./helpers/fixtures";
import { expected, expectedReturn, expectWeights, mu, returns, snapshot } from "./optimizer-fixtures";

describe("efficientCvar", () => {
  it("{ targetReturn } matches PyPortfolioOpt's efficient_return (scipy HiGHS) on the fixture", async () => {
    const p = await efficientCvar(mu, returns, { targetReturn: expected.cvar.efficientReturn.target });
    expectWeights(p.weights, expected.cvar.efficientReturn.weights);
    expect(p.cvar).toBeCloseTo(expected.cvar.efficientReturn.cvar, 12);
    expect(p.expectedReturn).toBeGreaterThanOrEqual(0.25 - 1e-9);
  });

  it("{ targetCvar } matches PyPortfolioOpt's efficient_risk", async () => {
    const p = await efficientCvar(mu, returns, { targetCvar: expected.cvar.efficientRisk.target });
    expectWeights(p.weights, expected.cvar.efficientRisk.weights);
    expect(p.expectedReturn).toBeCloseTo(expected.cvar.efficientRisk.expectedReturn, 9);
    expect(p.cvar).toBeLessThanOrEqual(expected.cvar.efficientRisk.target + 1e-10);
  });

  it("is the minimum-CVaR portfolio for a low target return, and returns rise with the CVaR allowed", async () => {
    const low = await efficientCvar(mu, returns, { targetReturn: -1 });
    expectWeights(low.weights, (await minCvar(returns)).weights.values, 1e-8);
    let previous = -Infinity;
    for (const target of [0.016, 0.018, 0.02, 0.025]) {
      const p = await efficientCvar(mu, returns, { targetCvar: target });
      expect(p.expectedReturn).toBeGreaterThanOrEqual(previous - 1e-12);
      expect(p.expectedReturn).toBeCloseTo(expectedReturn(mu, p.weights.values), 12);
      previous = p.expectedReturn;
    }
  });

  it("diagnoses a target CVaR below the minimum and a target return above the maximum", async () => {
    await expect(efficientCvar(mu, returns, { targetCvar: 0.01 })).rejects.toThrow(InfeasibleError);
    await expect(efficientCvar(mu, returns, { targetCvar: 0.01 })).rejects.toThrow(
      "efficientCvar: target CVaR 0.01 is below the minimum achievable 0.0148 (per period, β = 0.95) for these assets and bounds; use a target ≥ 0.0148",
    );
    await expect(efficientCvar(mu, returns, { targetReturn: 0.4 })).rejects.toThrow(/target return 0.4 is above the maximum achievable 0.294/);
  });

  it("throws InputError for a missing target or mismatched labels", async () => {
    await expect(efficientCvar(mu, returns, {} as never)).rejects.toThrow(/exactly one of/);
    await expect(efficientCvar(mu, returns, { targetReturn: 0.1, targetCvar: 0.02 } as never)).rejects.toThrow(InputError);
    await expect(efficientCvar({ labels: ["A"], values: Float64Array.of(0.1) }, returns, { targetReturn: 0.1 })).rejects.toThrow(/mu has 1 assets/);
  });

  it("does not modify its inputs", async () => {
    const [m, r] = [snapshot(mu), copyTable(returns)];
    await efficientCvar(mu, returns, { targetReturn: 0.2 });
    expect(mu).toEqual(m);
    expect(returns).toEqual(r);
  });
});
