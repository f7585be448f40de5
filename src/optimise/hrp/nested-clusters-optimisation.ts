/**
 * Nested clustered optimisation (López de Prado, 2019), as skfolio's `NestedClustersOptimization`: an inner
 * optimiser inside each cluster of assets, an outer one across the clusters' portfolios.
 */
import { InputError, type DateTable, type LabelledVector, type Weights } from "../../core/index";
import { pairwiseCovariance, priorOf, type Prior } from "../../moments/index";
import { minVolatility } from "../min-volatility";
import type { WeightBounds } from "../weight-bounds";
import { correlationDistance } from "./correlation-distance";
import { flatClusters, gapClusterCount } from "./flat-clusters";
import { closestWithinBounds, hierarchicalBounds } from "./hierarchical-bounds";
import { wardLinkage } from "./lance-williams-linkage";
import { pairwiseCorrelation } from "./pairwise-correlation";
import type { LinkageMatrix, LinkageMethod } from "./single-linkage";

/** Anything with labelled weights: a {@link Portfolio}, or `{ weights }`. */
export interface HasWeights {
  readonly weights: LabelledVector;
}

/**
 * An optimiser passed in as an object (skfolio's `inner_estimator` / `outer_estimator`): a prior in, weights out
 * (summing to 1, labelled with the prior's tickers), e.g. `(p) => portfolios.minVolatility(p)` or
 * `(p) => portfolios.maxSharpe(p, { bounds: [0, 0.5] })`; may be async (`portfolios.minCvar`).
 */
export type PortfolioEstimator = (prior: Prior) => HasWeights | Promise<HasWeights>;

/** Options of {@link nestedClustersOptimisation}. */
export interface NestedClustersOptimisationOptions {
  /** The optimiser inside each cluster of two or more assets. Default: minimum variance, long only (skfolio's `MeanRisk()`). */
  readonly inner?: PortfolioEstimator;
  /** The optimiser across the clusters' portfolios. Default: minimum variance, long only. */
  readonly outer?: PortfolioEstimator;
  /** The clustering method (default {@link wardLinkage}, skfolio's `HierarchicalClustering()`). */
  readonly linkage?: LinkageMethod;
  /** Number of clusters (at most; skfolio's `max_clusters`). Default: the gap rule ({@link gapClusterCount}). */
  readonly clusters?: number;
  /**
   * The returns the outer optimiser sees for each cluster: `"ignore"` — in-sample, the inner weights applied to all
   * the returns (skfolio's `cv="ignore"`) — or a number k of folds (default 5, skfolio's `KFold()`): out of sample,
   * each contiguous fold predicted by inner weights fitted on the other folds.
   */
  readonly cv?: "ignore" | number;
  /**
   * The prior of a table of returns, used for the cross-validation's training folds and for the clusters' returns
   * the outer optimiser sees. Default: the empirical prior (mean and sample covariance, ddof 1, times the prior's
   * frequency — skfolio's `EmpiricalPrior()` annualised).
   */
  readonly priorOfReturns?: (returns: DateTable, frequency: number) => Prior;
  /**
   * Weight bounds (long only) met at the end by the nearest weights in the Euclidean sense ({@link closestWithinBounds}
   * with `distance: "absolute"`, since the optimisers may leave assets at 0); skfolio leaves bounds to the two
   * optimisers — pass bounded ones for weights that are optimal under the bounds.
   */
  readonly bounds?: WeightBounds;
}

/** An NCO portfolio with the clusters behind it. */
export interface NestedClustersOptimisationPortfolio {
  /** Final weights, `outer · inner`, labelled in the prior's ticker order. */
  readonly weights: Weights;
  /** The linkage matrix of the clustering. */
  readonly linkage: LinkageMatrix;
  /** The clusters, each a list of tickers (scipy's `fcluster` numbering). */
  readonly clusters: readonly (readonly string[])[];
  /** Each cluster's weights inside it (the inner optimiser's; 1 for a single asset), labelled by its tickers. */
  readonly innerWeights: readonly Weights[];
  /** The outer optimiser's weight of each cluster. */
  readonly outerWeights: Float64Array;
}

