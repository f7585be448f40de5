// Long-only minimum volatility on a sample covariance (500 assets, 750 days; any size for the scaling curves),
// against cvxopt solvers.qp.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { minVolatility } from "../../src/optimise/min-volatility";
import { pairwiseCovariance } from "../../src/moments/risk-models/pairwise-covariance";
import type { LabelledMatrix } from "../../src/core/frame";
import { readMatrix, writeMatrix } from "../io";
import type { BenchCase } from "./case";
import { agreeWeights } from "./agree";
import { assetLabels, benchDates, factorReturns } from "./synthetic-returns";

/** The case at `N` assets, on max(750, 1.5 N) days of returns so that the sample covariance has full rank. */
export function minVolatilityCaseAt(N: number): BenchCase<LabelledMatrix> {
  const DAYS = Math.max(750, Math.ceil(1.5 * N));
  return {
    name: "min-volatility",
    title: `long-only minimum volatility, ${N.toLocaleString("en")} assets`,
    baseline: "cvxopt solvers.qp",
    goal: 1,
    reps: 5,
    prepare(dir) {
      const r = factorReturns(DAYS, N, 11);
      const cov = pairwiseCovariance({ dates: benchDates(DAYS), tickers: assetLabels(N), values: r.data });
      for (let i = 0; i < cov.values.length; i++) cov.values[i] = cov.values[i]! * 252;
      writeMatrix(join(dir, "cov.bin"), { rows: N, cols: N, data: cov.values });
      writeFileSync(join(dir, "meta.json"), JSON.stringify({ n: N }));
    },
    load(dir) {
      return { labels: assetLabels(N), values: readMatrix(join(dir, "cov.bin"), N, N).data };
    },
    ours(cov) {
      return { weights: Array.from(minVolatility(cov).values) };
    },
    agree(ours, baseline, dir) {
      if (!baseline) throw new Error("min-volatility needs its baseline");
      return agreeWeights(ours, baseline, readMatrix(join(dir, "cov.bin"), N, N).data, { weightTol: 1e-3, varianceRelTol: 1e-6 });
    },
  };
}

export const minVolatilityCase = minVolatilityCaseAt(500);
