import { describe, expect, it } from "vitest";
import * as measures from "../../src/measures";
import * as optimizers from "../../src/optimise";
import * as constraints from "../../src/optimise/constraints";
import * as hrp from "../../src/optimise/hrp";
import * as solvers from "../../src/optim";
import { cov, mu, returns } from "./optimizer-fixtures";

describe("optimise barrels (optimisers, constraints, hrp, solvers)", () => {
  it("exposes every optimiser by name and in its namespace", () => {
    for (const name of ["maxSharpe", "maxQuadraticUtility", "efficientReturn", "efficientRisk", "efficientFrontier", "maxReturn", "minCvar", "efficientCvar", "riskBudgeting", "equalRiskContribution", "l2Regularisation"] as const) {
      expect(typeof optimizers[name]).toBe("function");
    }
    expect(typeof measures.riskContributions).toBe("function");
    expect(optimizers.hierarchicalRiskParity).toBe(hrp.hierarchicalRiskParity);
    expect(optimizers.sectorLimits).toBe(constraints.sectorLimits);
    expect(typeof solvers.solveWorkingSetQp).toBe("function");
    expect(typeof solvers.solveLinearProgramWithHighs).toBe("function");
    expect(optimizers.constraints.maxHoldings).toBe(constraints.maxHoldings);
    expect(optimizers.hrp.singleLinkage).toBe(hrp.singleLinkage);
  });

  it("runs a notebook-style pipeline from the barrel", async () => {
    const { maxSharpe, sectorLimits, maxHoldings, hierarchicalRiskParity, minCvar } = optimizers;
    const { portfolioPerformance } = measures;
    const w = maxSharpe(mu, cov, { riskFreeRate: 0.02, constraints: [sectorLimits({ sectorOf: { ACME: "A", DYNA: "B" }, caps: { B: 0.6 } }), maxHoldings(3)] });
    expect(portfolioPerformance(w, mu, cov, { riskFreeRate: 0.02 }).sharpe).toBeGreaterThan(0);
    expect(hierarchicalRiskParity({ returns }).weights.values.length).toBe(6);
    expect((await minCvar(returns)).cvar).toBeGreaterThan(0);
  });
});
