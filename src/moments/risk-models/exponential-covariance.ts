/**
 * Annualised exponentially weighted covariance of returns, as PyPortfolioOpt's `risk_models.exp_cov`.
 */
import { TRADING_DAYS_PER_YEAR } from "../../core/index";
import { InputError } from "../../core/index";
import type { DateTable } from "../../core/index";
import { exponentiallyWeightedMean, spanDecay } from "../expected-returns/exponentially-weighted-mean";
import { returnColumns } from "../expected-returns/return-columns";
import { checkFrequency } from "../../core/index";
import { crossProduct } from "./cross-product";
import { fixNonpositiveSemidefinite, type PsdRepairedMatrix } from "./fix-nonpositive-semidefinite";

/** Options of {@link exponentialCovariance}. */
export interface ExponentialCovarianceOptions {
  /** Span of the exponential weighting, in periods (`α = 2 / (span + 1)`). Default 180. PyPortfolioOpt warns below 10. */
  readonly span?: number;
  /** Periods per year used to annualise. Default {@link TRADING_DAYS_PER_YEAR} (252). */
  readonly frequency?: number;
  /** Use log returns `ln(p_t / p_{t-1})`. Default `false`. */
  readonly logReturns?: boolean;
}

/** Below this total weight a pair is recomputed by pandas' recursion, which cannot underflow. */
const SMALLEST_TOTAL_WEIGHT = 1e-200;

/**
 * Annualised exponentially weighted covariance matrix, giving more weight to recent data, then PSD repair
 * (see `fixNonpositiveSemidefinite`; check `repaired`).
 *
 * For each pair (i, j), as PyPortfolioOpt's `_pair_exp_cov`: `(X − X.mean()) * (Y − Y.mean())` then
 * `.ewm(span=span).mean().iloc[-1]`, times `frequency`. So:
 * - each column is centred on **its own** mean over all its observed returns (not a weighted mean, not per pair);
 * - the covariation on date t is missing when either return is; it is then skipped but still ages older dates;
 * - the covariation k rows before the last row weighs `(1 − α)^k`, `α = 2 / (span + 1)`, and the result is the
 *   weighted mean `Σ w·x / Σ w` over the dates both are observed (pandas' adjusted weights, no ddof correction).
 *
 * Computed as two weighted cross products (`O(T·N²)` instead of PyPortfolioOpt's `N²/2` pandas calls); a pair whose
 * weights underflow (dates last shared more than ~60 000 / span rows ago) is recomputed by pandas' recursion.
 *
 * @param prices prices, shape `nDates × nTickers`; `NaN` = missing.
 * @param options `{ span = 180, frequency = 252, logReturns = false }`.
 * @returns annualised covariance (squared returns per year), `nTickers × nTickers` labelled by ticker,
 *   with `repaired` and `minEigenvalue` from the repair step.
 * @throws InputError for bad prices, a bad span or frequency, a column with fewer than 2 returns, or a pair of
 *   tickers never observed on the same date (where pandas gives NaN); the message names the tickers.
 *
 * @example
 * ```ts
 * const prices = { dates: ["d1", "d2", "d3"], tickers: ["A", "B"], values: Float64Array.from([100, 100, 110, 105, 99, 99.75]) };
 * // returns A: 0.1, −0.1 (mean 0); B: 0.05, −0.05; span 3 weighs the two dates 0.5 and 1
 * exponentialCovariance(prices, { span: 3, frequency: 1 }).values; // => ≈ Float64Array [0.01, 0.005, 0.005, 0.0025]
 * ```
 */
