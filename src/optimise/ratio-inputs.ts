/**
 * The inputs of the return-to-risk ratio optimisers: expected returns per period and a check that some portfolio
 * within the bounds beats the risk-free rate (or the ratio has no positive maximum).
 */
import { InfeasibleError, InputError } from "../core/index";
import type { CvarSetup } from "./cvar-problem";

/**
 * Expected returns per period: the scenarios' mean (Riskfolio-Lib's `mu = returns.mean()`) unless given, checked;
 * and the risk-free rate per period, checked to be beaten by the best portfolio within the bounds.
 *
 * @example
 * ```ts
 * const { mu, rf } = ratioInputs(setup, options.mu, options.riskFreeRate, "maxCvarRatio");
 * ```
 * @throws InputError SHAPE_MISMATCH, NON_FINITE_VALUE, BAD_RISK_FREE_RATE; InfeasibleError NO_EXCESS_RETURN.
 */
export function ratioInputs(setup: CvarSetup, given: ArrayLike<number> | undefined, riskFreeRate: number | undefined, caller: string): { mu: Float64Array; rf: number } {
  const { n, T, scenarios, system } = setup;
  const mu = new Float64Array(n);
  if (given === undefined) {
    for (let t = 0; t < T; t++) for (let j = 0; j < n; j++) mu[j] = (mu[j] as number) + (scenarios[t * n + j] as number) / T;
  } else {
    if (given.length !== n) throw new InputError("SHAPE_MISMATCH", `${caller}: mu has ${given.length} values for ${n} assets; pass one per column of returns`, {});
    for (let j = 0; j < n; j++) {
      const m = given[j] as number;
      if (!Number.isFinite(m)) throw new InputError("NON_FINITE_VALUE", `${caller}: mu of ${setup.labels[j]} is ${m}; pass finite expected returns per period`, { label: setup.labels[j] });
      mu[j] = m;
    }
  }
  const rf = riskFreeRate ?? 0;
  if (!Number.isFinite(rf)) throw new InputError("BAD_RISK_FREE_RATE", `${caller}: riskFreeRate ${rf} must be a finite return per period`, { riskFreeRate: rf });
  const order = Array.from({ length: n }, (_, j) => j).sort((a, b) => (mu[b] as number) - (mu[a] as number));
  let best = 0;
  let left = 1;
  for (const j of order) {
    best += (system.lower[j] as number) * (mu[j] as number);
    left -= system.lower[j] as number;
  }
  for (const j of order) {
    const add = Math.min(left, (system.upper[j] as number) - (system.lower[j] as number));
    best += add * (mu[j] as number);
    left -= add;
  }
  if (!(best > rf)) {
    throw new InfeasibleError(
      "NO_EXCESS_RETURN",
      `${caller}: the highest expected return within the bounds, ${best.toPrecision(4)} per period, does not exceed the risk-free rate ${rf}; the ratio has no positive maximum`,
      { best, riskFreeRate: rf },
    );
  }
  return { mu, rf };
}
