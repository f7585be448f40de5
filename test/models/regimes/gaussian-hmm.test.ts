// Known answers: test/fixtures/regimes/hmm.json, written by make_hmm.py (an independent numpy/scipy implementation
// of Baum–Welch from Rabiner 1989, and brute-force enumeration of every state path for the textbook case).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createRng, DataError, InputError, frame, type DateTable } from "../../../src/core/index";
import { packagePath } from "../../../src/core/paths";
import {
  backwardPass, baumWelch, emissionLogDensities, fitHmm, forwardPass, GaussianHmm, hmmParameterCount, initialHmmParameters,
  selectStates, viterbiPath, type HmmParameters,
} from "../../../src/models/regimes/index";
import { loadModel, saveModel } from "../../../src/models/index";

interface EmCase {
  T: number; d: number; K: number; x: number[]; trueStates: number[]; floor: number; maxIterations: number; tolerance: number | null;
  start: { initial: number[]; transition: number[]; means: number[]; covariances: number[] };
  fit: { initial: number[]; transition: number[]; means: number[]; covariances: number[]; logLikelihood: number; history: number[]; iterations: number; converged: boolean };
  filtered: number[]; smoothed: number[]; viterbi: number[]; viterbiLogProbability: number;
}
interface Enumeration { initial: number[]; transition: number[]; means: number[]; covariances: number[]; x: number[]; logLikelihood: number; filtered: number[]; viterbi: number[]; viterbiLogProbability: number }
const fixture = JSON.parse(readFileSync(packagePath("test", "fixtures", "regimes", "hmm.json"), "utf8")) as { em2d: EmCase; em1d3: EmCase; enumeration: Enumeration };

function params(c: { initial: number[]; transition: number[]; means: number[]; covariances: number[] }, k: number, d: number): HmmParameters {
  return { states: k, dimension: d, initial: Float64Array.from(c.initial), transition: Float64Array.from(c.transition), means: Float64Array.from(c.means), covariances: Float64Array.from(c.covariances) };
}

function expectClose(actual: ArrayLike<number>, expected: readonly number[], tol: number): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    worst = Math.max(worst, Math.abs(actual[i]! - expected[i]!));
    scale = Math.max(scale, Math.abs(expected[i]!));
  }
  expect(worst / (scale || 1)).toBeLessThan(tol);
}

function dated(values: Float64Array | number[], d: number): DateTable {
  const n = values.length / d;
  const dates = Array.from({ length: n }, (_, i) => new Date(Date.UTC(2000, 0, 3) + i * 86400000).toISOString().slice(0, 10));
  return frame({ dates, tickers: Array.from({ length: d }, (_, i) => `S${i + 1}`), values: Float64Array.from(values) });
}

describe("baumWelch against the numpy implementation (same start)", () => {
  for (const name of ["em2d", "em1d3"] as const) {
    const c = fixture[name];
    it(`${name}: ${c.K} states on ${c.d} series — log-likelihood, history, parameters to 1e-8`, () => {
      const x = Float64Array.from(c.x);
      const start = params(c.start, c.K, c.d);
      const startCopy = Float64Array.from(start.means);
      const fit = baumWelch(x, start, { maxIterations: c.maxIterations, tolerance: c.tolerance ?? -Infinity, covarianceFloor: c.floor });
      expect(fit.iterations).toBe(c.fit.iterations);
      expect(fit.converged).toBe(c.fit.converged);
      expect(Math.abs(fit.logLikelihood - c.fit.logLikelihood) / Math.abs(c.fit.logLikelihood)).toBeLessThan(1e-10);
      expectClose(fit.history, c.fit.history, 1e-10);
      expectClose(fit.parameters.initial, c.fit.initial, 1e-8);
      expectClose(fit.parameters.transition, c.fit.transition, 1e-8);
      expectClose(fit.parameters.means, c.fit.means, 1e-8);
      expectClose(fit.parameters.covariances, c.fit.covariances, 1e-8);
      expect(start.means).toEqual(startCopy); // the start is not changed
    });

    it(`${name}: Viterbi path, filtered and smoothed probabilities at the fitted parameters`, () => {
      const p = params(c.fit, c.K, c.d);
      const logB = emissionLogDensities(Float64Array.from(c.x), p);
      const forward = forwardPass(logB, p.initial, p.transition);
      expectClose(forward.filtered, c.filtered, 1e-8);
      expectClose(backwardPass(forward, p.transition).smoothed, c.smoothed, 1e-8);
      const v = viterbiPath(logB, p.initial, p.transition);
      expect(Array.from(v.path)).toEqual(c.viterbi);
      expect(v.logProbability).toBeCloseTo(c.viterbiLogProbability, 6);
    });
  }
});