/**
 * Nested clustered optimisation, as skfolio's `NestedClustersOptimization`:
 *
 * 1. distance `√((1 − ρ)/2)` of the correlation of the prior's returns, linkage (Ward by default), flat clusters
 *    (`clusters`, or the gap rule);
 * 2. the `inner` optimiser on each cluster of two or more assets (the prior restricted to its tickers); a single
 *    asset gets weight 1;
 * 3. each cluster's return series (its inner portfolio's, or the asset's) — in sample with `cv: "ignore"`, out of
 *    sample over k contiguous folds otherwise (inner weights refitted on the other folds);
 * 4. the `outer` optimiser on the prior of those series ({@link NestedClustersOptimisationOptions.priorOfReturns});
 * 5. weights `Σ_c outer_c · inner_c`, then the nearest within `bounds` if given.
 *
 * @param prior the prior (its returns must be complete: no missing values).
 * @param options `{ inner, outer, linkage = wardLinkage, clusters, cv = 5, priorOfReturns, bounds }`.
 * @returns a promise of `{ weights, linkage, clusters, innerWeights, outerWeights }`.
 * @throws InputError for missing returns, a bad `cv` or cluster count, an optimiser's weights that do not name the
 *   prior's tickers; InfeasibleError for bounds that leave no fully invested portfolio; whatever the optimisers throw.
 *
 * @example
 * ```ts
 * const r = await nestedClustersOptimisation(p, { clusters: 4, cv: "ignore" });
 * r.clusters.length; // => 4 (or fewer when merge heights tie)
 * ```
 */
export async function nestedClustersOptimisation(prior: Prior, options: NestedClustersOptimisationOptions = {}): Promise<NestedClustersOptimisationPortfolio> {
  const caller = "nestedClustersOptimisation";
  const returns = prior.returns;
  const tickers = returns.tickers;
  const n = tickers.length;
  const T = returns.dates.length;
  for (let k = 0; k < returns.values.length; k++) {
    if (!Number.isFinite(returns.values[k]!)) {
      throw new InputError("MISSING_RETURN", `${caller}: the return of ${tickers[k % n]} on ${returns.dates[Math.floor(k / n)]} is ${returns.values[k]}; NCO needs complete returns (drop the date or the ticker)`, {
        ticker: tickers[k % n],
      });
    }
  }
  const cv = options.cv ?? 5;
  if (cv !== "ignore" && (!Number.isSafeInteger(cv) || cv < 2 || cv > T)) {
    throw new InputError("BAD_CV", `${caller}: cv ${String(cv)} must be "ignore" or a whole number of folds between 2 and the ${T} dates`, { cv: String(cv) });
  }
  const bounds = options.bounds === undefined ? undefined : hierarchicalBounds(options.bounds, tickers, caller);
  const frequency = prior.frequency;
  const priorOfReturns = options.priorOfReturns ?? empiricalPriorOf;
  const inner = options.inner ?? minimumVariance;
  const outer = options.outer ?? minimumVariance;

  const distance = correlationDistance(pairwiseCorrelation(returns).values);
  const linkage = (options.linkage ?? wardLinkage)(distance, n);
  const wanted = options.clusters ?? gapClusterCount(distance, linkage);
  if (!Number.isSafeInteger(wanted) || wanted < 1) {
    throw new InputError("BAD_CLUSTER_COUNT", `${caller}: clusters ${wanted} must be a whole number ≥ 1`, { clusters: wanted });
  }
  const labels = flatClusters(linkage, wanted);
  const count = Math.max(...labels) + 1;
  const members: number[][] = Array.from({ length: count }, () => []);
  labels.forEach((c, i) => members[c]!.push(i));

  const innerWeights: Float64Array[] = [];
  for (const items of members) {
    innerWeights.push(items.length === 1 ? Float64Array.of(1) : await weightsOf(inner, restrictPrior(prior, items), items.map((i) => tickers[i]!), caller, "inner"));
  }
  // The clusters' return series the outer optimiser sees.
  const names = members.map((items, c) => (items.length === 1 ? tickers[items[0]!]! : `cluster ${c + 1}`));
  const series = new Float64Array(T * count);
  const apply = (c: number, w: Float64Array, from: number, to: number) => {
    const items = members[c]!;
    for (let t = from; t < to; t++) {
      let s = 0;
      for (let a = 0; a < items.length; a++) s += w[a]! * returns.values[t * n + items[a]!]!;
      series[t * count + c] = s;
    }
  };
  for (let c = 0; c < count; c++) {
    if (cv === "ignore" || members[c]!.length === 1) {
      apply(c, innerWeights[c]!, 0, T);
      continue;
    }
    for (let fold = 0, start = 0; fold < cv; fold++) {
      const size = Math.floor(T / cv) + (fold < T % cv ? 1 : 0);
      const train = rowsOf(returns, members[c]!, (t) => t < start || t >= start + size);
      const w = await weightsOf(inner, priorOfReturns(train, frequency), train.tickers, caller, "inner");
      apply(c, w, start, start + size);
      start += size;
    }
  }
  const clusterReturns = { dates: returns.dates, tickers: names, values: series };
  const outerWeights = count === 1 ? Float64Array.of(1) : await weightsOf(outer, priorOfReturns(clusterReturns, frequency), names, caller, "outer");
  const weights = new Float64Array(n);
  members.forEach((items, c) => items.forEach((i, a) => (weights[i] = weights[i]! + outerWeights[c]! * innerWeights[c]![a]!)));
  const final = bounds === undefined ? weights : closestWithinBounds(weights, bounds, { distance: "absolute" });
  return {
    weights: { labels: [...tickers], values: final },
    linkage,
    clusters: members.map((items) => items.map((i) => tickers[i]!)),
    innerWeights: members.map((items, c) => ({ labels: items.map((i) => tickers[i]!), values: innerWeights[c]! })),
    outerWeights,
  };
}

