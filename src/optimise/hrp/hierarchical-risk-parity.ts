/**
 * The hierarchical risk parity portfolio, as PyPortfolioOpt's `HRPOpt(returns | cov_matrix).optimize()`.
 */
import { InputError } from "../../core/index";
import { checkPositiveSemidefinite } from "../../linalg/index";
import type { DateTable, LabelledMatrix, Weights } from "../../core/index";
import { covarianceToCorrelation } from "../../moments/index";
import { pairwiseCovariance } from "../../moments/index";
import { checkCovariance } from "../../linalg/index";
import { checkDateTable } from "../../core/index";
import { correlationDistance } from "./correlation-distance";
import { pairwiseCorrelation } from "./pairwise-correlation";
import { quasiDiagonalOrder } from "./quasi-diagonal-order";
import { recursiveBisection } from "./recursive-bisection";
import { singleLinkage, type LinkageMatrix, type LinkageMethod } from "./single-linkage";

/** What HRP clusters: per-period returns (correlation and covariance estimated from them) or a covariance. */
export type HierarchicalRiskParityInput = { readonly returns: DateTable } | { readonly cov: LabelledMatrix };

/** Options of {@link hierarchicalRiskParity}. */
export interface HierarchicalRiskParityOptions {
  /**
   * The clustering method, a function passed in (PyPortfolioOpt's `linkage_method` string, as an object):
   * {@link singleLinkage} (default, PyPortfolioOpt's default `"single"`), {@link completeLinkage} (`"complete"`),
   * {@link averageLinkage} (`"average"`), {@link weightedLinkage} (`"weighted"`) or {@link wardLinkage} (`"ward"`) —
   * each exactly scipy's `linkage(squareform(distance), method)` — or any {@link LinkageMethod}.
   */
  readonly linkage?: LinkageMethod;
}

/** An HRP portfolio with the clustering behind it. */
export interface HierarchicalRiskParityPortfolio {
  /** Weights (all > 0, summing to 1), labelled in the input's ticker order. */
  readonly weights: Weights;
  /** The linkage matrix (scipy layout), e.g. for a dendrogram; items are indices into the tickers. */
  readonly linkage: LinkageMatrix;
  /** Tickers in dendrogram (quasi-diagonal) order. */
  readonly order: readonly string[];
}

/**
 * Hierarchical risk parity (López de Prado, 2016), exactly as PyPortfolioOpt's `HRPOpt.optimize()`:
 *
 * 1. correlation and covariance: from `returns`, pandas' pairwise-complete `corr()` and `cov()` (per period, not
 *    annualised — the weights do not depend on the scale; without gaps one cross product gives both, `ρᵢⱼ =
 *    Sᵢⱼ/√(SᵢᵢSⱼⱼ)`, equal to pandas' per-pair formula to rounding); from `cov`, `cov_to_corr(cov)` rounded to 6 decimals
 *    (PyPortfolioOpt's rounding) and `cov` itself;
 * 2. distance `√(clip((1 − ρ)/2, 0, 1))`;
 * 3. hierarchical clustering: single linkage by default (scipy's `linkage(…, "single")`, here in O(n²) by minimum
 *    spanning tree), or `completeLinkage`, `averageLinkage`, `weightedLinkage`, `wardLinkage` (scipy's other methods);
 * 4. quasi-diagonalisation: the dendrogram's leaf order (`to_tree(Z).pre_order()`);
 * 5. recursive bisection of that ordered list with inverse-variance cluster variances.
 *
 * 500 assets take well under a second from a covariance (O(n²) clustering); from returns, estimating the
 * correlations costs O(n²T).
 *
 * @param input `{ returns }` (per-period returns, `nDates × nTickers`, `NaN` = missing) or `{ cov }` (`n × n`, labelled).
 * @param options `{ linkage = singleLinkage }`.
 * @returns `{ weights, linkage, order }`.
 * @throws InputError for a malformed table or covariance, a pair of tickers with fewer than 2 common
 *   observations, or a non-positive variance.
 *
 * @example
 * ```ts
 * // A and B are correlated (ρ = 0.6), C is independent: the tree is (C, (A, B)), the order C, A, B;
 * // bisection gives C vs {A, B} (inverse-variance variance 0.0430): α = 1 − 0.01 / 0.0530 = 0.811 to C,
 * // then A vs B: 0.189 split 0.04 : 0.09 inversely.
 * const cov = { labels: ["A", "B", "C"], values: Float64Array.of(0.04, 0.036, 0, 0.036, 0.09, 0, 0, 0, 0.01) };
 * hierarchicalRiskParity({ cov }).order;          // => ["C", "A", "B"]
 * hierarchicalRiskParity({ cov }).weights.values; // => ≈ Float64Array [0.1306, 0.0580, 0.8114]
 * ```
 */
export function hierarchicalRiskParity(input: HierarchicalRiskParityInput, options: HierarchicalRiskParityOptions = {}): HierarchicalRiskParityPortfolio {
  const caller = "hierarchicalRiskParity";
  let labels: readonly string[];
  let correlation: Float64Array;
  let covariance: Float64Array;
  if (typeof input === "object" && input !== null && "returns" in input) {
    const { corr, cov } = correlationAndCovariance(input.returns);
    labels = corr.labels;
    correlation = corr.values;
    covariance = cov.values;
  } else if (typeof input === "object" && input !== null && "cov" in input) {
    checkCovariance(input.cov, caller);
    labels = input.cov.labels;
    correlation = covarianceToCorrelation(input.cov).values.map((rho) => roundHalfEven(rho * 1e6) / 1e6); // PyPortfolioOpt's .round(6)
    covariance = input.cov.values;
  } else {
    throw new InputError("BAD_INPUT", `${caller}: pass { returns } (a table of per-period returns) or { cov } (a labelled covariance)`, {});
  }
  const n = labels.length;
  checkPositiveSemidefinite({ labels, values: covariance }, caller);
  for (let i = 0; i < n; i++) {
    if (!(covariance[i * n + i]! > 0)) {
      throw new InputError("NON_POSITIVE_VARIANCE", `${caller}: variance of ${labels[i]} is ${covariance[i * n + i]}; HRP needs positive variances (drop the asset)`, {
        label: labels[i],
      });
    }
  }
  const linkage = (options.linkage ?? singleLinkage)(correlationDistance(correlation), n);
  const order = quasiDiagonalOrder(linkage);
  const weights = recursiveBisection(covariance, order);
  return { weights: { labels: [...labels], values: weights }, linkage, order: order.map((i) => labels[i]!) };
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

/** numpy's `rint`: the nearest integer, ties to even. */
function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const fraction = x - floor;
  if (fraction > 0.5) return floor + 1;
  if (fraction < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}
