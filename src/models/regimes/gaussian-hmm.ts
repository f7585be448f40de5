/**
 * A Gaussian hidden Markov model of returns (market regimes): fitted by Baum–Welch from several seeded starts,
 * with filtered and smoothed state probabilities and the Viterbi path.
 */
import {
  createRng, DataError, deriveSeed, DISPLAY_TABLE, frame, INSPECT, inspectDisplayable, InputError, NumericalError, tableOfRows, TRADING_DAYS_PER_YEAR, Vector,
  type DateTable, type Displayable, type DisplayTable, type Frame, type Table,
} from "../../core/index";
import type { ModelJson } from "../estimator";
import { decodeFloat64, encodeArray } from "../typed-array-codec";
import { baumWelch } from "./baum-welch";
import { emissionLogDensities } from "./emission-log-densities";
import { backwardPass, forwardPass } from "./forward-backward";
import { checkHmmParameters, hmmParameterCount, permuteStates, type HmmParameters } from "./hmm-parameters";
import { initialHmmParameters } from "./initial-hmm-parameters";
import { viterbiPath } from "./viterbi-path";

/** Observations a fit needs per free parameter: fewer, and {@link fitHmm} throws TOO_MANY_STATES. */
export const MIN_OBSERVATIONS_PER_PARAMETER = 5;

/** The default covariance floor, relative: this times the mean variance of the series (hmmlearn's `min_covar` 1e-3 on standardised data). */
export const RELATIVE_COVARIANCE_FLOOR = 1e-3;

/** Options of {@link fitHmm}. */
export interface HmmOptions {
  /** Number of hidden states K. Default 2. */
  readonly states?: number;
  /** Seeded starts of Baum–Welch; the one with the highest log-likelihood is kept. Default 10. */
  readonly starts?: number;
  /** Seed of the starts (start `s` draws from `deriveSeed(seed, "hmm start s")`). Default 42. */
  readonly seed?: number;
  /** Most Baum–Welch iterations per start. Default 200. */
  readonly maxIterations?: number;
  /** Convergence: stop when the log-likelihood rises by less. Default 1e-6. */
  readonly tolerance?: number;
  /** Added to each covariance's diagonal, squared return units. Default {@link RELATIVE_COVARIANCE_FLOOR} × the mean variance of the series. */
  readonly covarianceFloor?: number;
  /** Periods per year, to annualise the summary. Default 252. */
  readonly frequency?: number;
}

/** How a {@link GaussianHmm} was fitted (absent for a model built from given parameters). */
export interface HmmFitInfo {
  /** Log-likelihood of the training returns under the model. */
  readonly logLikelihood: number;
  /** Rows of training returns. */
  readonly observations: number;
  /** First and last date of the training returns. */
  readonly trainingWindow: { readonly start: string; readonly end: string };
  /** Baum–Welch iterations of the kept start, and whether it converged. */
  readonly iterations: number;
  readonly converged: boolean;
  /** Final log-likelihood of every start, in order (`NaN` for a start that failed numerically). */
  readonly startLogLikelihoods: readonly number[];
  /** The covariance floor used. */
  readonly covarianceFloor: number;
}

/**
 * The observations of `tickers` in `returns`, `T × d` row-major, checked finite.
 *
 * @throws InputError UNKNOWN_COLUMN for a ticker the returns lack; MISSING_VALUE naming the first missing return.
 */
function observationsOf(returns: DateTable, tickers: readonly string[], where: string): Float64Array {
  const m = returns.tickers.length;
  const idx = tickers.map((t) => {
    const j = returns.tickers.indexOf(t);
    if (j < 0) throw new InputError("UNKNOWN_COLUMN", `${where}: the returns have no column ${t}; the model was fitted on ${tickers.join(", ")}`, { column: t });
    return j;
  });
  const d = idx.length;
  const n = returns.dates.length;
  const x = new Float64Array(n * d);
  for (let t = 0; t < n; t++) {
    for (let i = 0; i < d; i++) {
      const v = returns.values[t * m + idx[i]!]!;
      if (!Number.isFinite(v)) {
        throw new InputError("MISSING_VALUE", `${where}: ${tickers[i]} has no return on ${returns.dates[t]}; drop the rows before it (e.g. .between(...)) or fit on tickers with a full history`, { date: returns.dates[t], ticker: tickers[i] });
      }
      x[t * d + i] = v;
    }
  }
  return x;
}