/**
 * The empirical prior of a table of returns: mean and sample covariance (ddof 1, pairwise-complete) times
 * `frequency` — what {@link nestedClustersOptimisation} gives its optimisers by default.
 *
 * @example
 * ```ts
 * empiricalPriorOf({ dates: ["d1", "d2"], tickers: ["A"], values: Float64Array.of(0.01, 0.03) }, 252).expectedReturns.values;
 * // => Float64Array [5.04]
 * ```
 */
export function empiricalPriorOf(returns: DateTable, frequency: number): Prior {
  const cov = pairwiseCovariance(returns);
  const m = returns.tickers.length;
  const T = returns.dates.length;
  const mean = new Float64Array(m);
  for (let t = 0; t < T; t++) for (let j = 0; j < m; j++) mean[j] = mean[j]! + returns.values[t * m + j]!;
  return priorOf({
    expectedReturns: { labels: returns.tickers, values: mean.map((x) => (x / T) * frequency) },
    covariance: { labels: cov.labels, values: cov.values.map((x) => x * frequency) },
    returns,
    frequency,
    description: `empirical prior of ${m} return series`,
  });
}

/** skfolio's default `MeanRisk()`: minimum variance, long only, fully invested. */
function minimumVariance(p: Prior): HasWeights {
  return { weights: minVolatility(p.covariance) };
}

/** The prior restricted to some tickers. */
function restrictPrior(prior: Prior, items: readonly number[]): Prior {
  const n = prior.returns.tickers.length;
  const labels = items.map((i) => prior.returns.tickers[i]!);
  const cov = new Float64Array(items.length * items.length);
  items.forEach((i, a) => items.forEach((j, b) => (cov[a * items.length + b] = prior.covariance.values[i * n + j]!)));
  return priorOf({
    expectedReturns: { labels, values: Float64Array.from(items, (i) => prior.expectedReturns.values[i]!) },
    covariance: { labels, values: cov },
    returns: rowsOf(prior.returns, items, () => true),
    frequency: prior.frequency,
    description: `${prior.description}, restricted to ${labels.join(", ")}`,
  });
}

/** Some columns and the rows that pass a test, as a new table. */
function rowsOf(returns: DateTable, items: readonly number[], keep: (t: number) => boolean): DateTable {
  const n = returns.tickers.length;
  const dates: string[] = [];
  const values: number[] = [];
  returns.dates.forEach((d, t) => {
    if (!keep(t)) return;
    dates.push(d);
    for (const i of items) values.push(returns.values[t * n + i]!);
  });
  return { dates, tickers: items.map((i) => returns.tickers[i]!), values: Float64Array.from(values) };
}

/** Runs an optimiser and checks its weights name the tickers expected, in order. */
async function weightsOf(estimator: PortfolioEstimator, prior: Prior, labels: readonly string[], caller: string, which: string): Promise<Float64Array> {
  const result = await estimator(prior);
  const w = result?.weights;
  if (w === undefined || w.labels.length !== labels.length || w.labels.some((l, k) => l !== labels[k])) {
    throw new InputError("BAD_ESTIMATOR", `${caller}: the ${which} optimiser must return weights labelled ${labels.join(", ")}; got ${w === undefined ? "none" : w.labels.join(", ")}`, { which });
  }
  return Float64Array.from(w.values);
}
