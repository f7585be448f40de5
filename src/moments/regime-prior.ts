/**
 * A regime-conditioned prior: expected returns and covariance in each regime of a Gaussian hidden Markov model,
 * blended by today's filtered regime probabilities.
 */
import {
  frame, InputError, matrix, TRADING_DAYS_PER_YEAR, table, Vector, vector,
  type DateTable, type Frame, type LabelledVector, type Matrix, type Table,
} from "../core/index";
import { regimes } from "../models/index";
import { priorOf, type Prior } from "./prior";

/** The name of the default signal: the equal-weighted average return of every column of the window. */
export const AVERAGE_SIGNAL = "average";

/** Options of {@link regimePrior}. */
export interface RegimePriorOptions {
  /** Number of regimes of the HMM fitted on the window. Default 2. Ignored when `model` is given. */
  readonly states?: number;
  /**
   * The series the HMM reads: tickers of the prices, or {@link AVERAGE_SIGNAL} (`"average"`) for the
   * equal-weighted average return of every column. Default `[model's tickers]` when a model is given, else `["average"]`.
   */
  readonly signal?: readonly string[];
  /** A model fitted already (e.g. on an earlier window): used as it is, not refitted. */
  readonly model?: regimes.GaussianHmm;
  /** Options of the fit (`starts`, `seed`, `maxIterations`, `tolerance`, `covarianceFloor`). */
  readonly hmm?: Omit<regimes.HmmOptions, "states" | "frequency">;
  /** Use the last `lookback` returns (the last `lookback + 1` prices up to `asOf`). Default every date. */
  readonly lookback?: number;
  /** The decision date: only prices on or before it are read. Default the last date. */
  readonly asOf?: string;
  /**
   * Regime probabilities to blend with instead of today's filtered ones (a scenario: `[0, 1]` = "certainly regime 2"),
   * one per state, ≥ 0, normalised to sum 1.
   */
  readonly probabilities?: ArrayLike<number> | LabelledVector;
  /** Blend with the probabilities this many periods ahead, `p·A^ahead` (default 0: today's). */
  readonly ahead?: number;
  /** Periods per year (default 252). */
  readonly frequency?: number;
}

/** A {@link Prior} conditioned on regimes: every optimiser takes it; it also holds the regimes behind it. */
export interface RegimePrior extends Prior {
  /** The HMM behind it (fitted on the window's signal, or the one passed in). */
  readonly model: regimes.GaussianHmm;
  /** The series the HMM read over the window, dates × signal columns (fractions per period; days it lacks are left out). */
  readonly signal: Frame;
  /** Filtered regime probabilities over the window, dates × states: row t uses returns up to t only. */
  readonly filtered: Frame;
  /** The probabilities the moments were blended with (today's filtered ones unless given), by state. */
  readonly regimeProbabilities: Vector;
  /** Annual expected returns in each regime and blended: one row per ticker, a column per state and `blended`. */
  readonly regimeReturns: Table;
  /** Annual covariance in each regime, in state order. */
  readonly regimeCovariances: readonly Matrix[];
}

/** Positions of the rows of `returns` with a finite value in every column. */
function completeRows(returns: DateTable, rows: readonly number[]): number[] {
  const m = returns.tickers.length;
  return rows.filter((t) => {
    for (let j = 0; j < m; j++) if (!Number.isFinite(returns.values[t * m + j]!)) return false;
    return true;
  });
}

/** The signal series over the rows where each is known ("average": the mean of the returns known that day). */
function signalOf(returns: Frame, names: readonly string[]): Frame {
  const m = returns.tickers.length;
  const columns = names.map((name) => {
    const j = returns.tickers.indexOf(name);
    if (j < 0 && name !== AVERAGE_SIGNAL) {
      throw new InputError("UNKNOWN_COLUMN", `regimePrior: signal ${name} is not a column of the prices; name tickers of the prices or "${AVERAGE_SIGNAL}"`, { column: name });
    }
    return j;
  });
  const dates: string[] = [];
  const values: number[] = [];
  for (let t = 0; t < returns.length; t++) {
    const row = columns.map((j) => {
      if (j >= 0) return returns.values[t * m + j]!;
      let sum = 0;
      let count = 0;
      for (let c = 0; c < m; c++) {
        const v = returns.values[t * m + c]!;
        if (Number.isFinite(v)) {
          sum += v;
          count++;
        }
      }
      return count === 0 ? Number.NaN : sum / count;
    });
    if (row.every(Number.isFinite)) {
      dates.push(returns.dates[t]!);
      values.push(...row);
    }
  }
  return frame({ dates, tickers: [...names], values: Float64Array.from(values) }, { unit: "fraction" });
}

