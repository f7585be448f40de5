/**
 * How many regimes: fit Gaussian HMMs with 1 … K states and keep the one of lowest BIC.
 */
import { InputError, tableOfRows, type DateTable, type Table } from "../../core/index";
import { fitHmm, type GaussianHmm, type HmmOptions } from "./gaussian-hmm";

/** Options of {@link selectStates}: the candidates and the options of every fit. */
export interface SelectStatesOptions extends Omit<HmmOptions, "states"> {
  /** Numbers of states to try. Default `[1, 2, 3, 4]`. Candidates the data cannot support (TOO_MANY_STATES) are skipped. */
  readonly candidates?: readonly number[];
}

/** What {@link selectStates} returns. */
export interface StateSelection {
  /** The model of lowest BIC. */
  readonly model: GaussianHmm;
  /** Every fitted candidate, in the order tried. */
  readonly fits: readonly GaussianHmm[];
  /** One row per candidate: states, log-likelihood, parameters, BIC, AIC, and which was chosen. */
  readonly table: Table;
}

/**
 * Chooses the number of states by the Bayesian information criterion, `BIC = −2 log L + p ln T` with
 * `p = (K − 1) + K(K − 1) + K·d + K·d(d + 1)/2` free parameters (initial distribution, transitions, means, full
 * covariances) and T returns: fits each candidate with the same options and keeps the lowest BIC. One state is a
 * plain Gaussian: if it wins, the data show no regimes.
 *
 * @throws InputError TOO_MANY_STATES when no candidate can be supported; BAD_ARGUMENT for no candidates; as `fitHmm`.
 * @example
 * ```ts
 * const choice = selectStates(prices.select(["MKTIDX"]).returns(), { candidates: [1, 2, 3], seed: 1 });
 * choice.table;         // states, log L, parameters, BIC, AIC, chosen
 * choice.model.states;  // => e.g. 2
 * ```
 */
export function selectStates(returns: DateTable, options: SelectStatesOptions = {}): StateSelection {
  const { candidates = [1, 2, 3, 4], ...fitOptions } = options;
  if (candidates.length === 0) throw new InputError("BAD_ARGUMENT", "selectStates: no candidate numbers of states; pass e.g. [1, 2, 3]");
  const fits: GaussianHmm[] = [];
  let firstError: InputError | undefined;
  for (const states of candidates) {
    try {
      fits.push(fitHmm(returns, { ...fitOptions, states }));
    } catch (e) {
      if (e instanceof InputError && e.code === "TOO_MANY_STATES") {
        firstError ??= e;
        continue;
      }
      throw e;
    }
  }
  if (fits.length === 0) throw firstError!;
  const model = fits.reduce((a, b) => (b.bic < a.bic ? b : a));
  const rows = fits.map((f) => ({
    model: `${f.states} state${f.states === 1 ? "" : "s"}`,
    states: f.states,
    logLikelihood: f.fit!.logLikelihood,
    parameters: f.parameterCount,
    bic: f.bic,
    aic: f.aic,
    chosen: f === model ? "lowest BIC" : "",
  }));
  const skipped = candidates.filter((k) => !fits.some((f) => f.states === k));
  const caption = `BIC = −2 log L + p ln T, T = ${fits[0]!.fit!.observations} returns, p = (K−1) + K(K−1) + K·d + K·d(d+1)/2${skipped.length ? `; skipped (too few returns): ${skipped.join(", ")}` : ""}`;
  return { model, fits, table: tableOfRows(rows, { units: { states: "count", logLikelihood: "ratio", parameters: "count", bic: "ratio", aic: "ratio" }, caption }) };
}
