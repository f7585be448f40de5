/**
 * Expected returns implied by market capitalisations, as PyPortfolioOpt's `black_litterman.market_implied_prior_returns`.
 */
import { DEFAULT_RISK_FREE_RATE } from "../../core/index";
import { InputError } from "../../core/index";
import type { LabelledMatrix, LabelledVector } from "../../core/index";
import { checkCovariance } from "../../linalg/index";
import { checkRiskAversion } from "./check-black-litterman-scalars";

/** Market capitalisations by ticker: a labelled vector, a plain object `{ ACME: 2.1e11 }` or a `Map`. */
export type MarketCaps = LabelledVector | Readonly<Record<string, number>> | ReadonlyMap<string, number>;

/** Options of {@link marketImpliedPriorReturns}. */
export interface MarketImpliedPriorReturnsOptions {
  /** Risk aversion δ (excess return per unit of variance), e.g. from `marketImpliedRiskAversion`, or 2.5. Required. */
  readonly riskAversion: number;
  /** Risk-free rate added to the implied excess returns, in the covariance's period (annual). Default 0. */
  readonly riskFreeRate?: number;
}

/**
 * The prior of Black-Litterman: the returns that make the market portfolio optimal, `Π = δ·Σ·w_mkt + r_f`, with
 * `w_mkt = caps / Σ caps`. Fractions per year when Σ is annual.
 *
 * @param marketCaps market capitalisation of **every** asset of the covariance (any currency, any order; it is put in
 *   the covariance's order).
 * @param cov covariance Σ, `N × N` labelled by ticker.
 * @param options `{ riskAversion, riskFreeRate = 0 }`.
 * @returns Π labelled like `cov`.
 * @throws InputError for a malformed covariance; a cap on a ticker not in the covariance or a ticker without a cap
 *   (each named); a cap that is negative or not finite; caps summing to 0; a non-positive risk aversion or a
 *   non-finite risk-free rate.
 *
 * @example
 * ```ts
 * const cov = { labels: ["A", "B"], values: Float64Array.from([0.04, 0.01, 0.01, 0.09]) };
 * marketImpliedPriorReturns({ A: 3, B: 1 }, cov, { riskAversion: 2, riskFreeRate: 0.02 }).values;
 * // => ≈ Float64Array [0.085, 0.08]  (w = [0.75, 0.25]: 2·[0.0325, 0.03] + 0.02)
 * ```
 */
export function marketImpliedPriorReturns(
  marketCaps: MarketCaps,
  cov: LabelledMatrix,
  options: MarketImpliedPriorReturnsOptions,
): LabelledVector {
  const caller = "marketImpliedPriorReturns";
  const n = checkCovariance(cov, caller);
  const riskAversion = checkRiskAversion(options.riskAversion, caller);
  const riskFreeRate = options.riskFreeRate ?? DEFAULT_RISK_FREE_RATE;
  if (!Number.isFinite(riskFreeRate)) {
    throw new InputError("BAD_RISK_FREE_RATE", `${caller}: riskFreeRate ${riskFreeRate} is not finite; pass an annual rate such as 0.02`, {
      riskFreeRate,
    });
  }
  const weights = marketWeights(marketCaps, cov.labels, caller);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += cov.values[i * n + j]! * weights[j]!;
    values[i] = riskAversion * s + riskFreeRate;
  }
  return { labels: [...cov.labels], values };
}

/** Caps → weights in the order of `labels`, checking that caps and labels name the same assets. */
function marketWeights(marketCaps: MarketCaps, labels: readonly string[], caller: string): Float64Array {
  let entries: [string, number][];
  if (marketCaps instanceof Map) entries = [...(marketCaps as ReadonlyMap<string, number>).entries()];
  else if (Array.isArray((marketCaps as LabelledVector).labels)) {
    const vector = marketCaps as LabelledVector;
    if (vector.labels.length !== vector.values.length) {
      throw new InputError("SHAPE_MISMATCH", `${caller}: marketCaps has ${vector.labels.length} labels but ${vector.values.length} values; pass one cap per label`, {});
    }
    entries = vector.labels.map((label, i) => [label, vector.values[i]!]);
  } else entries = Object.entries(marketCaps as Readonly<Record<string, number>>);

  const position = new Map(labels.map((label, i) => [label, i] as const));
  const caps = new Float64Array(labels.length).fill(NaN);
  let total = 0;
  for (const [ticker, cap] of entries) {
    const i = position.get(ticker);
    if (i === undefined) {
      throw new InputError(
        "UNKNOWN_TICKER",
        `${caller}: marketCaps has ${ticker}, which is not in the covariance; estimate the covariance on the same tickers or drop the cap`,
        { ticker },
      );
    }
    if (!Number.isNaN(caps[i]!)) {
      throw new InputError("DUPLICATE_LABEL", `${caller}: marketCaps has ${ticker} twice; give each ticker one cap`, { ticker });
    }
    if (!Number.isFinite(cap) || cap < 0) {
      throw new InputError("BAD_MARKET_CAP", `${caller}: the market cap of ${ticker} is ${cap}; caps must be finite and ≥ 0`, { ticker, cap });
    }
    caps[i] = cap;
    total += cap;
  }
  labels.forEach((label, i) => {
    if (Number.isNaN(caps[i]!)) {
      throw new InputError(
        "MISSING_MARKET_CAP",
        `${caller}: ${label} is in the covariance but has no market cap; pass a cap for every asset (0 to give it no market weight)`,
        { ticker: label },
      );
    }
  });
  if (!(total > 0)) {
    throw new InputError("ZERO_MARKET_CAP", `${caller}: the market caps sum to ${total}; at least one must be positive`, { total });
  }
  return caps.map((cap) => cap / total);
}