/**
 * A fitted Gaussian hidden Markov model of `d` return series with `K` states, numbered by rising volatility
 * ("state 1" is the calmest). Its probabilities come in two kinds: `filtered` (row t uses returns up to t only:
 * what a decision on date t may use) and `smoothed` / `viterbi` (every row uses every return: for describing the
 * past). Displays itself as the table of its states.
 *
 * @example
 * ```ts
 * const hmm = regimes.fitHmm(prices.select(["MKTIDX"]).returns(), { states: 2, seed: 1 });
 * hmm;                                   // state, long-run share, persistence, expected duration, return, volatility
 * hmm.filtered(returns).last();          // today's regime probabilities, e.g. state 1 97 %, state 2 3 %
 * hmm.viterbi(returns);                  // the most likely state of each day, 1 … K
 * ```
 */
export class GaussianHmm implements Displayable {
  /** The series the model was fitted on (columns it reads from returns). */
  readonly tickers: readonly string[];
  /** The parameters, per period, states by rising volatility. */
  readonly parameters: HmmParameters;
  /** Labels of the states: "state 1" … "state K". */
  readonly stateLabels: readonly string[];
  /** Periods per year (annualises the summary). */
  readonly frequency: number;
  /** How it was fitted, or `undefined` for given parameters. */
  readonly fit: HmmFitInfo | undefined;

  /**
   * A model from parameters (a fit made elsewhere, a textbook case); {@link fitHmm} builds fitted ones.
   *
   * @throws InputError BAD_HMM_PARAMETERS; LENGTH_MISMATCH unless there is one ticker per dimension.
   */
  constructor(parameters: HmmParameters, tickers: readonly string[], options: { frequency?: number; fit?: HmmFitInfo } = {}) {
    checkHmmParameters(parameters, "GaussianHmm");
    if (tickers.length !== parameters.dimension) throw new InputError("LENGTH_MISMATCH", `GaussianHmm: ${tickers.length} tickers for a model on ${parameters.dimension} series; name one per series`);
    this.parameters = parameters;
    this.tickers = [...tickers];
    this.stateLabels = Array.from({ length: parameters.states }, (_, k) => `state ${k + 1}`);
    this.frequency = options.frequency ?? TRADING_DAYS_PER_YEAR;
    this.fit = options.fit;
  }

  /** Number of states K. */
  get states(): number {
    return this.parameters.states;
  }

  /** Free parameters (see `hmmParameterCount`). */
  get parameterCount(): number {
    return hmmParameterCount(this.parameters.states, this.parameters.dimension);
  }

  /** Bayesian information criterion of the fit, `−2 log L + p ln T` (`NaN` for a model not fitted here). */
  get bic(): number {
    return this.fit === undefined ? Number.NaN : -2 * this.fit.logLikelihood + this.parameterCount * Math.log(this.fit.observations);
  }

  /** Akaike information criterion of the fit, `−2 log L + 2p`. */
  get aic(): number {
    return this.fit === undefined ? Number.NaN : -2 * this.fit.logLikelihood + 2 * this.parameterCount;
  }