/**
 * The given regime probabilities of a `k`-state model, normalised to sum 1, or `undefined` when none are given.
 *
 * @throws InputError NO_REGIME_PROBABILITY naming what is wrong: the count, an entry that is negative or not finite, or a zero sum.
 */
function givenProbabilities(given: RegimePriorOptions["probabilities"], k: number): Float64Array | undefined {
  if (given === undefined) return undefined;
  const p = Float64Array.from("labels" in given && "values" in given ? (given as LabelledVector).values : (given as ArrayLike<number>));
  const fix = `pass ${k} numbers ≥ 0 with a positive sum, one per state (e.g. [${Array.from({ length: k }, (_, s) => (s === 0 ? 1 : 0)).join(", ")}] for "certainly state 1")`;
  const fail = (what: string) => new InputError("NO_REGIME_PROBABILITY", `regimePrior: ${what}; ${fix}`, { states: k, probabilities: Array.from(p) });
  if (p.length !== k) throw fail(`${p.length} regime probabilit${p.length === 1 ? "y" : "ies"} [${Array.from(p).join(", ")}] for a model of ${k} states`);
  const bad = p.findIndex((x) => !(x >= 0) || !Number.isFinite(x));
  if (bad >= 0) throw fail(`the regime probability of state ${bad + 1} is ${p[bad]}`);
  const total = p.reduce((a, b) => a + b, 0);
  if (!(total > 0)) throw fail(`the regime probabilities [${Array.from(p).join(", ")}] sum to 0: they give no regime a probability`);
  return p.map((x) => x / total);
}

function blendingProbabilities(model: regimes.GaussianHmm, filtered: Frame, options: RegimePriorOptions): Float64Array {
  const p = givenProbabilities(options.probabilities, model.states) ?? Float64Array.from(filtered.last().values);
  const ahead = options.ahead ?? 0;
  if (!Number.isSafeInteger(ahead) || ahead < 0) throw new InputError("BAD_ARGUMENT", `regimePrior: ahead ${String(ahead)} must be a whole number of periods ≥ 0`);
  return ahead === 0 ? p : model.propagate(p, ahead);
}

/**
 * A regime-conditioned {@link Prior}. Over the window (prices up to `asOf`, the last `lookback` returns): fit a
 * Gaussian HMM on the signal (or take `model`), weigh each day by its smoothed regime probabilities *within the
 * window* to get each regime's mean μₖ and covariance Σₖ of every ticker's returns (weighted maximum likelihood,
 * divisor Σ weights), and blend them with the regime probabilities p of the window's last day — filtered, so
 * nothing after `asOf` is read: `μ = Σ pₖ μₖ`, `Σ = Σ pₖ (Σₖ + (μₖ − μ)(μₖ − μ)ᵀ)` (the moments of the mixture),
 * annualised by `frequency` (arithmetic). The HMM reads the days its signal has a return ("average": the mean of
 * the returns known that day); the moments use the days every ticker has a return.
 *
 * @param prices prices, dates × tickers (a `Frame` or any `DateTable`).
 * @param options `{ states = 2, signal = ["average"], model, hmm, lookback, asOf, probabilities, ahead = 0, frequency = 252 }`.
 * @throws InputError NO_REGIME_PROBABILITY when `probabilities` give no regime a probability (all zero, negative,
 *   wrong length); TOO_MANY_STATES when the window cannot support the states (from `fitHmm`); BAD_LOOKBACK;
 *   UNKNOWN_COLUMN for a signal that is not a ticker; EMPTY_INPUT for fewer than 2 days with every return.
 * @example
 * ```ts
 * const p = regimePrior(prices, { lookback: 1260, signal: ["MKTIDX"], states: 2, hmm: { seed: 1 } });
 * p.regimeProbabilities;               // state 1 96 %, state 2 4 %
 * p.regimeReturns;                     // expected return of each ticker in each regime, and blended
 * portfolios.maxSharpe(p, { bounds: [0, 0.25] });
 * ```
 */
