// Maximum Sharpe, long-only, 500 assets, against cvxopt with PyPortfolioOpt's reformulation
// (min yᵀΣy s.t. (μ − r_f)ᵀy = 1, y ≥ 0; w = y / Σy).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { maxSharpe } from "../../src/optimise/max-sharpe";
import type { LabelledMatrix, LabelledVector } from "../../src/core/frame";
import { readMatrix, writeMatrix } from "../io";
import { agreeWeights } from "./agree";
import type { BenchCase } from "./case";
import { annualisedMoments, assetLabels } from "./synthetic-returns";

const N = 500;
const DAYS = 1000;
const RF = 0.02;

export const maxSharpeCase: BenchCase<{ mu: LabelledVector; cov: LabelledMatrix }> = {
  name: "max-sharpe",
  title: "maximum Sharpe, 500 assets",
  baseline: "cvxopt solvers.qp (PyPortfolioOpt's reformulation)",
  goal: 1,
  reps: 5,
  prepare(dir) {
    const { cov, mu } = annualisedMoments(DAYS, N, 21);
    writeMatrix(join(dir, "cov.bin"), { rows: N, cols: N, data: cov });
    writeMatrix(join(dir, "mu.bin"), { rows: N, cols: 1, data: mu });
    writeFileSync(join(dir, "meta.json"), JSON.stringify({ n: N, rf: RF }));
  },
  load(dir) {
    const labels = assetLabels(N);
    return { cov: { labels, values: readMatrix(join(dir, "cov.bin"), N, N).data }, mu: { labels, values: readMatrix(join(dir, "mu.bin"), N, 1).data } };
  },
  ours({ mu, cov }) {
    return { weights: Array.from(maxSharpe(mu, cov, { riskFreeRate: RF }).values) };
  },
  agree(ours, baseline, dir) {
    if (!baseline) throw new Error("max-sharpe needs its baseline");
    return agreeWeights(ours, baseline, readMatrix(join(dir, "cov.bin"), N, N).data, { weightTol: 1e-3, varianceRelTol: 1e-4 });
  },
};
