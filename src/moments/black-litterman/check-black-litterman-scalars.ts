/**
 * Checks of Black-Litterman's scalar parameters τ and δ, as PyPortfolioOpt's `_set_tau` and `_set_risk_aversion`.
 */
import { InputError } from "../../core/index";

/**
 * Checks the weight on the prior τ: finite, `0 < τ ≤ 1` (PyPortfolioOpt: "tau should be between 0 and 1").
 *
 * @param tau τ.
 * @param caller the public function name used to prefix error messages.
 * @returns τ, unchanged.
 * @throws InputError BAD_TAU.
 *
 * @example
 * ```ts
 * checkTau(0.05, "blackLitterman"); // => 0.05
 * checkTau(0, "blackLitterman");    // => throws InputError BAD_TAU
 * ```
 */
export function checkTau(tau: number, caller: string): number {
  if (!(tau > 0 && tau <= 1)) {
    throw new InputError("BAD_TAU", `${caller}: tau ${tau} is not in (0, 1]; the usual values are 0.01 to 0.05 (default 0.05)`, { tau });
  }
  return tau;
}

/**
 * Checks a risk-aversion coefficient δ: finite and positive (PyPortfolioOpt: "risk_aversion should be a positive float").
 *
 * @param riskAversion δ (excess return per unit of variance, e.g. 2.5).
 * @param caller the public function name used to prefix error messages.
 * @returns δ, unchanged.
 * @throws InputError BAD_RISK_AVERSION, saying that a negative market-implied δ comes from a falling market.
 *
 * @example
 * ```ts
 * checkRiskAversion(2.5, "blackLitterman"); // => 2.5
 * checkRiskAversion(-0.7, "blackLitterman"); // => throws InputError BAD_RISK_AVERSION
 * ```
 */
export function checkRiskAversion(riskAversion: number, caller: string): number {
  if (!(riskAversion > 0) || !Number.isFinite(riskAversion)) {
    throw new InputError(
      "BAD_RISK_AVERSION",
      `${caller}: riskAversion ${riskAversion} is not a positive number; pass e.g. 2.5 (a market that fell over the window implies a negative risk aversion: use a longer window or a conventional value)`,
      { riskAversion },
    );
  }
  return riskAversion;
}