describe("textbook case: a 2-state model on 7 observations, by enumeration of all 128 state paths", () => {
  const e = fixture.enumeration;
  const p = params(e, 2, 1);
  const model = new GaussianHmm(p, ["S1"]);
  const returns = dated(e.x, 1);

  it("likelihood, filtered probabilities and Viterbi path equal their definitions", () => {
    expect(model.logLikelihoodOf(returns)).toBeCloseTo(e.logLikelihood, 10);
    expectClose(model.filtered(returns).values, e.filtered, 1e-12);
    expect(Array.from(model.viterbi(returns).values)).toEqual(e.viterbi.map((s) => s + 1));
    const v = viterbiPath(emissionLogDensities(Float64Array.from(e.x), p), p.initial, p.transition);
    expect(v.logProbability).toBeCloseTo(e.viterbiLogProbability, 10);
  });

  it("with A's rows equal to π the model is a Gaussian mixture: log L = Σ log Σ π_k N(x; μ_k, σ_k)", () => {
    const mixture: HmmParameters = { ...p, transition: Float64Array.of(0.6, 0.4, 0.6, 0.4) };
    const normal = (x: number, m: number, v: number) => Math.exp(-((x - m) ** 2) / (2 * v)) / Math.sqrt(2 * Math.PI * v);
    const expected = e.x.reduce((s, x) => s + Math.log(0.6 * normal(x, 0, 1) + 0.4 * normal(x, 1, 4)), 0);
    expect(new GaussianHmm(mixture, ["S1"]).logLikelihoodOf(returns)).toBeCloseTo(expected, 12);
    const responsibilities = e.x.flatMap((x) => {
      const a = 0.6 * normal(x, 0, 1);
      const b = 0.4 * normal(x, 1, 4);
      return [a / (a + b), b / (a + b)];
    });
    expectClose(new GaussianHmm(mixture, ["S1"]).smoothed(returns).values, responsibilities, 1e-12);
  });
});

describe("no look-ahead: filtered probabilities on a prefix", () => {
  const c = fixture.em2d;
  const model = new GaussianHmm(params(c.fit, c.K, c.d), ["S1", "S2"]);
  const returns = dated(c.x, 2);

  it("equal those on the full data for the same parameters, and do not move when later returns change", () => {
    const full = model.filtered(returns);
    const cut = 250;
    const prefix = model.filtered(frame(returns).head(cut));
    expect(Array.from(prefix.values)).toEqual(Array.from(full.values.subarray(0, cut * 2)));
    const changed = Float64Array.from(returns.values);
    for (let i = cut * 2; i < changed.length; i++) changed[i] = -changed[i]! * 3;
    const other = model.filtered({ ...returns, values: changed });
    expect(Array.from(other.values.subarray(0, cut * 2))).toEqual(Array.from(full.values.subarray(0, cut * 2)));
    // smoothed probabilities do look ahead: the same change moves them before the cut
    const smoothedBefore = model.smoothed(returns).values[(cut - 1) * 2]!;
    expect(model.smoothed({ ...returns, values: changed }).values[(cut - 1) * 2]!).not.toBe(smoothedBefore);
  });
});

