/**
 * What the shrinkage estimators return, and their shared last step (PyPortfolioOpt's `_format_and_annualize`).
 */
import { InputError } from "../../core/index";
import { fixNonpositiveSemidefinite, type PsdRepairedMatrix } from "./fix-nonpositive-semidefinite";

/** Options shared by the shrinkage estimators. */
export interface ShrinkageOptions {
  /** Periods per year used to annualise. Default 252 (`TRADING_DAYS_PER_YEAR`). */
  readonly frequency?: number;
  /** Use log returns `ln(p_t / p_{t-1})`. Default `false`. */
  readonly logReturns?: boolean;
}

/**
 * A covariance matrix shrunk towards a structured target `F`: `δ·F + (1 − δ)·S`, annualised and PSD-repaired.
 * It is a `PsdRepairedMatrix` (hence a `LabelledMatrix`), so it goes wherever a covariance goes.
 */
export interface ShrunkCovariance extends PsdRepairedMatrix {
  /** The shrinkage intensity δ in [0, 1]: 0 keeps the sample covariance, 1 returns the target (PyPortfolioOpt's `delta`). */
  readonly shrinkage: number;
}

/**
 * Annualises a per-period shrunk covariance and repairs it, as PyPortfolioOpt's `_format_and_annualize`:
 * `fix_nonpositive_semidefinite(raw × frequency)`, keeping the shrinkage intensity beside it.
 *
 * @param raw per-period shrunk covariance, row-major `n × n` (not modified).
 * @param labels tickers, length `n`.
 * @param frequency periods per year.
 * @param shrinkage the intensity δ used.
 * @returns the annualised, repaired matrix with its `shrinkage`.
 * @throws InputError when the matrix is malformed (see `fixNonpositiveSemidefinite`).
 *
 * @example
 * ```ts
 * annualiseShrunk(Float64Array.from([1e-4, 0, 0, 4e-4]), ["A", "B"], 252, 0.3).values; // => ≈ Float64Array [0.0252, 0, 0, 0.1008]
 * ```
 */
export function annualiseShrunk(raw: Float64Array, labels: readonly string[], frequency: number, shrinkage: number): ShrunkCovariance {
  const annual = raw.map((x) => x * frequency);
  return { ...fixNonpositiveSemidefinite({ labels: [...labels], values: annual }), shrinkage };
}

/**
 * `max(0, min(1, x))` with Python's semantics, as PyPortfolioOpt writes it: `min(1, NaN)` is 1 in Python (a
 * comparison with NaN is false, so the first argument stays), so a NaN intensity (0 / 0) becomes 1.
 *
 * @example
 * ```ts
 * clipShrinkage(0.3); // => 0.3
 * clipShrinkage(-2);  // => 0
 * clipShrinkage(NaN); // => 1
 * ```
 */
export function clipShrinkage(x: number): number {
  if (Number.isNaN(x) || x >= 1) return 1;
  return x > 0 ? x : 0;
}

/**
 * Checks that a target that needs correlations has at least two assets.
 *
 * @param n number of assets.
 * @param caller the public function name used to prefix error messages.
 * @throws InputError TOO_FEW_ASSETS when `n < 2`.
 *
 * @example
 * ```ts
 * checkTwoAssets(1, "ledoitWolfSingleFactor"); // => throws InputError TOO_FEW_ASSETS
 * ```
 */
export function checkTwoAssets(n: number, caller: string): void {
  if (n < 2) {
    throw new InputError(
      "TOO_FEW_ASSETS",
      `${caller}: ${n} asset; this shrinkage target needs at least 2 (with one asset, use sampleCovariance or ledoitWolfConstantVariance)`,
      { n },
    );
  }
}
