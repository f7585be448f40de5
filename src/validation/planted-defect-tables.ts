/**
 * Whether the checks found the planted defects, as tables.
 */
import { table, tableOfRows, type Table } from "../core/index";
import type { PlantedDefectMatch } from "./planted-defects";

/**
 * One row per kind of planted defect: how many were planted and how many a finding points at (counts), kinds in
 * order of first appearance.
 *
 * @example
 * ```ts
 * const t = plantedDefectCounts(matchPlantedDefects(market.defects, report.findings));
 * t.column("found").get("stale run"); // => 2, as planted
 * ```
 */
export function plantedDefectCounts(matches: readonly PlantedDefectMatch[]): Table {
  const kinds = [...new Set(matches.map((m) => m.defect))];
  const count = (keep: (m: PlantedDefectMatch) => boolean) => Object.fromEntries(kinds.map((k) => [k, matches.filter((m) => m.defect === k && keep(m)).length]));
  return table({ planted: count(() => true), found: count((m) => m.found) }, { labels: kinds, labelName: "defect", units: { planted: "count", found: "count" } });
}

/** Options of {@link plantedDefectTable}. */
export interface PlantedDefectTableOptions {
  /** At most this many rows are shown when the table displays itself (default 50). */
  readonly maxRows?: number;
}

/**
 * One row per planted defect: its kind, ticker, when, the finding that points at it (— when none) and whether it
 * was found.
 *
 * @example
 * ```ts
 * plantedDefectTable(matchPlantedDefects(market.defects, report.findings), { maxRows: 20 });
 * ```
 * @throws InputError EMPTY_TABLE when there are no matches.
 */
export function plantedDefectTable(matches: readonly PlantedDefectMatch[], options: PlantedDefectTableOptions = {}): Table {
  const rows = matches.map((m) => ({ defect: m.defect, ticker: m.ticker, when: m.when, finding: m.findingId, found: m.found ? "yes" : "no" }));
  return tableOfRows(rows, { maxRows: options.maxRows });
}
