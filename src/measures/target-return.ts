/**
 * The minimum acceptable return τ that separates downside from upside (skfolio's `min_acceptable_return`).
 */
import { InputError } from "../core/index";

/** Options of the measures taken about a minimum acceptable return. */
export interface TargetOptions {
  /** τ, per period (e.g. 0 for "no loss"). Default: the returns' mean, as skfolio. */
  readonly minimumAcceptableReturn?: number;
}

/**
 * The arithmetic mean of finite returns (callers check them).
 *
 * @example
 * ```ts
 * meanOf([0.1, -0.5, -0.3, 0.8]); // => 0.025
 * ```
 */
export function meanOf(returns: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < returns.length; i++) sum += returns[i]!;
  return sum / returns.length;
}

/**
 * τ from the options, or the returns' mean.
 *
 * @example
 * ```ts
 * targetOf([0.1, 0.3], {}, "f"); // => 0.2
 * targetOf([0.1, 0.3], { minimumAcceptableReturn: 0 }, "f"); // => 0
 * ```
 * @throws InputError `BAD_TARGET` for a non-finite τ.
 */
export function targetOf(returns: ArrayLike<number>, options: TargetOptions, caller: string): number {
  const tau = options.minimumAcceptableReturn;
  if (tau === undefined) return meanOf(returns);
  if (typeof tau !== "number" || !Number.isFinite(tau)) {
    throw new InputError("BAD_TARGET", `${caller}: minimumAcceptableReturn ${String(tau)} must be a finite return per period, e.g. 0`, { minimumAcceptableReturn: tau });
  }
  return tau;
}

/**
 * Checks a `ddof` (delta degrees of freedom): 0 (population, skfolio's `biased=True`) or 1 (sample, the default).
 *
 * @example
 * ```ts
 * checkDdof(undefined, 5, "variance"); // => 1
 * ```
 * @throws InputError `BAD_DDOF` for another value, or when n − ddof ≤ 0.
 */
export function checkDdof(ddof: number | undefined, n: number, caller: string): 0 | 1 {
  const d = ddof ?? 1;
  if (d !== 0 && d !== 1) throw new InputError("BAD_DDOF", `${caller}: ddof ${String(d)} must be 0 (population) or 1 (sample)`, { ddof: d });
  if (n - d <= 0) throw new InputError("TOO_FEW_OBSERVATIONS", `${caller}: ${n} observation${n === 1 ? "" : "s"} with ddof ${d}; pass at least ${d + 1}`, { n, ddof: d });
  return d;
}
