// Long-only minimum CVaR (95 %) on 2,000 days × 500 assets: our Rockafellar–Uryasev LP on HiGHS against cvxopt solvers.lp.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { minCvar } from "../../src/optimise/min-cvar";
import { empiricalTail } from "../../src/measures/empirical-tail";
import type { DateTable } from "../../src/core/frame";
import { readMatrix, writeMatrix } from "../io";
import type { BenchCase } from "./case";
import { assetLabels, benchDates, factorReturns } from "./synthetic-returns";

const N = 500;
const DAYS = 2000;
const BETA = 0.95;

/** Historical CVaR of the portfolio's daily returns at β, the fractional-tail convention of both LPs. */
function cvarOf(weights: readonly number[], r: Float64Array): number {
  const p = new Float64Array(DAYS);
  for (let t = 0; t < DAYS; t++) {
    let s = 0;
    for (let i = 0; i < N; i++) s += r[t * N + i]! * weights[i]!;
    p[t] = s;
  }
  return empiricalTail(p, BETA).conditionalValueAtRisk;
}

export const minCvarCase: BenchCase<DateTable> = {
  name: "min-cvar",
  title: "long-only minimum CVaR (95 %), 2,000 days × 500 assets",
  baseline: "cvxopt solvers.lp",
  goal: 1,
  reps: 2, // cvxopt takes about 14 s a solve
  prepare(dir) {
    const r = factorReturns(DAYS, N, 17);
    writeMatrix(join(dir, "returns.bin"), { rows: DAYS, cols: N, data: r.data });
    writeFileSync(join(dir, "meta.json"), JSON.stringify({ n: N, days: DAYS, beta: BETA }));
  },
  load(dir) {
    return { dates: benchDates(DAYS), tickers: assetLabels(N), values: readMatrix(join(dir, "returns.bin"), DAYS, N).data };
  },
  async ours(returns) {
    const p = await minCvar(returns, { beta: BETA, cutoff: 0 });
    return { weights: Array.from(p.weights.values), objective: p.cvar };
  },
  agree(ours, baseline, dir) {
    if (!baseline) throw new Error("min-cvar needs its baseline");
    // The LP's optimum need not be unique: compare the CVaR each side's weights reach, not the weights.
    const r = readMatrix(join(dir, "returns.bin"), DAYS, N).data;
    const a = cvarOf(ours.result.weights as number[], r);
    const b = cvarOf(baseline.result.weights as number[], r);
    const rel = (a - b) / b;
    return { agrees: rel <= 1e-6, detail: `CVaR of the weights: ours ${a.toExponential(6)}, cvxopt ${b.toExponential(6)} (ours/cvxopt − 1 = ${rel.toExponential(1)}, tol 1e-6; lower is better)` };
  },
};
