/**
 * Stress results as a table that displays itself: one row per scenario, losses in money and in percent.
 */
import { InputError, tableOfRows } from "../core/index";
import type { Table } from "../core/index";
import type { StressResult } from "./run-stress-test";
import { stressTable } from "./stress-table";

/**
 * One row per result, in order (the rows of {@link stressTable}): scenario, kind, period, loss in money (positive =
 * loss), loss as a fraction of capital, and the holding that loses most. Sort it with `.sortBy("loss")`.
 *
 * @param results results of `runStressTests`; not changed.
 * @example
 * ```ts
 * lossTable(runStressTests([rateShock({ basisPoints: 200 })], portfolio, context));
 * // scenario       kind          period   loss       loss fraction  largest loss
 * // rates +200 bp  hypothetical  instant  92,500.00  9.25 %         LTBX 80,000
 * ```
 * @throws InputError EMPTY_TABLE when there is no result.
 */
export function lossTable(results: readonly StressResult[]): Table {
  if (results.length === 0) throw new InputError("EMPTY_TABLE", "lossTable: no stress results; run at least one scenario with runStressTests");
  return tableOfRows(stressTable(results), { units: { loss: "money", lossFraction: "fraction" } });
}
