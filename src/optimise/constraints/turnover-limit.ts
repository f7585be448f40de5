/**
 * A limit on turnover from the current portfolio, as a constraint object.
 */
import { InputError } from "../../core/index";
import type { LabelledVector } from "../../core/index";
import type { ConstraintSystem } from "./constraint-system";
import { formatNumber } from "../../core/index";
import type { PortfolioConstraint } from "./portfolio-constraint";

/** Options of {@link turnoverLimit}. */
export interface TurnoverLimitOptions {
  /**
   * The portfolio held now (fractions), by ticker. Assets missing from it are held at 0; holdings of tickers
   * that are not among the assets must be sold, and count towards the turnover.
   */
  readonly currentWeights: LabelledVector | Readonly<Record<string, number>>;
  /** Largest turnover `Σ |wᵢ − w⁰ᵢ|` (two-way: a full switch between two portfolios is 2). */
  readonly maxTurnover: number;
}

/**
 * Turnover limit `Σᵢ |wᵢ − w⁰ᵢ| ≤ maxTurnover` from the current weights `w⁰` (PyPortfolioOpt's
 * `transaction_cost` measure, here as a hard constraint), through one auxiliary variable per asset held
 * strictly inside its bounds: `tᵢ ≥ wᵢ − w⁰ᵢ`, `tᵢ ≥ w⁰ᵢ − wᵢ`. An asset whose bounds keep it on one side of its
 * current weight (e.g. not held and long only) contributes the linear `±(wᵢ − w⁰ᵢ)` instead, so a rebalance of
 * a 30-stock portfolio in a 500-stock universe adds 30 variables, not 500. Holdings of tickers outside the
 * assets are sold: `|w⁰|` each.
 *
 * When the other constraints cannot be reached within the limit, the diagnosis reports the smallest feasible
 * turnover: in closed form when they are bounds and disjoint sector limits (clip each current weight into its
 * bounds, each sector total into its interval, then the sum into the budget), otherwise by the LP
 * `min Σ|w − w⁰|` over them.
 *
 * @param options `{ currentWeights, maxTurnover }`.
 * @returns a {@link PortfolioConstraint} named `"turnover limit"`.
 * @throws InputError (when created) when `maxTurnover` is negative or not finite or a current weight is not
 *   finite; (when applied) when `currentWeights` has a label/value length mismatch.
 *
 * @example
 * ```ts
 * minVolatility(S, { constraints: [turnoverLimit({ currentWeights: { ACME: 0.5, DYNA: 0.5 }, maxTurnover: 0.2 })] });
 * // => the minimum-volatility portfolio among those within 0.2 turnover of 50/50 ACME/DYNA
 * ```
 */
export function turnoverLimit(options: TurnoverLimitOptions): PortfolioConstraint {
  const name = "turnover limit";
  const { maxTurnover } = options;
  if (typeof maxTurnover !== "number" || !Number.isFinite(maxTurnover) || maxTurnover < 0) {
    throw new InputError("BAD_TURNOVER_LIMIT", `${name}: maxTurnover is ${maxTurnover}; pass a finite fraction ≥ 0 (e.g. 0.2 for 20 % two-way turnover)`, {
      maxTurnover,
    });
  }
  const current = toRecord(options.currentWeights, name);
  return {
    name,
    apply(system: ConstraintSystem) {
      // offset: the part of the turnover that is constant — holdings outside the universe are sold in full, and
      // an asset whose bounds keep it on one side of its current weight contributes ±(wᵢ − w⁰ᵢ), linear.
      let outside = 0;
      for (const [label, w0] of Object.entries(current)) if (system.indexOf(label) < 0) outside += Math.abs(w0);
      let offset = outside;
      const indices: number[] = [];
      const values: number[] = [];
      for (let i = 0; i < system.nAssets; i++) {
        const label = system.labels[i]!;
        const w0 = current[label] ?? 0;
        if (w0 <= system.lower[i]!) {
          indices.push(i); // |wᵢ − w⁰ᵢ| = wᵢ − w⁰ᵢ
          values.push(1);
          offset -= w0;
        } else if (w0 >= system.upper[i]!) {
          indices.push(i); // |wᵢ − w⁰ᵢ| = w⁰ᵢ − wᵢ
          values.push(-1);
          offset += w0;
        } else {
          const t = system.addVariable(`turnover[${label}]`, 0, Infinity, name);
          system.addRow({ indices: [t, i], values: [1, -1], lower: -w0, upper: Infinity, source: name, description: `turnover[${label}] ≥ w − w0` });
          system.addRow({ indices: [t, i], values: [1, 1], lower: w0, upper: Infinity, source: name, description: `turnover[${label}] ≥ w0 − w` });
          indices.push(t);
          values.push(1);
        }
      }
      const sold = offset;
      system.addRow({
        indices,
        values,
        lower: -Infinity,
        upper: maxTurnover - sold,
        source: name,
        description: `turnover ≤ ${maxTurnover}`,
        limit: {
          name: "turnover",
          value: maxTurnover,
          offset: sold,
          explain: (smallest: number, others: string) =>
            `turnover limit ${maxTurnover} cannot reach ${others} from the current weights; the smallest feasible turnover is ${formatNumber(smallest)}`,
          // Over disjoint groups, min Σ|w − w⁰| is: clip each w⁰ᵢ into its bounds, clip each group's total
          // into its interval, then move the sum of totals to the budget — each step costs its own distance.
          smallestOverGroups: (groups, sys) => {
            let total = outside;
            let sumOfTotals = 0;
            for (const group of groups) {
              let groupTotal = 0;
              for (const i of group.indices) {
                const w0 = current[sys.labels[i]!] ?? 0;
                const clipped = Math.min(sys.upper[i]!, Math.max(sys.lower[i]!, w0));
                total += Math.abs(w0 - clipped);
                groupTotal += clipped;
              }
              const inside = Math.min(group.upper, Math.max(group.lower, groupTotal));
              total += Math.abs(groupTotal - inside);
              sumOfTotals += inside;
            }
            return total + Math.abs(sumOfTotals - sys.budget);
          },
        },
      });
    },
  };
}

function toRecord(weights: LabelledVector | Readonly<Record<string, number>>, name: string): Record<string, number> {
  const out: Record<string, number> = {};
  if ("labels" in weights && "values" in weights && ArrayBuffer.isView((weights as LabelledVector).values)) {
    const vector = weights as LabelledVector;
    if (vector.labels.length !== vector.values.length) {
      throw new InputError("SHAPE_MISMATCH", `${name}: currentWeights has ${vector.labels.length} labels but ${vector.values.length} values`, {});
    }
    vector.labels.forEach((label, i) => (out[label] = vector.values[i]!));
  } else {
    Object.assign(out, weights);
  }
  for (const [label, value] of Object.entries(out)) {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new InputError("NON_FINITE_WEIGHT", `${name}: current weight of ${label} is ${value}; pass finite fractions`, { label, value });
    }
  }
  return out;
}
