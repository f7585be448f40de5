/**
 * A maximum number of holdings (cardinality), as a constraint object.
 */
import { InfeasibleError, InputError } from "../../core/index";
import type { ConstraintSystem } from "./constraint-system";
import { formatNumber } from "../../core/index";
import type { PortfolioConstraint } from "./portfolio-constraint";

/**
 * At most `k` non-zero weights. An exact solution is a mixed-integer QP, which no available solver handles
 * (quadprog is continuous; HiGHS' MIP is linear only), so the optimisers use a **heuristic**: solve without
 * the limit; if more than `k` weights are non-zero, keep the `k` largest in absolute value (plus any asset
 * whose bounds exclude 0), fix the others at 0 and solve again. The result meets the limit and is optimal
 * among the kept assets, but need not be the best `k`-asset portfolio.
 *
 * @param k the largest number of holdings, an integer ≥ 1.
 * @returns a {@link PortfolioConstraint} named `"max holdings"`.
 * @throws InputError (when created) when `k` is not a positive integer.
 * @throws InfeasibleError (in the diagnosis) when more than `k` assets have bounds that exclude 0, or the `k`
 *   largest upper bounds cannot reach the budget (the message gives the smallest workable `k`).
 *
 * @example
 * ```ts
 * maxSharpe(mu, S, { constraints: [maxHoldings(10)] }); // => at most 10 non-zero weights
 * ```
 */
export function maxHoldings(k: number): PortfolioConstraint {
  const name = "max holdings";
  if (!Number.isInteger(k) || k < 1) {
    throw new InputError("BAD_MAX_HOLDINGS", `${name}: k is ${k}; pass a whole number of assets ≥ 1`, { k });
  }
  return {
    name,
    apply(system: ConstraintSystem) {
      system.limitHoldings(k, name);
    },
    check(system: ConstraintSystem) {
      const mustHold: string[] = [];
      for (let i = 0; i < system.nAssets; i++) {
        if (system.lower[i]! > 0 || system.upper[i]! < 0) mustHold.push(system.labels[i]!);
      }
      if (mustHold.length > k) {
        throw new InfeasibleError(
          "TOO_MANY_REQUIRED_HOLDINGS",
          `max holdings ${k}: ${mustHold.length} assets have bounds that exclude 0 (${mustHold.slice(0, 5).join(", ")}${mustHold.length > 5 ? ", …" : ""}) and must be held; allow at least ${mustHold.length} holdings`,
          { k, required: mustHold.length },
        );
      }
      if (system.budget > 0) {
        const uppers = Array.from({ length: system.nAssets }, (_, i) => system.upper[i]!).sort((a, b) => b - a);
        let sum = 0;
        let needed = 0;
        while (needed < uppers.length && sum < system.budget - 1e-12) sum += Math.max(0, uppers[needed++]!);
        if (needed > k) {
          const topK = uppers.slice(0, k).reduce((s, x) => s + Math.max(0, x), 0);
          throw new InfeasibleError(
            "HOLDINGS_BELOW_BUDGET",
            `max holdings ${k}: the ${k} largest upper bounds sum to ${formatNumber(topK)} < ${system.budget}; allow at least ${needed} holdings or raise the bounds`,
            { k, needed },
          );
        }
      }
    },
  };
}
