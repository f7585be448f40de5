/**
 * The first four moments of a return series, as the parametric risk measures use them.
 */
import { checkReturns } from "./check-inputs";

/** Sample moments of a per-period return series (not annualised). */
export interface ReturnMoments {
  /** Number of observations. */
  readonly count: number;
  /** Arithmetic mean return per period. */
  readonly mean: number;
  /** Sample standard deviation per period, ddof 1 (pandas' `std()`). */
  readonly standardDeviation: number;
  /** Skewness m₃ / m₂^1.5 with population central moments (scipy's `skew`, `bias=True`); 0 for a constant series. */
  readonly skewness: number;
  /** Excess kurtosis m₄ / m₂² − 3 with population central moments (scipy's `kurtosis`, `bias=True`); 0 for a constant series. */
  readonly excessKurtosis: number;
}

/**
 * Mean, standard deviation (ddof 1), skewness and excess kurtosis (population moments, as scipy's defaults)
 * of per-period returns. A normal distribution has skewness 0 and excess kurtosis 0; daily stock returns
 * typically show excess kurtosis of 3–10 (fat tails).
 *
 * @param returns per-period simple returns (fractions), at least 2, all finite.
 * @returns the moments, per period (not annualised).
 * @throws InputError when fewer than 2 returns are given or one is not finite.
 *
 * @example
 * ```ts
 * returnMoments([0.01, -0.02, 0.03, 0.00]);
 * // => { count: 4, mean: ≈ 0.005, standardDeviation: ≈ 0.020817, skewness: ≈ 0, excessKurtosis: ≈ -1.1479 }
 * ```
 */
export function returnMoments(returns: ArrayLike<number>): ReturnMoments {
  const n = checkReturns(returns, "returnMoments", "returns", 2);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += returns[i]!;
  const mean = sum / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = returns[i]! - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  const standardDeviation = Math.sqrt(m2 / (n - 1));
  m2 /= n;
  m3 /= n;
  m4 /= n;
  // A constant series has no dispersion: its shape moments are defined as 0 (the Gaussian values).
  const degenerate = m2 <= 1e-30 * Math.max(1, mean * mean);
  return {
    count: n,
    mean,
    standardDeviation,
    skewness: degenerate ? 0 : m3 / Math.pow(m2, 1.5),
    excessKurtosis: degenerate ? 0 : m4 / (m2 * m2) - 3,
  };
}
