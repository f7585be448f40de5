/**
 * What each stress result approximated, as a table that displays itself.
 */
import { InputError, tableOfRows } from "../core/index";
import type { Table } from "../core/index";
import type { StressResult } from "./run-stress-test";

/**
 * One row per note of each result, in order: the scenario and the note (holdings replayed with a stand-in, holdings
 * a shock leaves unchanged, the Gaussian assumption…).
 *
 * @param results results of `runStressTests`; not changed.
 * @param maxRows at most this many rows are shown (default 50).
 * @example
 * ```ts
 * stressNotes(runStressTests([rateShock({ basisPoints: 200 })], portfolio, context)).toRows()[0];
 * // => { scenario: "rates +200 bp", note: "first-order duration approximation ΔP/P ≈ −D·Δy (no convexity)" }
 * ```
 * @throws InputError EMPTY_TABLE when no result has a note.
 */
export function stressNotes(results: readonly StressResult[], maxRows = 50): Table {
  const rows = results.flatMap((r) => r.notes.map((note) => ({ scenario: r.scenario, note })));
  if (rows.length === 0) throw new InputError("EMPTY_TABLE", `stressNotes: none of the ${results.length} results has a note`);
  return tableOfRows(rows, { maxRows });
}