  #forward(returns: DateTable, where: string) {
    const x = observationsOf(returns, this.tickers, where);
    return { x, forward: forwardPass(emissionLogDensities(x, this.parameters), this.parameters.initial, this.parameters.transition) };
  }

  #probabilities(returns: DateTable, values: Float64Array): Frame {
    return frame({ dates: returns.dates, tickers: this.stateLabels, values }, { unit: "fraction" });
  }

  /**
   * Filtered probabilities `P(state on t | returns up to t)`, dates × states: the forward recursion from the
   * initial distribution at the first row. Row t does not change when later rows change or are dropped.
   *
   * @param returns periodic returns with the model's columns (others ignored), no missing value.
   * @throws InputError UNKNOWN_COLUMN, MISSING_VALUE; NumericalError HMM_UNDERFLOW.
   */
  filtered(returns: DateTable): Frame {
    return this.#probabilities(returns, this.#forward(returns, "GaussianHmm.filtered").forward.filtered);
  }

  /**
   * Smoothed probabilities `P(state on t | every row)`, dates × states (forward–backward): they look ahead, so
   * describe the past with them, never decide with them.
   *
   * @throws InputError UNKNOWN_COLUMN, MISSING_VALUE; NumericalError HMM_UNDERFLOW.
   */
  smoothed(returns: DateTable): Frame {
    const { forward } = this.#forward(returns, "GaussianHmm.smoothed");
    return this.#probabilities(returns, backwardPass(forward, this.parameters.transition).smoothed);
  }

  /**
   * The Viterbi path: the most likely state of each date (1 … K) given every row, a `Vector` labelled by date.
   *
   * @throws InputError UNKNOWN_COLUMN, MISSING_VALUE.
   */
  viterbi(returns: DateTable): Vector {
    const x = observationsOf(returns, this.tickers, "GaussianHmm.viterbi");
    const { path } = viterbiPath(emissionLogDensities(x, this.parameters), this.parameters.initial, this.parameters.transition);
    return new Vector(returns.dates, Float64Array.from(path, (s) => s + 1), { unit: "count", name: "state", labelName: "date" });
  }

  /**
   * The state of highest filtered probability on each date (1 … K): the regime a decision on that date would
   * see, a `Vector` labelled by date.
   */
  filteredStates(returns: DateTable): Vector {
    const p = this.filtered(returns);
    const k = this.states;
    const states = Float64Array.from(p.dates, (_, t) => {
      let best = 0;
      for (let s = 1; s < k; s++) if (p.values[t * k + s]! > p.values[t * k + best]!) best = s;
      return best + 1;
    });
    return new Vector(p.dates, states, { unit: "count", name: "state", labelName: "date" });
  }

  /** Log-likelihood of returns under the model. @throws as {@link GaussianHmm.filtered}. */
  logLikelihoodOf(returns: DateTable): number {
    return this.#forward(returns, "GaussianHmm.logLikelihoodOf").forward.logLikelihood;
  }

  /**
   * State probabilities `periods` steps after a distribution `probabilities` (one per state): `p·A^periods`.
   *
   * @throws InputError LENGTH_MISMATCH unless there is one probability per state.
   * @example
   * ```ts
   * hmm.propagate(hmm.filtered(returns).last().values, 1); // tomorrow's regime probabilities
   * ```
   */
  propagate(probabilities: ArrayLike<number>, periods = 1): Float64Array {
    const k = this.states;
    if (probabilities.length !== k) throw new InputError("LENGTH_MISMATCH", `GaussianHmm.propagate: ${probabilities.length} probabilities for ${k} states`);
    let p: Float64Array = Float64Array.from(probabilities);
    for (let h = 0; h < periods; h++) {
      const next = new Float64Array(k);
      for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) next[j] = next[j]! + p[i]! * this.parameters.transition[i * k + j]!;
      p = next;
    }
    return p;
  }

  /** The long-run (stationary) share of each state, `π∞ = π∞A`, by power iteration. */
  longRunShares(): Vector {
    let p: Float64Array = new Float64Array(this.states).fill(1 / this.states);
    for (let i = 0; i < 64; i++) p = this.propagate(p, 64);
    return new Vector(this.stateLabels, p, { unit: "fraction", name: "long-run share", labelName: "state" });
  }

  /**
   * One row per state: long-run share, persistence `A_kk`, expected duration `1/(1 − A_kk)` in periods, and for each
   * series its annualised mean return (`μ·frequency`) and volatility (`√(σ²·frequency)`).
   */
  summary(): Table {
    const { states: k, dimension: d, transition, means, covariances } = this.parameters;
    const shares = this.longRunShares();
    const rows = this.stateLabels.map((label, s) => {
      const stay = transition[s * k + s]!;
      const row: Record<string, string | number> = { state: label, longRunShare: shares.values[s]!, persistence: stay, expectedDays: stay >= 1 ? Number.POSITIVE_INFINITY : 1 / (1 - stay) };
      this.tickers.forEach((t, i) => {
        row[`${t} return`] = means[s * d + i]! * this.frequency;
        row[`${t} volatility`] = Math.sqrt(covariances[s * d * d + i * d + i]! * this.frequency);
      });
      return row;
    });
    const units = { longRunShare: "fraction", persistence: "fraction", expectedDays: "count", ...Object.fromEntries(this.tickers.flatMap((t) => [[`${t} return`, "fraction"], [`${t} volatility`, "fraction"]])) } as const;
    const fit = this.fit;
    const caption = fit === undefined
      ? `Gaussian HMM, ${k} states on ${this.tickers.join(", ")} (given parameters)`
      : `Gaussian HMM, ${k} states on ${this.tickers.join(", ")}, ${fit.trainingWindow.start} … ${fit.trainingWindow.end} (${fit.observations} returns): log L ${fit.logLikelihood.toFixed(1)}, BIC ${this.bic.toFixed(1)}, ${this.parameterCount} parameters`;
    return tableOfRows(rows, { units, caption });
  }

  /** The kind of its model files (`saveModel` / `loadModel`). */
  static readonly kind = "gaussian-hmm";

  /**
   * The fitted model as JSON, for `saveModel`: the series as `featureNames`, the training window, and every
   * parameter as the base64 of its doubles, so `fromJSON` gives back the same bits (and the same filtered
   * probabilities, exactly). The fit's record (log-likelihood, iterations, every start's log-likelihood, the
   * covariance floor) is kept too.
   *
   * @throws InputError NOT_FITTED for a model built from given parameters without a fit record (it has no training window).
   * @example
   * ```ts
   * const json = regimes.fitHmm(returns, { states: 2 }).toJSON();
   * json.kind;          // => "gaussian-hmm"
   * json.featureNames;  // => ["MKTIDX"]
   * ```
   */
  toJSON(): ModelJson {
    const fit = this.fit;
    if (fit === undefined) {
      throw new InputError("NOT_FITTED", "GaussianHmm.toJSON: this model was built from given parameters and has no fit record (no training window) to save; pass `fit` to the constructor or fit one with fitHmm");
    }
    const { states, dimension, initial, transition, means, covariances } = this.parameters;
    return {
      format: "allocation-workbook/model",
      version: 1,
      kind: GaussianHmm.kind,
      featureNames: [...this.tickers],
      trainingWindow: { ...fit.trainingWindow },
      params: { states, dimension, frequency: this.frequency },
      state: {
        initial: encodeArray(initial),
        transition: encodeArray(transition),
        means: encodeArray(means),
        covariances: encodeArray(covariances),
        fit: {
          // log-likelihoods and the floor as doubles' bytes too: a start that failed is NaN, which JSON cannot hold
          logLikelihoodAndFloor: encodeArray(Float64Array.of(fit.logLikelihood, fit.covarianceFloor)),
          startLogLikelihoods: encodeArray(Float64Array.from(fit.startLogLikelihoods)),
          observations: fit.observations,
          iterations: fit.iterations,
          converged: fit.converged,
        },
      },
    };
  }

  /**
   * A model from {@link GaussianHmm.toJSON}'s JSON (as `loadModel` reads it): the same parameters bit for bit.
   *
   * @throws DataError BAD_MODEL_FILE when a part is missing or the parameters do not fit together (naming it).
   * @example
   * ```ts
   * const again = regimes.GaussianHmm.fromJSON(hmm.toJSON());
   * again.filtered(returns).values; // => the same numbers as hmm.filtered(returns).values
   * ```
   */
  static fromJSON(json: ModelJson): GaussianHmm {
    const bad = (what: string, cause?: unknown) =>
      new DataError("BAD_MODEL_FILE", `GaussianHmm.fromJSON: ${what}; save the model again with saveModel`, { kind: json.kind }, cause === undefined ? undefined : { cause });
    const st = json.state as Record<string, unknown>;
    const text = (value: unknown, what: string): string => {
      if (typeof value !== "string") throw bad(`${what} is missing`);
      return value;
    };
    const fit = st.fit as Record<string, unknown> | undefined;
    if (typeof fit !== "object" || fit === null) throw bad("the fit record is missing");
    const [logLikelihood, covarianceFloor] = decodeFloat64(text(fit.logLikelihoodAndFloor, "fit.logLikelihoodAndFloor"), "fit.logLikelihoodAndFloor");
    const parameters: HmmParameters = {
      states: Number(json.params.states),
      dimension: Number(json.params.dimension),
      initial: decodeFloat64(text(st.initial, "initial"), "initial"),
      transition: decodeFloat64(text(st.transition, "transition"), "transition"),
      means: decodeFloat64(text(st.means, "means"), "means"),
      covariances: decodeFloat64(text(st.covariances, "covariances"), "covariances"),
    };
    try {
      return new GaussianHmm(parameters, json.featureNames, {
        frequency: Number(json.params.frequency),
        fit: {
          logLikelihood: logLikelihood!,
          covarianceFloor: covarianceFloor!,
          startLogLikelihoods: Array.from(decodeFloat64(text(fit.startLogLikelihoods, "fit.startLogLikelihoods"), "fit.startLogLikelihoods")),
          observations: Number(fit.observations),
          iterations: Number(fit.iterations),
          converged: Boolean(fit.converged),
          trainingWindow: { ...json.trainingWindow },
        },
      });
    } catch (e) {
      if (e instanceof InputError) throw bad(e.message, e);
      throw e;
    }
  }

  [DISPLAY_TABLE](): DisplayTable {
    return this.summary()[DISPLAY_TABLE]();
  }

  [INSPECT](depth: number): string {
    return inspectDisplayable(this, depth, `GaussianHmm ${this.states} states × ${this.tickers.length} series`);
  }
}

