/**
 * View uncertainty from percentage confidences, Idzorek's method, as PyPortfolioOpt's `BlackLittermanModel.idzorek_method`.
 */
import { InputError } from "../../core/index";
import type { LabelledMatrix } from "../../core/index";
import { checkCovariance } from "../../linalg/index";
import { checkTau } from "./check-black-litterman-scalars";
import { viewVariance } from "./default-omega";
import { checkViewMatrices, type ViewMatrices } from "./view-matrices";

/** The uncertainty PyPortfolioOpt gives a view held with 0 % confidence ("a very big number"). */
export const ZERO_CONFIDENCE_OMEGA = 1e6;

/**
 * `Ω = diag(ωₖ)` with `ωₖ = τ·αₖ·pₖ·Σ·pₖᵀ`, `αₖ = (1 − cₖ) / cₖ` (Walters 2014, formulas 41 and 44, the closed
 * form of Idzorek's method): 100 % confidence gives ω = 0 (the posterior satisfies the view exactly), 50 % gives the
 * default Ω, and 0 % gives {@link ZERO_CONFIDENCE_OMEGA} (the view is all but ignored).
 *
 * @param cov prior covariance Σ, `N × N` labelled by ticker.
 * @param views `{ P, Q }` (`K × N` and `K`).
 * @param confidences one confidence per view, each in [0, 1].
 * @param tau the weight on the prior τ in (0, 1]. Default 0.05.
 * @returns Ω, a `K × K` diagonal matrix (rows of numbers).
 * @throws InputError for a malformed covariance or views, a bad τ, a confidence count other than K, or a confidence
 *   outside [0, 1] (BAD_CONFIDENCE, naming the view).
 *
 * @example
 * ```ts
 * const cov = { labels: ["A", "B"], values: Float64Array.from([0.04, 0.01, 0.01, 0.09]) };
 * idzorekOmega(cov, { P: [[1, 0], [0, 1]], Q: [0.1, 0.2] }, [0.5, 1]); // => ≈ [[0.002, 0], [0, 0]]
 * ```
 */
export function idzorekOmega(cov: LabelledMatrix, views: ViewMatrices, confidences: ArrayLike<number>, tau = 0.05): number[][] {
  const caller = "idzorekOmega";
  const n = checkCovariance(cov, caller);
  checkTau(tau, caller);
  const { k, p, names } = checkViewMatrices(views.P, views.Q, n, caller, views.names);
  const diagonal = idzorekOmegaDiagonal(cov.values, p, k, n, confidences, tau, names, caller);
  return Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? diagonal[i]! : 0)));
}

/**
 * The diagonal of Idzorek's Ω from row-major arrays (see {@link idzorekOmega}), checking the confidences.
 *
 * @param sigma Σ, row-major `N × N`.
 * @param p P, row-major `K × N`.
 * @param k number of views.
 * @param n number of assets.
 * @param confidences K confidences in [0, 1].
 * @param tau τ.
 * @param names a name per view for messages.
 * @param caller the public function name used to prefix error messages.
 * @returns the K diagonal entries.
 * @throws InputError CONFIDENCE_COUNT or BAD_CONFIDENCE naming the view.
 *
 * @example
 * ```ts
 * idzorekOmegaDiagonal(Float64Array.from([0.04]), Float64Array.from([1]), 1, 1, [0.5], 0.05, ["A"], "example"); // => ≈ Float64Array [0.002]
 * ```
 */
export function idzorekOmegaDiagonal(
  sigma: Float64Array,
  p: Float64Array,
  k: number,
  n: number,
  confidences: ArrayLike<number>,
  tau: number,
  names: readonly string[],
  caller: string,
): Float64Array {
  if (confidences.length !== k) {
    throw new InputError(
      "CONFIDENCE_COUNT",
      `${caller}: ${confidences.length} view confidence${confidences.length === 1 ? "" : "s"} for ${k} view${k === 1 ? "" : "s"}; pass one confidence in [0, 1] per view, in the order of the views`,
      { confidences: confidences.length, views: k },
    );
  }
  const out = new Float64Array(k);
  for (let v = 0; v < k; v++) {
    const confidence = confidences[v]!;
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new InputError(
        "BAD_CONFIDENCE",
        `${caller}: the confidence in view ${v + 1} (${names[v]}) is ${confidence}; confidences are fractions in [0, 1] (0.6 for 60 %)`,
        { view: v + 1, name: names[v], confidence },
      );
    }
    if (confidence === 0) {
      out[v] = ZERO_CONFIDENCE_OMEGA;
      continue;
    }
    const alpha = (1 - confidence) / confidence;
    out[v] = viewVariance(sigma, p, v, n, tau * alpha);
  }
  return out;
}
