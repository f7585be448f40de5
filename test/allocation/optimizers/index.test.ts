import { describe, expect, it } from "vitest";
import * as allocation from "../../../src/allocation";
import * as optimizers from "../../../src/allocation/optimizers";
import * as constraints from "../../../src/allocation/constraints";
import * as hrp from "../../../src/allocation/hrp";
import * as solvers from "../../../src/allocation/solvers";
import { cov, mu, returns } from "./optimizer-fixtures";

describe("allocation barrels (optimisers, constraints, hrp, solvers)", () => {
  it("exposes every optimiser by name and in its namespace", () => {
    for (const name of ["maxSharpe", "maxQuadraticUtility", "efficientReturn", "efficientRisk", "efficientFrontier", "maxReturn", "minCvar", "efficientCvar", "riskBudgeting", "equalRiskContribution", "riskContributions", "l2Regularisation"] as const) {
      expect(typeof optimizers[name]).toBe("function");
      expect(allocation[name]).toBe(optimizers[name]);
    }
    expect(allocation.hierarchicalRiskParity).toBe(hrp.hierarchicalRiskParity);
    expect(allocation.sectorLimits).toBe(constraints.sectorLimits);
    expect(typeof solvers.solveWorkingSetQp).toBe("function");
    expect(typeof solvers.solveLinearProgramWithHighs).toBe("function");
    expect(allocation.constraints.maxHoldings).toBe(constraints.maxHoldings);
    expect(allocation.hrp.singleLinkage).toBe(hrp.singleLinkage);
  });

  it("runs a notebook-style pipeline from the barrel", async () => {
    const { maxSharpe, sectorLimits, maxHoldings, portfolioPerformance, hierarchicalRiskParity, minCvar } = allocation;
    const w = maxSharpe(mu, cov, { riskFreeRate: 0.02, constraints: [sectorLimits({ sectorOf: { ACME: "A", DYNA: "B" }, caps: { B: 0.6 } }), maxHoldings(3)] });
    expect(portfolioPerformance(w, mu, cov, { riskFreeRate: 0.02 }).sharpe).toBeGreaterThan(0);
    expect(hierarchicalRiskParity({ returns }).weights.values.length).toBe(6);
    expect((await minCvar(returns)).cvar).toBeGreaterThan(0);
  });
});
