// Maximum Sharpe, long-only, 500 assets, against cvxopt with PyPortfolioOpt's reformulation
// (min yᵀΣy s.t. (μ − r_f)ᵀy = 1, y ≥ 0; w = y / Σy).
import { join } from "node:path";
import { maxSharpe } from "../../src/optimise/max-sharpe";
import type { LabelledMatrix, LabelledVector } from "../../src/core/frame";
import { readMatrix } from "../io";
import { agreeWeights } from "./agree";
import type { BenchCase } from "./case";
import { readMoments, writeMoments } from "./synthetic-returns";

const RF = 0.02;

/** The case at `N` assets, moments from max(1,000, 1.5 N) days. */
export function maxSharpeCaseAt(N: number): BenchCase<{ mu: LabelledVector; cov: LabelledMatrix }> {
  const DAYS = Math.max(1000, Math.ceil(1.5 * N));
  return {
    name: "max-sharpe",
    title: `maximum Sharpe, ${N.toLocaleString("en")} assets`,
    baseline: "cvxopt solvers.qp (PyPortfolioOpt's reformulation)",
    goal: 1,
    reps: 5,
    prepare(dir) {
      writeMoments(dir, DAYS, N, 21, { rf: RF });
    },
    load(dir) {
      return readMoments(dir, N);
    },
    ours({ mu, cov }) {
      return { weights: Array.from(maxSharpe(mu, cov, { riskFreeRate: RF }).values) };
    },
    agree(ours, baseline, dir) {
      if (!baseline) throw new Error("max-sharpe needs its baseline");
      return agreeWeights(ours, baseline, readMatrix(join(dir, "cov.bin"), N, N).data, { weightTol: 1e-3, varianceRelTol: 1e-4 });
    },
  };
}

export const maxSharpeCase = maxSharpeCaseAt(500);
