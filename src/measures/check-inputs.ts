/**
 * Input checks shared by the risk measures; each throws an `InputError` naming the bad input and what to do.
 */
import { InputError } from "../core/index";

/**
 * Checks a series of per-period returns: every value finite, at least `minLength` values.
 *
 * @param returns per-period simple returns (fractions), e.g. daily.
 * @param caller the public function name used to prefix messages.
 * @param what what the series holds, e.g. `"returns"` or `"benchmark"`.
 * @param minLength the fewest observations the measure needs.
 * @returns the number of observations.
 * @throws InputError EMPTY_INPUT / TOO_FEW_OBSERVATIONS / NON_FINITE_RETURN (naming the position).
 *
 * @example
 * ```ts
 * checkReturns(Float64Array.of(0.01, -0.02), "volatility", "returns", 2); // => 2
 * checkReturns([0.01, NaN], "volatility", "returns", 2); // => throws InputError NON_FINITE_RETURN
 * ```
 */
export function checkReturns(returns: ArrayLike<number>, caller: string, what: string, minLength: number): number {
  const n = returns.length;
  if (n === 0) {
    throw new InputError("EMPTY_INPUT", `${caller}: ${what} are empty; pass at least ${minLength} observation${minLength === 1 ? "" : "s"}`, { what });
  }
  if (n < minLength) {
    throw new InputError("TOO_FEW_OBSERVATIONS", `${caller}: ${what} have ${n} observation${n === 1 ? "" : "s"}; pass at least ${minLength}`, { what, n, minLength });
  }
  for (let i = 0; i < n; i++) {
    const r = returns[i]!;
    if (!Number.isFinite(r)) {
      throw new InputError(
        "NON_FINITE_RETURN",
        `${caller}: ${what}[${i}] is ${r}; risk measures take finite returns — drop missing days first (portfolioReturns does, on request) or fill them explicitly`,
        { what, index: i, value: r },
      );
    }
  }
  return n;
}

/**
 * Checks a confidence level: a number strictly between 0 and 1 (e.g. 0.95 for a 95 % VaR).
 *
 * @throws InputError BAD_CONFIDENCE.
 * @example
 * ```ts
 * checkConfidence(0.95, "historicalTailRisk"); // => 0.95
 * checkConfidence(95, "historicalTailRisk");   // => throws InputError BAD_CONFIDENCE
 * ```
 */
export function checkConfidence(confidence: number, caller: string): number {
  if (typeof confidence !== "number" || !(confidence > 0 && confidence < 1)) {
    throw new InputError(
      "BAD_CONFIDENCE",
      `${caller}: confidence ${String(confidence)} must be a fraction strictly between 0 and 1, e.g. 0.95 or 0.99 (not a percentage)`,
      { confidence },
    );
  }
  return confidence;
}

/**
 * Checks a horizon in periods (trading days for daily returns): a positive integer.
 *
 * @throws InputError BAD_HORIZON.
 * @example
 * ```ts
 * checkHorizon(10, "gaussianTailRisk"); // => 10
 * checkHorizon(0.5, "gaussianTailRisk"); // => throws InputError BAD_HORIZON
 * ```
 */
export function checkHorizon(horizon: number, caller: string): number {
  if (!Number.isSafeInteger(horizon) || horizon < 1) {
    throw new InputError("BAD_HORIZON", `${caller}: horizon ${String(horizon)} must be a whole number of periods ≥ 1 (e.g. 1 or 10 trading days)`, { horizon });
  }
  return horizon;
}

/**
 * Checks an annualisation frequency (periods per year): finite and positive.
 *
 * @throws InputError BAD_FREQUENCY.
 * @example
 * ```ts
 * checkPeriodsPerYear(252, "volatility"); // => 252
 * ```
 */
export function checkPeriodsPerYear(frequency: number, caller: string): number {
  if (typeof frequency !== "number" || !Number.isFinite(frequency) || frequency <= 0) {
    throw new InputError(
      "BAD_FREQUENCY",
      `${caller}: frequency ${String(frequency)} is not a positive number of periods per year; pass 252 for daily returns, 52 weekly, 12 monthly, or 1 for the per-period figure`,
      { frequency },
    );
  }
  return frequency;
}

/**
 * Checks that two series have the same length (they are aligned by position).
 *
 * @throws InputError LENGTH_MISMATCH.
 * @example
 * ```ts
 * checkSameLength([0.1, 0.2], [0.0, 0.1], "beta", "returns", "benchmark"); // => 2
 * ```
 */
export function checkSameLength(a: ArrayLike<number>, b: ArrayLike<number>, caller: string, nameA: string, nameB: string): number {
  if (a.length !== b.length) {
    throw new InputError(
      "LENGTH_MISMATCH",
      `${caller}: ${nameA} have ${a.length} observations but ${nameB} have ${b.length}; align both on the same dates first`,
      { [nameA]: a.length, [nameB]: b.length },
    );
  }
  return a.length;
}
