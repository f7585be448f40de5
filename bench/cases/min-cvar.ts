// Long-only minimum CVaR (95 %), 2,000 days × 500 assets: the Rockafellar–Uryasev LP, ours on HiGHS against cvxopt.
import { empiricalTail } from "../../src/measures/empirical-tail";
import { minCvar } from "../../src/optimise/min-cvar";
import { minRiskLpCase } from "./min-risk-lp";

/** The case at `assets` × `days` (500 × 2,000 in the main table). */
export const minCvarCaseAt = (assets: number, days = 2000) => minRiskLpCase({
  name: "min-cvar",
  title: `long-only minimum CVaR (95 %), ${days.toLocaleString("en")} days × ${assets.toLocaleString("en")} assets`,
  assets,
  days,
  measure: "CVaR",
  seed: 17,
  reps: 2, // cvxopt takes about 8 s a solve
  async solve(returns, beta) {
    const p = await minCvar(returns, { beta, cutoff: 0 });
    return { weights: p.weights.values, risk: p.cvar };
  },
  riskOf: (p, beta) => empiricalTail(p, beta).conditionalValueAtRisk,
});

export const minCvarCase = minCvarCaseAt(500);
