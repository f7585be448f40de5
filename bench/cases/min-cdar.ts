// Long-only minimum CDaR (95 %), 2,000 days × 500 assets: PyPortfolioOpt's min_cdar LP, ours on HiGHS against cvxopt.
import { drawdownCvar, drawdownSeries } from "../../src/measures/index";
import { minCdar } from "../../src/optimise/min-cdar";
import { minRiskLpCase } from "./min-risk-lp";

export const minCdarCase = minRiskLpCase({
  name: "min-cdar",
  title: "long-only minimum CDaR (95 %), 2,000 days × 500 assets",
  measure: "CDaR",
  seed: 19,
  reps: 1, // cvxopt takes about a minute a solve
  async solve(returns, beta) {
    const p = await minCdar(returns, { beta, cutoff: 0 });
    return { weights: p.weights.values, risk: p.cdar };
  },
  // Uncompounded drawdowns, the start a peak: as both LPs define them.
  riskOf: (p, beta) => drawdownCvar(drawdownSeries(p, { compounded: false }), { confidence: beta }),
});
