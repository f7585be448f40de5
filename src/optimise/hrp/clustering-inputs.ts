/**
 * What a hierarchical allocation clusters and measures: the tickers, a correlation, a covariance and the returns,
 * from returns, a covariance, or both.
 */
import { checkCovariance } from "../../linalg/index";
import { checkDateTable, InputError, roundHalfEven, type DateTable, type LabelledMatrix } from "../../core/index";
import { covarianceToCorrelation, pairwiseCovariance } from "../../moments/index";
import { pairwiseCorrelation } from "./pairwise-correlation";

/**
 * What a hierarchical allocation starts from: per-period `returns` (correlation and covariance estimated from
 * them, as PyPortfolioOpt's `HRPOpt(returns)`), a covariance `cov` (correlation derived from it), or both (skfolio:
 * the clusters from the correlation of the returns, variances from the covariance — e.g. a prior's shrunk or
 * exponentially weighted one — and every other risk measure from the returns).
 */
export type HierarchicalInput =
  | { readonly returns: DateTable; readonly cov?: undefined }
  | { readonly cov: LabelledMatrix; readonly returns?: undefined }
  | { readonly returns: DateTable; readonly cov: LabelledMatrix };

/** The inputs resolved: tickers, row-major correlation and covariance (`n × n`), and the returns when given. */
export interface ClusteringInputs {
  readonly labels: readonly string[];
  readonly correlation: Float64Array;
  readonly covariance: Float64Array;
  readonly returns: DateTable | undefined;
}

/**
 * Resolves a {@link HierarchicalInput}: from returns, pandas' pairwise-complete `corr()` and `cov()`; from a
 * covariance, `cov_to_corr(cov)` (rounded to 6 decimals with `roundCorrelation`, PyPortfolioOpt's rounding); from
 * both, the returns' correlation and the covariance given (their tickers must agree).
 *
 * @param input `{ returns }`, `{ cov }` or `{ returns, cov }`.
 * @param caller the public function name used to prefix error messages.
 * @param options `{ roundCorrelation = false }`.
 * @returns the resolved inputs.
 * @throws InputError for a malformed table or covariance, tickers that differ, or a pair of tickers with fewer
 *   than 2 common observations.
 *
 * @example
 * ```ts
 * clusteringInputs({ cov: { labels: ["A", "B"], values: Float64Array.of(4, 1, 1, 1) } }, "f").correlation;
 * // => Float64Array [1, 0.5, 0.5, 1]
 * ```
 */
export function clusteringInputs(input: HierarchicalInput, caller: string, options: { readonly roundCorrelation?: boolean } = {}): ClusteringInputs {
  const hasReturns = typeof input === "object" && input !== null && input.returns !== undefined;
  const hasCov = typeof input === "object" && input !== null && input.cov !== undefined;
  if (hasReturns && hasCov) {
    const { returns, cov } = input as { returns: DateTable; cov: LabelledMatrix };
    checkCovariance(cov, caller);
    checkDateTable(returns, caller, "returns");
    const i = cov.labels.findIndex((l, k) => returns.tickers[k] !== l);
    if (returns.tickers.length !== cov.labels.length || i >= 0) {
      throw new InputError("LABEL_MISMATCH", `${caller}: the returns name ${returns.tickers.length} tickers, the covariance ${cov.labels.length}; pass both for the same tickers in the same order`, {});
    }
    return { labels: cov.labels, correlation: pairwiseCorrelation(returns).values, covariance: cov.values, returns };
  }
  if (hasReturns) {
    const returns = (input as { returns: DateTable }).returns;
    const { corr, cov } = correlationAndCovariance(returns);
    return { labels: corr.labels, correlation: corr.values, covariance: cov.values, returns };
  }
  if (hasCov) {
    const cov = (input as { cov: LabelledMatrix }).cov;
    checkCovariance(cov, caller);
    const correlation = covarianceToCorrelation(cov).values;
    return {
      labels: cov.labels,
      correlation: options.roundCorrelation ? correlation.map((rho) => roundHalfEven(rho * 1e6) / 1e6) : correlation,
      covariance: cov.values,
      returns: undefined,
    };
  }
  throw new InputError("BAD_INPUT", `${caller}: pass { returns } (a table of per-period returns), { cov } (a labelled covariance) or both`, {});
}

/**
 * pandas' `returns.corr()` and `returns.cov()`. Without a gap (every return finite, at least 2 dates) the
 * correlation is derived from the covariance, `ρᵢⱼ = Sᵢⱼ / (√Sᵢᵢ·√Sⱼⱼ)` clipped to [−1, 1] with a unit diagonal:
 * pandas' per-pair `Σxy / √(Σx²Σy²)` over the same centred columns, to rounding, for one cross product instead of
 * two. Otherwise (gaps, ±Infinity, a constant column) each is computed on its own, with their exact errors.
 */
function correlationAndCovariance(returns: DateTable): { corr: LabelledMatrix; cov: LabelledMatrix } {
  checkDateTable(returns, "pairwiseCorrelation", "returns"); // the error pairwiseCorrelation would throw first
  const values = returns.values;
  let complete = returns.dates.length >= 2;
  for (let k = 0; complete && k < values.length; k++) complete = Number.isFinite(values[k]!);
  if (complete) {
    const cov = pairwiseCovariance(returns);
    const n = cov.labels.length;
    const s = cov.values;
    const sd = new Float64Array(n);
    let positive = true;
    for (let i = 0; i < n; i++) {
      positive &&= s[i * n + i]! > 0; // a constant column: pairwiseCorrelation says so below
      sd[i] = Math.sqrt(s[i * n + i]!);
    }
    if (positive) {
      const corr = new Float64Array(n * n);
      for (let i = 0; i < n; i++) {
        corr[i * n + i] = 1;
        for (let j = 0; j < i; j++) {
          const rho = Math.max(-1, Math.min(1, s[i * n + j]! / (sd[i]! * sd[j]!)));
          corr[i * n + j] = rho;
          corr[j * n + i] = rho;
        }
      }
      return { corr: { labels: cov.labels, values: corr }, cov };
    }
  }
  return { corr: pairwiseCorrelation(returns), cov: pairwiseCovariance(returns) };
}
