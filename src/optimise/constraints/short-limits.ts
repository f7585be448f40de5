/**
 * Limits on short positions, as a constraint object.
 */
import { InfeasibleError, InputError } from "../../core/index";
import type { ConstraintSystem } from "./constraint-system";
import { formatNumber } from "../../core/index";
import type { PortfolioConstraint } from "./portfolio-constraint";

/** Options of {@link shortLimits}. */
export interface ShortLimitsOptions {
  /** Largest short position in any one asset (a fraction ≥ 0): `wᵢ ≥ −perAsset`. Default: no per-asset limit. */
  readonly perAsset?: number;
  /** Largest total short position `Σ max(−wᵢ, 0)` (a fraction ≥ 0), e.g. 0.3 for a 130/30 portfolio. Default: none. */
  readonly total?: number;
}

/**
 * Limits on shorting: a per-asset floor `wᵢ ≥ −perAsset` and a cap on the total short position
 * `Σ max(−wᵢ, 0) ≤ total` (one auxiliary variable `sᵢ ≥ max(−wᵢ, 0)` per asset). `shortLimits({ perAsset: 0 })`
 * is long only. Shorting needs bounds that allow it (e.g. `bounds: [-1, 1]`): this constraint only restricts.
 *
 * @param options `{ perAsset, total }`, fractions ≥ 0.
 * @returns a {@link PortfolioConstraint} named `"short limits"`.
 * @throws InputError (when applied) when a limit is negative or not a number.
 * @throws InfeasibleError (in the diagnosis) when the asset lower bounds alone short more than `total`.
 *
 * @example
 * ```ts
 * maxSharpe(mu, S, { bounds: [-1, 1], constraints: [shortLimits({ total: 0.3 })] });
 * // => a 130/30 portfolio: shorts sum to at most 0.3
 * ```
 */
export function shortLimits(options: ShortLimitsOptions): PortfolioConstraint {
  const name = "short limits";
  for (const key of ["perAsset", "total"] as const) {
    const value = options[key];
    if (value !== undefined && !(typeof value === "number" && value >= 0)) {
      throw new InputError("BAD_SHORT_LIMIT", `${name}: ${key} is ${value}; pass a fraction ≥ 0 (0 forbids shorting)`, { key, value });
    }
  }
  return {
    name,
    apply(system: ConstraintSystem) {
      if (options.perAsset !== undefined) {
        for (let i = 0; i < system.nAssets; i++) system.tightenBounds(i, 0 - options.perAsset, Infinity, name);
      }
      if (options.total !== undefined) {
        const indices: number[] = [];
        for (let i = 0; i < system.nAssets; i++) {
          const s = system.addVariable(`short[${system.labels[i]}]`, 0, Infinity, name);
          // sᵢ + wᵢ ≥ 0
          system.addRow({ indices: [s, i], values: [1, 1], lower: 0, upper: Infinity, source: name, description: `short[${system.labels[i]}] ≥ −w` });
          indices.push(s);
        }
        system.addRow({
          indices,
          values: indices.map(() => 1),
          lower: -Infinity,
          upper: options.total,
          source: name,
          description: `total short ≤ ${options.total}`,
          limit: {
            name: "total short",
            value: options.total,
            explain: (smallest: number, others: string) =>
              `short limits: a total short of ${options.total} cannot meet ${others}; the smallest feasible total short is ${formatNumber(smallest)}`,
          },
        });
      }
    },
    check(system: ConstraintSystem) {
      if (options.total === undefined) return;
      let forced = 0;
      for (let i = 0; i < system.nAssets; i++) forced += Math.max(0, -system.upper[i]!); // an upper bound below 0 forces a short
      if (forced > options.total + 1e-12) {
        throw new InfeasibleError(
          "SHORT_LIMIT_INFEASIBLE",
          `short limits: the asset bounds force shorts of at least ${formatNumber(forced)} > total ${options.total}; raise the total or the upper bounds`,
          { forced, total: options.total },
        );
      }
    },
  };
}
