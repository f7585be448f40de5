// Cost-aware rebalance, 500 assets: maximise μᵀw − γ/2·wᵀΣw − Σ(commission + half-spread)|Δw| − Σ impact·Δw², long
// only, weights ≤ 5 %, from a 60-stock portfolio; against cvxopt solvers.qp on the same QP with explicit weights and
// the split Δw = u⁺ − u⁻ (x = [w, u⁺, u⁻]). Both report the objective; they agree when it matches.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { costAwareRebalance } from "../../src/optimise/rebalance/index";
import { priorOf, type Prior } from "../../src/moments/index";
import { createRng } from "../../src/core/random";
import { readMatrix, writeMatrix } from "../io";
import type { BenchCase } from "./case";
import { annualisedMoments, assetLabels } from "./synthetic-returns";

const N = 500;
const DAYS = 1000;
const GAMMA = 5;
const UPPER = 0.05;
const COMMISSION_BPS = 5;

interface Input {
  readonly prior: Prior;
  readonly w0: Float64Array;
  readonly spreadBps: Float64Array;
  readonly impact: Float64Array;
}

export const rebalanceCase: BenchCase<Input> = {
  name: "rebalance",
  title: "cost-aware rebalance (linear + quadratic costs), 500 assets",
  baseline: "cvxopt solvers.qp (x = [w, u⁺, u⁻])",
  goal: 1,
  reps: 3,
  prepare(dir) {
    const { cov, mu } = annualisedMoments(DAYS, N, 31);
    const rng = createRng(32);
    const w0 = new Float64Array(N);
    const held = Array.from({ length: N }, (_, i) => i).filter((i) => i % 8 === 3).slice(0, 60);
    for (const i of held) w0[i] = 1 / held.length;
    const spreadBps = Float64Array.from({ length: N }, () => 5 + 45 * rng.next());
    const impact = Float64Array.from({ length: N }, () => 0.05 + 0.5 * rng.next());
    writeMatrix(join(dir, "cov.bin"), { rows: N, cols: N, data: cov });
    writeMatrix(join(dir, "mu.bin"), { rows: N, cols: 1, data: mu });
    writeMatrix(join(dir, "w0.bin"), { rows: N, cols: 1, data: w0 });
    writeMatrix(join(dir, "spread.bin"), { rows: N, cols: 1, data: spreadBps });
    writeMatrix(join(dir, "impact.bin"), { rows: N, cols: 1, data: impact });
    writeFileSync(join(dir, "meta.json"), JSON.stringify({ n: N, gamma: GAMMA, upper: UPPER, commissionBps: COMMISSION_BPS }));
  },
  load(dir) {
    const labels = assetLabels(N);
    const vec = (f: string) => readMatrix(join(dir, f), N, 1).data;
    const prior = priorOf({
      expectedReturns: { labels, values: vec("mu.bin") },
      covariance: { labels, values: readMatrix(join(dir, "cov.bin"), N, N).data },
      returns: { dates: ["2000-01-03"], tickers: labels, values: new Float64Array(N) },
    });
    return { prior, w0: vec("w0.bin"), spreadBps: vec("spread.bin"), impact: vec("impact.bin") };
  },
  ours({ prior, w0, spreadBps, impact }) {
    const labels = prior.expectedReturns.labels;
    const p = costAwareRebalance(prior, {
      current: { weights: { labels, values: w0 } },
      riskAversion: GAMMA,
      bounds: [0, UPPER],
      cutoff: 0,
      costs: { commissionBps: COMMISSION_BPS, spreadBps: { labels, values: spreadBps }, impact: { labels, values: impact } },
    });
    return { weights: Array.from(p.weights.values), objective: p.details.objective };
  },
  agree(ours, baseline) {
    if (!baseline) throw new Error("rebalance needs its baseline");
    const a = ours.result.objective as number;
    const b = baseline.result.objective as number;
    const rel = (b - a) / Math.abs(b);
    const wa = ours.result.weights as number[];
    const wb = baseline.result.weights as number[];
    let maxDiff = 0;
    for (let i = 0; i < wa.length; i++) maxDiff = Math.max(maxDiff, Math.abs(wa[i]! - wb[i]!));
    // the objective is what both maximise: ours agrees when it is as high within 1e-6 (a flat optimum lets weights differ more)
    return {
      agrees: rel <= 1e-6 && maxDiff <= 1e-3 && wa.length === wb.length,
      detail: `net utility ours ${a.toFixed(8)} vs ${b.toFixed(8)} (baseline − ours = ${(rel * Math.abs(b)).toExponential(1)}, tol 1e-6 relative); max |Δw| ${maxDiff.toExponential(1)} (tol 1e-3)`,
    };
  },
};
