// Long-only risk linear programmes (minimum CVaR, minimum CDaR, maximum return / CVaR) on 2,000 days × 500 assets: ours
// on HiGHS against cvxopt solvers.lp. The LP's optimum need not be unique, so the sides agree when the objective their
// weights reach is the same (or ours is better).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { DateTable } from "../../src/core/frame";
import { readMatrix, writeMatrix } from "../io";
import type { BenchCase, CaseResult } from "./case";
import { assetLabels, benchDates, factorReturns } from "./synthetic-returns";

const BETA = 0.95;

interface MinRiskLp {
  readonly name: string;
  readonly title: string;
  /** The risk measure's name in the agreement sentence, e.g. "CVaR". */
  readonly measure: string;
  /** Whether a lower (risk, default) or a higher (ratio) value of the measure is better. */
  readonly better?: "lower" | "higher";
  readonly seed: number;
  /** Size of the returns: assets (500 by default) and days (2,000 by default). */
  readonly assets?: number;
  readonly days?: number;
  readonly reps: number;
  /** Our optimiser: weights and the risk they reach. */
  solve(returns: DateTable, beta: number): Promise<{ weights: ArrayLike<number>; risk: number }>;
  /** The measure at β of the portfolio's daily returns. */
  riskOf(portfolioReturns: Float64Array, beta: number): number;
}

/** A bench case for a minimum-risk LP whose baseline is bench/baselines/<name with _>.py. */
export function minRiskLpCase(spec: MinRiskLp): BenchCase<DateTable> {
  const N = spec.assets ?? 500;
  const DAYS = spec.days ?? 2000;
  const riskOfWeights = (weights: readonly number[], r: Float64Array) => {
    const p = new Float64Array(DAYS);
    for (let t = 0; t < DAYS; t++) {
      let s = 0;
      for (let i = 0; i < N; i++) s += r[t * N + i]! * weights[i]!;
      p[t] = s;
    }
    return spec.riskOf(p, BETA);
  };
  return {
    name: spec.name,
    title: spec.title,
    baseline: "cvxopt solvers.lp",
    goal: 1,
    reps: spec.reps,
    prepare(dir) {
      writeMatrix(join(dir, "returns.bin"), { rows: DAYS, cols: N, data: factorReturns(DAYS, N, spec.seed).data });
      writeFileSync(join(dir, "meta.json"), JSON.stringify({ n: N, days: DAYS, beta: BETA }));
    },
    load(dir) {
      return { dates: benchDates(DAYS), tickers: assetLabels(N), values: readMatrix(join(dir, "returns.bin"), DAYS, N).data };
    },
    async ours(returns): Promise<CaseResult> {
      const { weights, risk } = await spec.solve(returns, BETA);
      return { weights: Array.from(weights), objective: risk };
    },
    agree(ours, baseline, dir) {
      if (!baseline) throw new Error(`${spec.name} needs its baseline`);
      const r = readMatrix(join(dir, "returns.bin"), DAYS, N).data;
      const a = riskOfWeights(ours.result.weights as number[], r);
      const b = riskOfWeights(baseline.result.weights as number[], r);
      const rel = (a - b) / b;
      const higher = spec.better === "higher";
      return {
        agrees: higher ? rel >= -1e-6 : rel <= 1e-6,
        detail: `${spec.measure} of the weights: ours ${a.toExponential(6)}, cvxopt ${b.toExponential(6)} (ours/cvxopt − 1 = ${rel.toExponential(1)}, tol 1e-6; ${higher ? "higher" : "lower"} is better)`,
      };
    },
  };
}