/** Mean of the diagonal of each state's covariance: the key states are numbered by. */
function averageVariance(p: HmmParameters, s: number): number {
  const d = p.dimension;
  let sum = 0;
  for (let i = 0; i < d; i++) sum += p.covariances[s * d * d + i * d + i]!;
  return sum / d;
}

/**
 * Fits a Gaussian HMM with full covariances to periodic returns (one or several series) by Baum–Welch from
 * `starts` seeded starts (`initialHmmParameters`), keeping the start of highest log-likelihood; states are then
 * numbered by rising average variance. The data support K states when there are at least
 * {@link MIN_OBSERVATIONS_PER_PARAMETER} (5) returns per free parameter (`hmmParameterCount`).
 *
 * @param returns periodic returns, dates × series (e.g. `prices.select(["MKTIDX"]).returns()`), no missing value.
 * @param options `{ states = 2, starts = 10, seed = 42, maxIterations = 200, tolerance = 1e-6, covarianceFloor, frequency = 252 }`.
 * @throws InputError TOO_MANY_STATES when the returns cannot support that many states (fewer than 5 per parameter);
 *   BAD_ARGUMENT for a bad option; MISSING_VALUE naming the first missing return; NumericalError HMM_FAILED when
 *   every start fails.
 * @example
 * ```ts
 * const hmm = fitHmm(prices.select(["MKTIDX"]).returns(), { states: 2, starts: 5, seed: 7 });
 * hmm.fit?.logLikelihood;   // => e.g. 15123.4
 * hmm.summary();            // state 2: lower return, about 2.5 times the volatility
 * ```
 */