describe("fitHmm", () => {
  const c = fixture.em2d;
  const returns = dated(c.x, 2);

  it("finds the simulated regimes: the best of the seeded starts beats or equals the fixed start, states by rising volatility", () => {
    const hmm = fitHmm(returns, { states: 2, starts: 6, seed: 3, covarianceFloor: c.floor });
    expect(hmm.fit!.startLogLikelihoods).toHaveLength(6);
    expect(hmm.fit!.logLikelihood).toBeGreaterThanOrEqual(c.fit.logLikelihood - 1e-6);
    expect(hmm.fit!.logLikelihood).toBe(Math.max(...hmm.fit!.startLogLikelihoods.filter(Number.isFinite)));
    const v = hmm.parameters.covariances;
    expect(v[0]!).toBeLessThan(v[4]!);
    const path = hmm.viterbi(returns).values;
    const agree = c.trueStates.filter((s, t) => s + 1 === path[t]).length / c.T;
    expect(agree).toBeGreaterThan(0.95);
    expect(hmm.summary().labels).toEqual(["state 1", "state 2"]);
    expect(hmm.longRunShares().values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it("is reproducible with a seed and does not change its input", () => {
    const before = Float64Array.from(returns.values);
    const a = fitHmm(returns, { states: 2, starts: 3, seed: 11 });
    const b = fitHmm(returns, { states: 2, starts: 3, seed: 11 });
    expect(a.fit!.logLikelihood).toBe(b.fit!.logLikelihood);
    expect(Array.from(a.parameters.means)).toEqual(Array.from(b.parameters.means));
    expect(returns.values).toEqual(before);
  });

  it("throws TOO_MANY_STATES when the data cannot support the states, MISSING_VALUE on a gap", () => {
    const short = frame(returns).head(60);
    expect(() => fitHmm(short, { states: 3 })).toThrowError(expect.objectContaining({ code: "TOO_MANY_STATES" }));
    expect(() => fitHmm(short, { states: 3 })).toThrow(InputError);
    const gap = Float64Array.from(returns.values);
    gap[21] = Number.NaN;
    expect(() => fitHmm({ ...returns, values: gap })).toThrowError(expect.objectContaining({ code: "MISSING_VALUE" }));
    expect(() => fitHmm(returns, { states: 0 })).toThrowError(expect.objectContaining({ code: "BAD_ARGUMENT" }));
  });

  it("selectStates chooses 2 states by BIC on 2-regime data, with the parameter count stated", () => {
    const choice = selectStates(returns, { candidates: [1, 2, 3], starts: 4, seed: 5 });
    expect(choice.model.states).toBe(2);
    expect(choice.table.column("parameters").values).toEqual(Float64Array.of(5, 11 + 2 * 1, 2 + 6 + 6 + 9));
    expect(hmmParameterCount(2, 2)).toBe(1 + 2 + 4 + 6);
    const bic = choice.fits.map((f) => f.bic);
    expect(choice.model.bic).toBe(Math.min(...bic));
    expect(choice.fits[1]!.bic).toBeCloseTo(-2 * choice.fits[1]!.fit!.logLikelihood + 13 * Math.log(c.T), 8);
  });

  it("initialHmmParameters is seeded: same seed, same start", () => {
    const x = Float64Array.from(c.x);
    expect(initialHmmParameters(x, 2, 3, createRng(4))).toEqual(initialHmmParameters(x, 2, 3, createRng(4)));
  });
});

describe("saveModel / loadModel of a fitted HMM", () => {
  const c = fixture.em2d;
  const returns = dated(c.x, 2);
  const dir = mkdtempSync(join(tmpdir(), "wb-hmm-file-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("round-trips bit for bit: the loaded model's filtered probabilities equal the original's exactly", async () => {
    const hmm = fitHmm(returns, { states: 3, starts: 3, seed: 9, covarianceFloor: c.floor });
    const file = join(dir, "hmm.json");
    expect(await saveModel(file, hmm)).toBeGreaterThan(0);
    const loaded = (await loadModel(file, { features: ["S2", "S1"] })) as GaussianHmm;
    expect(loaded).toBeInstanceOf(GaussianHmm);
    expect(loaded.tickers).toEqual(["S1", "S2"]);
    expect(loaded.frequency).toBe(hmm.frequency);
    for (const key of ["initial", "transition", "means", "covariances"] as const) {
      expect(Buffer.from(loaded.parameters[key].buffer).equals(Buffer.from(hmm.parameters[key].buffer))).toBe(true);
    }
    expect(loaded.fit).toEqual(hmm.fit); // Object.is on each number: NaN starts stay NaN
    const original = hmm.filtered(returns).values;
    const again = loaded.filtered(returns).values;
    expect(Buffer.from(again.buffer).equals(Buffer.from(original.buffer))).toBe(true);
    expect(Array.from(loaded.viterbi(returns).values)).toEqual(Array.from(hmm.viterbi(returns).values));
    expect(loaded.bic).toBe(hmm.bic);
  });

  it("keeps a start that failed (NaN log-likelihood, which plain JSON cannot hold) and a model given a fit record", () => {
    const fit = { logLikelihood: -1234.5, observations: c.T, trainingWindow: { start: "2000-01-03", end: "2001-08-25" }, iterations: 17, converged: true, startLogLikelihoods: [Number.NaN, -1234.5, -1300.25], covarianceFloor: 0 };
    const given = new GaussianHmm(params(c.fit, c.K, c.d), ["S1", "S2"], { fit, frequency: 52 });
    const again = GaussianHmm.fromJSON(JSON.parse(JSON.stringify(given.toJSON())));
    expect(again.fit).toEqual(fit);
    expect(Number.isNaN(again.fit!.startLogLikelihoods[0])).toBe(true);
    expect(again.frequency).toBe(52);
  });

  it("refuses to save a model of given parameters (no training window), and a file with a part missing", async () => {
    const given = new GaussianHmm(params(c.fit, c.K, c.d), ["S1", "S2"]);
    expect(() => given.toJSON()).toThrowError(expect.objectContaining({ code: "NOT_FITTED" }));
    const json = fitHmm(returns, { states: 2, starts: 1, seed: 1 }).toJSON();
    const file = join(dir, "broken.json");
    writeFileSync(file, JSON.stringify({ ...json, state: { ...json.state, means: undefined } }));
    await expect(loadModel(file)).rejects.toThrowError(DataError);
    await expect(loadModel(file)).rejects.toThrowError(/means is missing; save the model again/);
    writeFileSync(file, JSON.stringify({ ...json, featureNames: ["S1"] }));
    await expect(loadModel(file)).rejects.toMatchObject({ code: "BAD_MODEL_FILE" });
  });
});