export function exponentialCovariance(prices: DateTable, options: ExponentialCovarianceOptions = {}): PsdRepairedMatrix {
  const caller = "exponentialCovariance";
  const frequency = checkFrequency(options.frequency ?? TRADING_DAYS_PER_YEAR, caller);
  const decay = spanDecay(options.span ?? 180, caller);
  const { returns, columns, counts, nRows: t, nColumns: n, complete } = returnColumns(prices, caller, {
    logReturns: options.logReturns ?? false,
  });

  // Column means over each column's own observations (pandas Series.mean skips NaN).
  const means = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let sum = 0;
    const base = j * t;
    for (let i = 0; i < t; i++) {
      const r = columns[base + i]!;
      if (!Number.isNaN(r)) sum += r;
    }
    means[j] = sum / counts[j]!;
  }

  // √w per row, w = decay^(rows after it); centred returns scaled by √w, 0 where missing.
  const rootDecay = Math.sqrt(decay);
  const rootWeight = Float64Array.from({ length: t }, (_, i) => Math.pow(rootDecay, t - 1 - i));
  const scaled = new Float64Array(n * t);
  for (let j = 0; j < n; j++) {
    const base = j * t;
    for (let i = 0; i < t; i++) {
      const r = columns[base + i]!;
      scaled[base + i] = Number.isNaN(r) ? 0 : (r - means[j]!) * rootWeight[i]!;
    }
  }
  const numerator = crossProduct(scaled, t, n);

  // Total weight of the dates each pair shares: one number when nothing is missing, else a masked cross product.
  const totalWeight = pairTotalWeights(columns, counts, rootWeight, t, n, complete);

  const out = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b <= a; b++) {
      const w = totalWeight(a, b);
      let value: number;
      if (w > SMALLEST_TOTAL_WEIGHT) {
        value = numerator[a * n + b]! / w;
      } else {
        value = pairRecursion(columns, means, a, b, t, decay);
        if (Number.isNaN(value)) {
          throw new InputError(
            "TOO_FEW_OVERLAPPING_OBSERVATIONS",
            `${caller}: ${returns.tickers[a]} and ${returns.tickers[b]} are never observed on the same date, so their covariance is undefined; drop one of them or use a window where both trade`,
            { tickers: [returns.tickers[a], returns.tickers[b]] },
          );
        }
      }
      out[a * n + b] = value * frequency;
      out[b * n + a] = value * frequency;
    }
  }
  return fixNonpositiveSemidefinite({ labels: [...returns.tickers], values: out });
}

/** `(a, b) ↦ Σ w` over the dates where both columns are observed. */
function pairTotalWeights(
  columns: Float64Array,
  counts: Int32Array,
  rootWeight: Float64Array,
  t: number,
  n: number,
  complete: boolean,
): (a: number, b: number) => number {
  let all = 0;
  for (let i = 0; i < t; i++) all += rootWeight[i]! * rootWeight[i]!;
  if (complete) return () => all;

  // Incomplete columns get a masked √w column; complete ones share the plain total or a column's own total.
  const incomplete: number[] = [];
  const position = new Int32Array(n).fill(-1);
  for (let j = 0; j < n; j++) {
    if (counts[j] !== t) {
      position[j] = incomplete.length;
      incomplete.push(j);
    }
  }
  const k = incomplete.length;
  const mask = new Float64Array(k * t);
  const own = new Float64Array(k);
  incomplete.forEach((j, c) => {
    let total = 0;
    for (let i = 0; i < t; i++) {
      if (Number.isNaN(columns[j * t + i]!)) continue;
      mask[c * t + i] = rootWeight[i]!;
      total += rootWeight[i]! * rootWeight[i]!;
    }
    own[c] = total;
  });
  const shared = crossProduct(mask, t, k);
  return (a, b) => {
    const pa = position[a]!;
    const pb = position[b]!;
    if (pa < 0 && pb < 0) return all;
    if (pa < 0) return own[pb]!;
    if (pb < 0) return own[pa]!;
    return shared[pa * k + pb]!;
  };
}

/** pandas' own recursion on the covariation series of one pair (used when the closed form's weights underflow). */
function pairRecursion(columns: Float64Array, means: Float64Array, a: number, b: number, t: number, decay: number): number {
  const covariation = new Float64Array(t);
  for (let i = 0; i < t; i++) {
    covariation[i] = (columns[a * t + i]! - means[a]!) * (columns[b * t + i]! - means[b]!);
  }
  return exponentiallyWeightedMean(covariation, decay, t);
}
