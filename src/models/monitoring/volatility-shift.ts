/**
 * The volatility shift: recent realised volatility over a reference period's, and a variance-ratio test of whether
 * the two could come from one volatility regime.
 */
import { InputError } from "../../core/index";
import { normalQuantile, volatility } from "../../measures/index";

/**
 * The default two-sided level of the variance-ratio test: a market in one regime leaves the band 5 % of the time.
 * On the calm spells of the synthetic market (8 seeds × 40 years, monthly runs, the monitor's reference rule) 2 % of
 * the runs found a shift (0.24 a year; the former fixed band [1/1.5, 1.5] on 63 against 63 days: 8.8 %, 1.05 a year),
 * and 18 of its 26 crises of 60 days or more were found, a median 43 trading days in (1 %: 0.08 a year, 12 of 26).
 *
 * @example
 * ```ts
 * VOLATILITY_TEST_LEVEL; // => 0.05
 * ```
 */
export const VOLATILITY_TEST_LEVEL = 0.05;

/**
 * The default variance inflation φ of a sample variance of daily returns, against independent normal returns of
 * the same variance: fat tails and clustered volatility make a window of `n` days worth about `(n − 1)/φ` degrees of
 * freedom. Measured on the calm spells of the synthetic market (GARCH(1,1), α 0.08, β 0.90, Student-t₆ shocks — the
 * values fitted to S&P 500 daily returns): the variance of ln(s²₆₃/s²₂₅₂) between adjacent windows of one regime is
 * 9.2 times what independent normal returns give (6.1 for 63 against 63 days, 10.2 for 63 against 504; 8 seeds × 40
 * years); at the default level, 95.2 % of such pairs stay inside the band (3 seeds; 47.8 % with φ = 1). A single
 * index clusters more (φ ≈ 14), a diversified basket less. Independent normal returns have φ = 1.
 *
 * @example
 * ```ts
 * VOLATILITY_INFLATION; // => 10
 * ```
 */
export const VOLATILITY_INFLATION = 10;

/**
 * Options of {@link volatilityShift}: the test's level and the variance inflation of the returns (both unitless).
 *
 * @example
 * ```ts
 * const strict: VolatilityShiftOptions = { level: 0.01, inflation: 10 };
 * ```
 */
export interface VolatilityShiftOptions {
  /** Two-sided level α of the variance-ratio test, in (0, 1). Default {@link VOLATILITY_TEST_LEVEL} (0.05). */
  readonly level?: number;
  /** Variance inflation φ ≥ 1 of sample variances (1 = independent normal returns). Default {@link VOLATILITY_INFLATION} (10). */
  readonly inflation?: number;
}

/**
 * Realised volatility of a reference and a recent period, their ratio (annualised, 252 days, ddof 1), and the
 * variance-ratio test of "one volatility regime".
 *
 * @example
 * ```ts
 * const s: VolatilityShift = { reference: 0.12, recent: 0.29, ratio: 2.4, z: 2.95, band: [0.51, 1.75], level: 0.05,
 *   inflation: 10, degreesOfFreedom: { reference: 25.1, recent: 6.2 }, shifted: true };
 * ```
 */
export interface VolatilityShift {
  /** Annualised volatility of the reference returns (e.g. the days the model was trained on). */
  readonly reference: number;
  /** Annualised volatility of the recent returns. */
  readonly recent: number;
  /** `recent / reference`: above 1 the market got rougher, below 1 calmer. */
  readonly ratio: number;
  /** The standardised log ratio, `(ln ratio − mean) / sd` under one regime (Fisher's z; see {@link volatilityShift}). */
  readonly z: number;
  /** The ratios one regime stays within at `level` (two-sided): `[lower, upper]`. */
  readonly band: readonly [number, number];
  /** The test's two-sided level α. */
  readonly level: number;
  /** The variance inflation φ used. */
  readonly inflation: number;
  /** Effective degrees of freedom of each sample variance, `(n − 1)/φ`. */
  readonly degreesOfFreedom: { readonly reference: number; readonly recent: number };
  /** True when the ratio is outside `band`: the test rejects one regime at `level`. */
  readonly shifted: boolean;
}

