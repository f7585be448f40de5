// Long-only minimum CVaR (95 %), 2,000 days × 500 assets: the Rockafellar–Uryasev LP, ours on HiGHS against cvxopt.
import { empiricalTail } from "../../src/measures/empirical-tail";
import { minCvar } from "../../src/optimise/min-cvar";
import { minRiskLpCase } from "./min-risk-lp";

export const minCvarCase = minRiskLpCase({
  name: "min-cvar",
  title: "long-only minimum CVaR (95 %), 2,000 days × 500 assets",
  measure: "CVaR",
  seed: 17,
  reps: 2, // cvxopt takes about 8 s a solve
  async solve(returns, beta) {
    const p = await minCvar(returns, { beta, cutoff: 0 });
    return { weights: p.weights.values, risk: p.cvar };
  },
  riskOf: (p, beta) => empiricalTail(p, beta).conditionalValueAtRisk,
});
