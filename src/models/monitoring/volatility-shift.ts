/**
 * The volatility shift: recent realised volatility over a reference period's, the ratio a monitor retrains on.
 */
import { InputError } from "../../core/index";
import { volatility } from "../../measures/index";

/**
 * Realised volatility of a reference and a recent period and their ratio, annualised (252 days, ddof 1).
 *
 * @example
 * ```ts
 * const s: VolatilityShift = { reference: 0.15, recent: 0.36, ratio: 2.4 };
 * ```
 */
export interface VolatilityShift {
  /** Annualised volatility of the reference returns (e.g. the days the model was trained on). */
  readonly reference: number;
  /** Annualised volatility of the recent returns. */
  readonly recent: number;
  /** `recent / reference`: above 1 the market got rougher, below 1 calmer. */
  readonly ratio: number;
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
 * How much rougher (ratio > 1) or calmer (ratio < 1) the market is now than in a reference period: the measures
 * layer's annualised {@link volatility} (252 days, ddof 1) of each sample of daily simple returns, and their ratio.
 *
 * @param reference daily returns of the reference period (e.g. the days before the model was trained); not changed.
 * @param recent daily returns of the recent period; not changed.
 * @throws InputError TOO_FEW_ROWS (fewer than 2 returns on a side), NAN_IN_INPUT, CONSTANT_SERIES (the reference
 *   returns do not vary, so no ratio exists).
 * @example
 * ```ts
 * volatilityShift([0.01, -0.01, 0.01, -0.01], [0.02, -0.02, 0.02, -0.02]).ratio; // => 2
 * ```
 */
export function volatilityShift(reference: ArrayLike<number>, recent: ArrayLike<number>): VolatilityShift {
  const ref = annualised(reference, "reference");
  const now = annualised(recent, "recent");
  if (!(ref > 0)) throw new InputError("CONSTANT_SERIES", "volatilityShift: the reference returns do not vary (volatility 0); pick a reference period with price moves", {});
  return { reference: ref, recent: now, ratio: now / ref };
}
