// A Gaussian hidden Markov model fitted by Baum–Welch: 2,500 days of 4 return series, 3 states, full covariances,
// 3 seeded starts (the same starting parameters on both sides, written here), best log-likelihood kept; against the
// same algorithm in numpy (scaled forward–backward, weighted M-step, covariance floor).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createRng } from "../../src/core/random";
import { baumWelch, initialHmmParameters, type HmmParameters } from "../../src/models/regimes/index";
import { readMatrix, writeMatrix } from "../io";
import { agreeArrays } from "./agree";
import type { BenchCase } from "./case";

const DAYS = 2500;
const SERIES = 4;
const STATES = 3;
const STARTS = 3;
const MAX_ITERATIONS = 100;
const TOLERANCE = 1e-6;
const FLOOR = 1e-8;

interface Input {
  readonly x: Float64Array;
  readonly starts: readonly HmmParameters[];
}

/** Returns of a 3-regime market: calm, nervous, crisis (daily vols ≈ 0.7 %, 1.2 %, 2.5 %, correlations rising). */
function regimeReturns(seed: number): Float64Array {
  const rng = createRng(seed);
  const stay = [0.99, 0.97, 0.95];
  const vol = [0.007, 0.012, 0.025];
  const drift = [0.0006, 0.0001, -0.0015];
  const rho = [0.3, 0.5, 0.8];
  const x = new Float64Array(DAYS * SERIES);
  let s = 0;
  for (let t = 0; t < DAYS; t++) {
    if (t > 0 && rng.next() > stay[s]!) s = (s + 1 + rng.int(STATES - 1)) % STATES;
    const common = rng.normal();
    for (let i = 0; i < SERIES; i++) {
      const z = Math.sqrt(rho[s]!) * common + Math.sqrt(1 - rho[s]!) * rng.normal();
      x[t * SERIES + i] = drift[s]! + vol[s]! * (0.8 + 0.1 * i) * z;
    }
  }
  return x;
}

function flat(p: HmmParameters): number[] {
  return [...p.initial, ...p.transition, ...p.means, ...p.covariances];
}

export const hmmCase: BenchCase<Input> = {
  name: "hmm",
  title: "Gaussian HMM fit (Baum–Welch), 2,500 days × 4 series, 3 states, 3 starts",
  baseline: "numpy (same algorithm, scaled forward–backward)",
  goal: 1,
  reps: 3,
  prepare(dir) {
    const x = regimeReturns(61);
    writeMatrix(join(dir, "returns.bin"), { rows: DAYS, cols: SERIES, data: x });
    const starts = Array.from({ length: STARTS }, (_, s) => flat(initialHmmParameters(x, SERIES, STATES, createRng(100 + s), FLOOR)));
    writeFileSync(join(dir, "meta.json"), JSON.stringify({ days: DAYS, series: SERIES, states: STATES, maxIterations: MAX_ITERATIONS, tolerance: TOLERANCE, floor: FLOOR, starts }));
  },
  load(dir) {
    const meta = JSON.parse(readFileSync(join(dir, "meta.json"), "utf8")) as { starts: number[][] };
    const k = STATES;
    const d = SERIES;
    const starts = meta.starts.map((v) => {
      const a = Float64Array.from(v);
      let o = 0;
      const take = (n: number) => a.slice(o, (o += n));
      return { states: k, dimension: d, initial: take(k), transition: take(k * k), means: take(k * d), covariances: take(k * d * d) };
    });
    return { x: readMatrix(join(dir, "returns.bin"), DAYS, SERIES).data, starts };
  },
  ours({ x, starts }) {
    let best: ReturnType<typeof baumWelch> | undefined;
    const all: number[] = [];
    for (const start of starts) {
      const fit = baumWelch(x, start, { maxIterations: MAX_ITERATIONS, tolerance: TOLERANCE, covarianceFloor: FLOOR });
      all.push(fit.logLikelihood);
      if (best === undefined || fit.logLikelihood > best.logLikelihood) best = fit;
    }
    return { logLikelihood: best!.logLikelihood, startLogLikelihoods: all, iterations: best!.iterations, means: Array.from(best!.parameters.means), transition: Array.from(best!.parameters.transition) };
  },
  agree(ours, baseline) {
    if (!baseline) throw new Error("hmm needs its baseline");
    const ll = agreeArrays("log-likelihood of each start", ours.result.startLogLikelihoods as number[], baseline.result.startLogLikelihoods as number[], 1e-9);
    const mu = agreeArrays("means", ours.result.means as number[], baseline.result.means as number[], 1e-6);
    const a = agreeArrays("transition", ours.result.transition as number[], baseline.result.transition as number[], 1e-6);
    const same = ours.result.iterations === baseline.result.iterations;
    return {
      agrees: ll.agrees && mu.agrees && a.agrees && same,
      detail: `best log L ${(ours.result.logLikelihood as number).toFixed(4)} vs ${(baseline.result.logLikelihood as number).toFixed(4)}; ${ll.detail}; ${mu.detail}; ${a.detail}; iterations ${ours.result.iterations} vs ${baseline.result.iterations}`,
    };
  },
};
