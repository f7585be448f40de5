/**
 * The tails of distributional stress scenarios (stressed covariances, simulations) as a table that displays itself.
 */
import { InputError, tableOfRows } from "../core/index";
import type { Table, TableValue } from "../core/index";
import type { StressResult } from "./run-stress-test";

/**
 * One row per result that has a tail: its VaR and CVaR in money (positive = loss), the VaR and CVaR before the
 * stress when the scenario reports them (covariance stresses), and the worst simulated loss when it simulated
 * (Monte Carlo). A column appears only when some result has it.
 *
 * @param results results of `runStressTests` with a tail (`volatilityShock`, `bootstrapSimulation`, …); not changed.
 * @example
 * ```ts
 * tailTable(runStressTests([volatilityShock({ horizonDays: 10 })], portfolio, context)); // notebook 06's portfolio:
 * // scenario       VaR        CVaR       baseline VaR  baseline CVaR
 * // volatility ×2  39,166.26  49,116.07  19,583.13     24,558.03
 * ```
 * @throws InputError NO_TAIL naming a result without a tail (a historical or instant scenario: use `lossTable`);
 *   EMPTY_TABLE when there is no result.
 */
export function tailTable(results: readonly StressResult[]): Table {
  if (results.length === 0) throw new InputError("EMPTY_TABLE", "tailTable: no stress results; run at least one distributional scenario");
  const rows = results.map((r) => {
    const tail = r.tail;
    if (tail === undefined) {
      throw new InputError("NO_TAIL", `tailTable: ${r.scenario} has no tail (it is not distributional); show it with lossTable`, { scenario: r.scenario });
    }
    const row: Record<string, TableValue> = { scenario: r.scenario, VaR: tail.valueAtRisk, CVaR: tail.conditionalValueAtRisk };
    if (tail.baseline !== undefined) {
      row["baseline VaR"] = tail.baseline.valueAtRisk;
      row["baseline CVaR"] = tail.baseline.conditionalValueAtRisk;
    }
    if (tail.pnl !== undefined) row["worst simulated"] = -Math.min(...tail.pnl);
    return row;
  });
  const columns = ["scenario", "VaR", "CVaR", "baseline VaR", "baseline CVaR", "worst simulated"].filter((c) => rows.some((r) => c in r));
  const filled = rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? Number.NaN])));
  const [first] = results as [StressResult];
  const tail = first.tail;
  const caption = tail === undefined ? undefined : `${tail.horizonDays}-day loss at ${tail.confidence * 100} % confidence, in money`;
  return tableOfRows(filled, { units: Object.fromEntries(columns.slice(1).map((c) => [c, "money" as const])), caption });
}
