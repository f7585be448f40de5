// Long-only maximum mean return / CVaR (95 %), 2,000 days × 500 assets: Riskfolio-Lib's Charnes–Cooper LP, ours on
// HiGHS against cvxopt.
import { empiricalTail } from "../../src/measures/empirical-tail";
import { maxCvarRatio } from "../../src/optimise/max-cvar-ratio";
import { minRiskLpCase } from "./min-risk-lp";

export const maxCvarRatioCase = minRiskLpCase({
  name: "max-cvar-ratio",
  title: "long-only maximum mean return / CVaR (95 %), 2,000 days × 500 assets",
  measure: "mean return / CVaR",
  better: "higher",
  seed: 23,
  reps: 2,
  async solve(returns, beta) {
    const p = await maxCvarRatio(returns, { beta, cutoff: 0 });
    return { weights: p.weights.values, risk: p.ratio };
  },
  riskOf: (p, beta) => p.reduce((s, v) => s + v, 0) / p.length / empiricalTail(p, beta).conditionalValueAtRisk,
});