export function regimePrior(prices: DateTable, options: RegimePriorOptions = {}): RegimePrior {
  const frequency = options.frequency ?? TRADING_DAYS_PER_YEAR;
  const lookback = options.lookback;
  if (lookback !== undefined && (!Number.isSafeInteger(lookback) || lookback < 2)) {
    throw new InputError("BAD_LOOKBACK", `regimePrior: lookback ${String(lookback)} must be a whole number of periods ≥ 2`, { lookback });
  }
  givenProbabilities(options.probabilities, options.model?.states ?? options.states ?? 2); // refuse bad probabilities before any fit
  let all = frame(prices);
  if (options.asOf !== undefined) all = all.between(undefined, options.asOf);
  const window = lookback === undefined ? all : all.tail(lookback + 1);
  const returns = window.returns();
  const signal = signalOf(returns, options.signal ?? options.model?.tickers ?? [AVERAGE_SIGNAL]);
  if (signal.length < 2) throw new InputError("EMPTY_INPUT", `regimePrior: ${signal.length} returns of the signal over ${window.span}; pass a longer window`);
  const model = options.model ?? regimes.fitHmm(signal, { ...options.hmm, states: options.states ?? 2, frequency });
  const filtered = model.filtered(signal);
  const smoothed = model.smoothed(signal);
  const p = blendingProbabilities(model, filtered, options);
  const k = model.states;
  const m = returns.tickers.length;
  // the moments of every ticker, from the days every ticker and the signal have a return, weighted by that day's smoothed probabilities
  const rowOf = new Map(returns.dates.map((d, t) => [d, t]));
  const used = completeRows(returns, signal.dates.map((d) => rowOf.get(d)!));
  if (used.length < 2) throw new InputError("EMPTY_INPUT", `regimePrior: ${used.length} days over ${window.span} have a return for every ticker; pass a longer window or tickers with a fuller history`);
  const usedSet = new Set(used);
  const x = new Float64Array(used.length * m);
  used.forEach((t, i) => x.set(returns.values.subarray(t * m, (t + 1) * m), i * m));
  const weights = new Float64Array(used.length * k);
  let i = 0;
  signal.dates.forEach((d, r) => {
    if (usedSet.has(rowOf.get(d)!)) weights.set(smoothed.values.subarray(r * k, (r + 1) * k), k * i++);
  });
  const moments = regimes.stateMoments(weights, x, m);
  const unconditional = regimes.stateMoments(new Float64Array(used.length).fill(1), x, m);
  const empty: string[] = [];
  const mu = new Float64Array(m);
  const means: Float64Array[] = [];
  const covs: Float64Array[] = [];
  for (let s = 0; s < k; s++) {
    const seen = moments.mass[s]! >= 2;
    if (!seen) empty.push(model.stateLabels[s]!);
    means.push(seen ? moments.means.slice(s * m, (s + 1) * m) : unconditional.means.slice());
    covs.push(seen ? moments.covariances.slice(s * m * m, (s + 1) * m * m) : unconditional.covariances.slice());
    for (let i = 0; i < m; i++) mu[i] = mu[i]! + p[s]! * means[s]![i]!;
  }
  const sigma = new Float64Array(m * m);
  for (let s = 0; s < k; s++) {
    if (p[s] === 0) continue;
    for (let i = 0; i < m; i++) {
      const di = means[s]![i]! - mu[i]!;
      for (let j = 0; j < m; j++) sigma[i * m + j] = sigma[i * m + j]! + p[s]! * (covs[s]![i * m + j]! + di * (means[s]![j]! - mu[j]!));
    }
  }
  const labels = returns.tickers;
  const annual = (xs: Float64Array) => xs.map((x) => x * frequency);
  const probabilities = new Vector(model.stateLabels, p, { unit: "fraction", name: "probability", labelName: "state" });
  const shown = model.stateLabels.map((l, s) => `${l} ${(100 * p[s]!).toFixed(0)} %`).join(", ");
  const base = priorOf({
    expectedReturns: { labels, values: annual(mu) },
    covariance: { labels, values: annual(sigma) },
    returns,
    prices: window,
    frequency,
    description: `regime prior: ${k}-state Gaussian HMM on ${signal.tickers.join(", ")} over ${signal.span}; moments from ${used.length} days with every return; blended ${options.probabilities === undefined ? "with the last day's filtered" : "with given"} probabilities${options.ahead ? ` ${options.ahead} periods ahead` : ""} (${shown})${empty.length ? `; ${empty.join(", ")} unseen in the window: unconditional moments` : ""}`,
  });
  const regimeReturns = table(
    { ...Object.fromEntries(model.stateLabels.map((l, s) => [l, vector({ labels, values: annual(means[s]!) }, { unit: "fraction" })])), blended: base.expectedReturns },
    { caption: `annual expected returns by regime, blended with ${shown}` },
  );
  return {
    ...base,
    model,
    signal,
    filtered,
    regimeProbabilities: probabilities,
    regimeReturns,
    regimeCovariances: covs.map((c) => matrix({ labels, values: annual(c) })),
  };
}
