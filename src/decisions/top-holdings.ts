/**
 * A portfolio's largest holdings in a few words.
 */
import { vector, type LabelledVector } from "../core/index";
import { HOLDING_TOLERANCE, type ComparisonColumn, type Portfolio } from "../optimise/index";

/**
 * The `n` largest holdings (weights above 1e-4), largest first, as "LTBX 25 %, MKTIDX 20 %, …" (whole percent).
 *
 * @param weights a `Portfolio` or weights by ticker (fractions).
 * @example
 * ```ts
 * topHoldings({ labels: ["A", "B", "C"], values: Float64Array.of(0.2, 0.5, 0.3) }, 2); // => "B 50 %, C 30 %"
 * ```
 */
export function topHoldings(weights: Portfolio | LabelledVector, n = 5): string {
  const w = vector("weights" in weights ? weights.weights : weights);
  return w.nonZero(HOLDING_TOLERANCE).top(n).entries().map(([t, x]) => `${t} ${(x * 100).toFixed(0)} %`).join(", ");
}

/**
 * A `comparePortfolios` column of each portfolio's {@link topHoldings}.
 *
 * @example
 * ```ts
 * comparePortfolios([current, ...profiles], { columns: { "top holdings": topHoldingsColumn(5) } });
 * ```
 */
export function topHoldingsColumn(n = 5): ComparisonColumn {
  return { unit: "text", of: (p) => topHoldings(p, n) };
}