export function fitHmm(returns: DateTable, options: HmmOptions = {}): GaussianHmm {
  const k = options.states ?? 2;
  const starts = options.starts ?? 10;
  const seed = options.seed ?? 42;
  const frequency = options.frequency ?? TRADING_DAYS_PER_YEAR;
  const bad = (what: string) => new InputError("BAD_ARGUMENT", `fitHmm: ${what}`);
  if (!Number.isSafeInteger(k) || k < 1 || k > 12) throw bad(`states ${String(k)} must be a whole number between 1 and 12`);
  if (!Number.isSafeInteger(starts) || starts < 1) throw bad(`starts ${String(starts)} must be a whole number ≥ 1`);
  const tickers = returns.tickers;
  const d = tickers.length;
  if (d === 0) throw new InputError("EMPTY_INPUT", "fitHmm: the returns have no column; pass at least one series");
  const x = observationsOf(returns, tickers, "fitHmm");
  const n = returns.dates.length;
  const parameters = hmmParameterCount(k, d);
  if (n < MIN_OBSERVATIONS_PER_PARAMETER * parameters) {
    const needed = MIN_OBSERVATIONS_PER_PARAMETER * parameters;
    let supported = 0;
    while (MIN_OBSERVATIONS_PER_PARAMETER * hmmParameterCount(supported + 1, d) <= n) supported++;
    const fewer = supported === 0 ? "use fewer series" : `use at most ${supported} state${supported === 1 ? "" : "s"} here, fewer series,`;
    throw new InputError(
      "TOO_MANY_STATES",
      `fitHmm: ${n} returns cannot support ${k} state${k === 1 ? "" : "s"} on ${d} series (${parameters} parameters need at least ${needed} returns, ${MIN_OBSERVATIONS_PER_PARAMETER} per parameter); ${fewer} or a window of at least ${needed} returns`,
      { states: k, series: d, observations: n, parameters, supported },
    );
  }
  let floor = options.covarianceFloor;
  if (floor === undefined) {
    let meanVariance = 0;
    for (let i = 0; i < d; i++) {
      let mean = 0;
      for (let t = 0; t < n; t++) mean += x[t * d + i]! / n;
      let v = 0;
      for (let t = 0; t < n; t++) v += (x[t * d + i]! - mean) ** 2 / n;
      meanVariance += v / d;
    }
    floor = RELATIVE_COVARIANCE_FLOOR * meanVariance;
  }
  if (!(floor >= 0) || !Number.isFinite(floor)) throw bad(`covarianceFloor ${floor} must be a finite number ≥ 0`);
  let best: ReturnType<typeof baumWelch> | undefined;
  const startLogLikelihoods: number[] = [];
  let lastError: unknown;
  for (let s = 0; s < starts; s++) {
    try {
      const init = initialHmmParameters(x, d, k, createRng(deriveSeed(seed, `hmm start ${s}`)), floor);
      const result = baumWelch(x, init, { maxIterations: options.maxIterations, tolerance: options.tolerance, covarianceFloor: floor });
      startLogLikelihoods.push(result.logLikelihood);
      if (best === undefined || result.logLikelihood > best.logLikelihood) best = result;
    } catch (e) {
      if (!(e instanceof NumericalError)) throw e;
      startLogLikelihoods.push(Number.NaN);
      lastError = e;
    }
  }
  if (best === undefined) throw new NumericalError("HMM_FAILED", `fitHmm: every one of the ${starts} starts failed numerically; fit fewer states or raise covarianceFloor`, {}, { cause: lastError });
  const order = Array.from({ length: k }, (_, s) => s).sort((a, b) => averageVariance(best!.parameters, a) - averageVariance(best!.parameters, b));
  return new GaussianHmm(permuteStates(best.parameters, order), tickers, {
    frequency,
    fit: {
      logLikelihood: best.logLikelihood,
      observations: n,
      trainingWindow: { start: returns.dates[0]!, end: returns.dates[n - 1]! },
      iterations: best.iterations,
      converged: best.converged,
      startLogLikelihoods,
      covarianceFloor: floor,
    },
  });
}