function annualised(values: ArrayLike<number>, what: string): number {
  if (values.length < 2) throw new InputError("TOO_FEW_ROWS", `volatilityShift: the ${what} returns are ${values.length}; pass at least 2`, { what, count: values.length });
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i]!)) {
      throw new InputError("NAN_IN_INPUT", `volatilityShift: ${what} returns value ${i} is ${values[i]}; drop days without a return (a missing price)`, { what, index: i });
    }
  }
  return volatility(values);
}

/**
 * How much rougher (ratio > 1) or calmer (ratio < 1) the market is now than in a reference period, and whether that
 * is more than one volatility regime's own wandering: the measures layer's annualised {@link volatility} (252
 * days, ddof 1) of each sample of daily simple returns, their ratio, and a variance-ratio F-test.
 *
 * The test: `F = s²_recent / s²_reference`. With independent normal returns and one variance, F follows the
 * F-distribution with `(n_recent − 1, n_reference − 1)` degrees of freedom. Daily returns have fat tails and
 * clustered volatility, which make each sample variance φ times noisier: effective degrees of freedom
 * `ν = (n − 1)/φ`. The log of the volatility ratio is Fisher's z, `½ ln F`, close to normal with mean
 * `½(1/ν_reference − 1/ν_recent)` and variance `½(1/ν_recent + 1/ν_reference)` (Fisher 1924); the band is
 * `exp(mean ± Φ⁻¹(1 − α/2) · sd)` and the ratio shifted when it leaves it (for φ = 1 within 1 % of the exact F
 * quantiles, `√F(α/2)` and `√F(1 − α/2)`, at 63 and 252 days). With the defaults (α 0.05, φ 10), 63
 * recent against 252 reference days: band 0.51–1.75; against 63 reference days: 0.46–2.20 — a 63-day reference is
 * too noisy to tell a doubling from one regime's own wandering.
 *
 * @param reference daily returns of the reference period (e.g. the year before the model was trained); not changed.
 * @param recent daily returns of the recent period; not changed.
 * @param options `{ level = 0.05, inflation = 10 }`.
 * @throws InputError TOO_FEW_ROWS (fewer than 2 returns on a side), NAN_IN_INPUT, CONSTANT_SERIES (the reference
 *   returns do not vary, so no ratio exists); BAD_ARGUMENT for a level outside (0, 1) or an inflation below 1.
 * @example
 * ```ts
 * volatilityShift([0.01, -0.01, 0.01, -0.01], [0.02, -0.02, 0.02, -0.02]).ratio; // => 2
 * volatilityShift(calmYear, lastQuarter).band;    // => [0.51, 1.75] for 252 and 63 days
 * volatilityShift(calmYear, lastQuarter).shifted; // => true when the ratio is outside it
 * ```
 */
export function volatilityShift(reference: ArrayLike<number>, recent: ArrayLike<number>, options: VolatilityShiftOptions = {}): VolatilityShift {
  const level = options.level ?? VOLATILITY_TEST_LEVEL;
  const inflation = options.inflation ?? VOLATILITY_INFLATION;
  if (!(level > 0 && level < 1)) throw new InputError("BAD_ARGUMENT", `volatilityShift: level ${String(level)} must be a probability in (0, 1), e.g. 0.01`, { level });
  if (!(inflation >= 1 && Number.isFinite(inflation))) throw new InputError("BAD_ARGUMENT", `volatilityShift: inflation ${String(inflation)} must be a finite number ≥ 1 (1 for independent normal returns), e.g. 10`, { inflation });
  const ref = annualised(reference, "reference");
  const now = annualised(recent, "recent");
  if (!(ref > 0)) throw new InputError("CONSTANT_SERIES", "volatilityShift: the reference returns do not vary (volatility 0); pick a reference period with price moves", {});
  const ratio = now / ref;
  const nuReference = (reference.length - 1) / inflation;
  const nuRecent = (recent.length - 1) / inflation;
  const mean = 0.5 * (1 / nuReference - 1 / nuRecent);
  const sd = Math.sqrt(0.5 * (1 / nuRecent + 1 / nuReference));
  const q = normalQuantile(1 - level / 2);
  const band: [number, number] = [Math.exp(mean - q * sd), Math.exp(mean + q * sd)];
  return {
    reference: ref,
    recent: now,
    ratio,
    z: (Math.log(ratio) - mean) / sd,
    band,
    level,
    inflation,
    degreesOfFreedom: { reference: nuReference, recent: nuRecent },
    shifted: ratio < band[0] || ratio > band[1],
  };
}
