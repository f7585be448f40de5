/**
 * Stress results as table rows, for a report or `showTable`.
 */
import type { StressResult } from "./run-stress-test";

/** One row of {@link stressTable}. */
export interface StressTableRow {
  readonly [column: string]: string | number;
  readonly scenario: string;
  readonly kind: string;
  /** The window replayed, or the horizon of a distribution, or "instant". */
  readonly period: string;
  /** Loss in money, positive = loss. */
  readonly loss: number;
  /** Loss as a fraction of capital. */
  readonly lossFraction: number;
  /** The holding that loses most, with its loss in money. */
  readonly largestLoss: string;
}

/**
 * One row per stress result: scenario, kind, period, loss (money), loss fraction, and the holding that loses most.
 *
 * @param results results of `runStressTest`; not changed.
 * @example
 * ```ts
 * stressTable([runStressTest(rateShock({ basisPoints: 200 }), portfolio, context)]);
 * // => [{ scenario: "rates +200 bp", kind: "hypothetical", period: "instant", loss: 92500, lossFraction: 0.0925, largestLoss: "LTBX 80,000" }]
 * ```
 */
export function stressTable(results: readonly StressResult[]): StressTableRow[] {
  return results.map((r) => {
    let worst = 0;
    r.lossByAsset.values.forEach((v, i) => {
      if (v > r.lossByAsset.values[worst]!) worst = i;
    });
    const worstLoss = r.lossByAsset.values[worst]!;
    const period = r.window
      ? `${r.window.start} to ${r.window.end} (${r.window.days} d)`
      : r.tail
        ? `${r.tail.horizonDays} d, ${r.tail.confidence * 100} % CVaR`
        : "instant";
    return {
      scenario: r.scenario,
      kind: r.kind,
      period,
      loss: r.totalLoss,
      lossFraction: r.lossFraction,
      largestLoss: worstLoss > 0 ? `${r.lossByAsset.labels[worst]} ${Math.round(worstLoss).toLocaleString("en-US")}` : "none",
    };
  });
}
